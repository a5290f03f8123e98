/** Public API of cdktf-signoz-alerts. */
export * from './alerts';
export * from './codecs';
export * from './estate';
export * from './evaluation';
export * from './model/channel-ref';
export * from './model/duration';
export * from './model/enums';
export * from './model/rule-payload';
export * from './testing';
export * from './validation';
