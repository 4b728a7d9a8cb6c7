export * from './events';
export * from './sites';
export * from './stats';
export * from './openapi';
