export type { ClientRegistration, ClientsContract } from './clients';
export * from './openapi';
