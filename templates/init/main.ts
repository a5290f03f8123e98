/** The cdktf app: `npm run synth` writes every environment's stack to cdktf.out/. */
import { App } from 'cdktf';
import { synthErrorLines } from 'cdktf-signoz-alerts';
import { defineEstate } from './estate';

try {
  const app = new App();
  defineEstate(app);
  app.synth();
} catch (err) {
  // One line per problem (construct path, field, what is allowed), not a stack trace.
  console.error(['The alert estate is not valid:', ...synthErrorLines(err).map((line) => `  ${line}`)].join('\n'));
  process.exit(1);
}
