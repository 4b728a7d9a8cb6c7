import impersonations from '../impersonation/admin-controller';
import loginEvents from './login-events';

export default { impersonations, 'login-events': loginEvents };
