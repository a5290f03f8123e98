/**
 * `npm run gen`, second step: writes the TypeScript types of the rule JSON Schemas (see
 * `scripts/schema-types.ts`) to `constructs/model/rule-payload.schema-types.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderSchemaTypes, SCHEMA_TYPES_FILE } from './schema-types';

async function main(): Promise<void> {
  const text = await renderSchemaTypes();
  const current = fs.existsSync(SCHEMA_TYPES_FILE) ? fs.readFileSync(SCHEMA_TYPES_FILE, 'utf8') : undefined;
  if (current !== text) fs.writeFileSync(SCHEMA_TYPES_FILE, text);
  console.log(`${current === text ? 'up to date' : 'generated'}: ${path.relative(path.resolve(__dirname, '..'), SCHEMA_TYPES_FILE)}`);
}

main().catch((err: unknown) => {
  console.error(`schema type generation failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
