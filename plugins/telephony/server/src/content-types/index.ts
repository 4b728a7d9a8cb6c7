import call from './call/schema.json';
import integration from './integration/schema.json';

export default {
  call: { schema: call },
  integration: { schema: integration },
};
