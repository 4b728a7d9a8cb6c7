import outbound from './outbound';
import providers from './providers';
import recordings from './recordings';

export default { outbound, providers, recordings };
