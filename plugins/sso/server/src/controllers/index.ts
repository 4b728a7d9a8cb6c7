import impersonations from '../impersonation/admin-controller';
import directorySync from './directory-sync';
import loginEvents from './login-events';

export default { 'directory-sync': directorySync, impersonations, 'login-events': loginEvents };
