export * from './environment';
export * from './alert-estate';
