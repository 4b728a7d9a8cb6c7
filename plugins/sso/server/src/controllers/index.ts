import directorySync from './directory-sync';
import loginEvents from './login-events';

export default { 'directory-sync': directorySync, 'login-events': loginEvents };
