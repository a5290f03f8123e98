/** Public API of cdktf-signoz-alerts. */
export * from './evaluation';
export * from './testing';
