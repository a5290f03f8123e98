export * from './alerts';
export * from './codecs';
export * from './estate';
export * from './model/channel-ref';
export * from './model/enums';
export * from './model/rule-payload';
export { recordSourceLocation, SOURCE_LOCATIONS_CONTEXT } from './metadata/source-location';
export { STACK_METADATA_KEY, type StackMetadata } from './metadata/stack-metadata';
export * from '../policies';
