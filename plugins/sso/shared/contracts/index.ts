export type { ClientRegistration, ClientsContract } from './clients';
