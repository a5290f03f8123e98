/**
 * The one door to the CDK engine.
 *
 * Every module of this project (and the generated provider bindings under `.gen/`) imports the
 * engine through this file, never from `cdktf` directly. CDKTF was archived on 2025-12-10; moving
 * to its community continuation, CDK Terrain (`cdktn`), means changing the line below and
 * regenerating the bindings (`npm run gen`).
 */
export * from 'cdktf';
export { Construct, type IConstruct } from 'constructs';

/** The engine package this build runs on, for reports and version checks. */
export const ENGINE_PACKAGE = 'cdktf';
