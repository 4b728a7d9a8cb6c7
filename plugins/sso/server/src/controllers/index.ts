import loginEvents from './login-events';

export default { 'login-events': loginEvents };
