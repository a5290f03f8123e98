/** Public API of cdktf-signoz-alerts. */
export * from './pipeline';
