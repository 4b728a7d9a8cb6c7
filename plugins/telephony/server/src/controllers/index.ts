import cti from './cti';
import events from './events';
import integrations from './integrations';

export default { cti, events, integrations };
