export * from './environment';
export * from './alert-estate';
export type { EnvironmentSettings } from '../stacks/environment-settings';
