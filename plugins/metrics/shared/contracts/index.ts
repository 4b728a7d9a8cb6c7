export * from './events';
export * from './sites';
export * from './stats';
