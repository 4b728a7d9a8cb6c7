import sipAccounts from '../sip-accounts/controller';
import cti from './cti';
import events from './events';
import integrations from './integrations';
import outbound from './outbound';
import providers from './providers';
import recordings from './recordings';

export default {
  cti,
  events,
  integrations,
  outbound,
  providers,
  recordings,
  'sip-accounts': sipAccounts,
};
