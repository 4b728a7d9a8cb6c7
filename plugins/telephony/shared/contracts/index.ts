export * from './calls';
export * from './cti';
export * from './integrations';
export * from './outbound';
export * from './sip-accounts';
export * from './desk';
export * from './clinics';
