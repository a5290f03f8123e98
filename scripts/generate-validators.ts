/** `npm run gen`, last step: writes the precompiled JSON Schema validators (see `scripts/validator-code.ts`). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderValidators, VALIDATORS_DIR } from './validator-code';

fs.mkdirSync(VALIDATORS_DIR, { recursive: true });
for (const [name, text] of Object.entries(renderValidators())) {
  const file = path.join(VALIDATORS_DIR, name);
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (current !== text) fs.writeFileSync(file, text);
  console.log(`${current === text ? 'up to date' : 'generated'}: ${path.relative(path.resolve(__dirname, '..'), file)}`);
}
