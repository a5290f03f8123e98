export * from './alert-estate';
