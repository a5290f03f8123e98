export * from './validation';
export * from './model/duration';
