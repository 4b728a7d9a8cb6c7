import sipAccounts from '../sip-accounts/controller';
import outbound from './outbound';
import providers from './providers';
import recordings from './recordings';

export default { outbound, providers, recordings, 'sip-accounts': sipAccounts };
