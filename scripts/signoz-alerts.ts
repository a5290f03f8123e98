/**
 * Runs the `signoz-alerts` CLI from the TypeScript sources (for npm scripts such as `npm run
 * pr-check` and `npm run lock`), so they never run a stale build.
 */
import { main } from '../cli/program';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
