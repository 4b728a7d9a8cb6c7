import sipAccounts from '../sip-accounts/controller';
import cti from './cti';
import deskCalls from './desk-calls';
import events from './events';
import integrations from './integrations';
import outbound from './outbound';
import providers from './providers';
import recordings from './recordings';

export default {
  cti,
  'desk-calls': deskCalls,
  events,
  integrations,
  outbound,
  providers,
  recordings,
  'sip-accounts': sipAccounts,
};
