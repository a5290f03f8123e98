/**
 * The cdktf app of the example estate: `npx cdktf synth` (or `npm run synth`) synthesizes every
 * stack into cdktf.out/ offline; `npm start` does the same and checks and summarizes it.
 */
import { applyPolicies } from '../policies';
import { App } from '../constructs/engine';
import { defineEstate } from './estate';
import { synthErrorLines } from '../constructs';

try {
  const app = new App();
  defineEstate(app);
  // The organisation's alerting standards: errors fail synth, findings are printed as annotations.
  applyPolicies(app);
  app.synth();
} catch (err) {
  console.error(['The example estate is not valid:', ...synthErrorLines(err).map((l) => `  ${l}`)].join('\n'));
  process.exit(1);
}
