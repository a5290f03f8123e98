/**
 * The floors the bench divides command times by: the least work any tool must do for the same
 * input, each in a fresh process that loads only what it needs. Prints nothing; the bench times the
 * whole process, as it times the command.
 *   node dist/bench/floors.js validate <dir>              read, parse and check every *.json with the compiled schemas
 *   node dist/bench/floors.js plan <plan.json> <out> <bytes>  parse the plan and write that many bytes
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleSchemaValidator } from '../constructs/validation/compiled-rule-schema';

function validateFloor(dir: string): void {
  const validate = ruleSchemaValidator();
  let invalid = 0;
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    if (!validate(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')))) invalid++;
  }
  if (invalid > 0) throw new Error(`${invalid} rule files failed the schemas: the floor's input is not the command's`);
}

function planFloor(planFile: string, outFile: string, bytes: number): void {
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as { resource_changes?: unknown[] };
  if (!Array.isArray(plan.resource_changes)) throw new Error('the plan has no resource_changes');
  fs.writeFileSync(outFile, Buffer.alloc(bytes, 0x61));
}

const [kind, ...args] = process.argv.slice(2);
if (kind === 'validate') validateFloor(args[0]!);
else if (kind === 'plan') planFloor(args[0]!, args[1]!, Number(args[2]));
else throw new Error('usage: floors <validate <dir> | plan <plan.json> <out> <bytes>>');
