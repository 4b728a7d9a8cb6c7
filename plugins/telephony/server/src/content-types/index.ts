import call from './call/schema.json';
import integration from './integration/schema.json';
import sipAccount from './sip-account/schema.json';

export default {
  call: { schema: call },
  integration: { schema: integration },
  'sip-account': { schema: sipAccount },
};
