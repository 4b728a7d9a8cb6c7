export * from './calls';
export * from './cti';
export * from './integrations';
export * from './desk';
export * from './clinics';
