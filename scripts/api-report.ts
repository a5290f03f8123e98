/**
 * The public API report: runs api-extractor on the built declarations (dist/) of each package entry
 * point (api/*.json, one per `exports` entry) and compares them with the committed api/*.api.md.
 *
 *   tsx scripts/api-report.ts           check: fails when a report is stale (part of `npm test`)
 *   tsx scripts/api-report.ts --local   update: rewrites the reports (`npm run api`)
 *
 * Both npm scripts build first, so the answer is about the sources as they are.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel, type ExtractorMessage } from '@microsoft/api-extractor';

const API_DIR = path.join(__dirname, '..', 'api');
const BASE_CONFIG = 'api-extractor.base.json';
/** api-extractor's own notices about a changed, copied or created report; this script prints its own line instead. */
const QUIET_IDS = new Set<string>(['console-api-report-not-copied', 'console-api-report-copied', 'console-api-report-created']);

function run(local: boolean): number {
  const configs = fs
    .readdirSync(API_DIR)
    .filter((f) => f.endsWith('.json') && f !== BASE_CONFIG)
    .sort()
    .map((f) => ExtractorConfig.loadFileAndPrepare(path.join(API_DIR, f)));
  // One TypeScript program for all entry points (they share most declarations): about half the time of one each.
  const compilerState = CompilerState.create(configs[0]!, { additionalEntryPoints: configs.map((c) => c.mainEntryPointFilePath) });
  const stale: string[] = [];
  let failed = 0;
  for (const config of configs) {
    const report = path.relative(process.cwd(), config.reportFilePath);
    const result = Extractor.invoke(config, {
      localBuild: local,
      compilerState,
      messageCallback: (message: ExtractorMessage) => {
        // Keep the output to one line per entry point: the stale-report notice is ours, below.
        if (message.logLevel === ExtractorLogLevel.Info || message.logLevel === ExtractorLogLevel.Verbose) message.handled = true;
        if (QUIET_IDS.has(message.messageId)) message.handled = true;
      },
      // In check mode, print the difference (api-extractor's `console-api-report-diff` warning).
      printApiReportDiff: !local,
    });
    if (result.apiReportChanged && !local) stale.push(report);
    else if (!result.succeeded) failed++;
    else process.stdout.write(`api: ${report} ${result.apiReportChanged ? 'updated' : 'up to date'}\n`);
  }
  for (const report of stale) {
    process.stderr.write(`api: ${report} does not match the public API of the sources: run \`npm run api\` and commit the updated report.\n`);
  }
  if (failed > 0) process.stderr.write(`api: api-extractor reported errors for ${failed} entry point(s) (above).\n`);
  return stale.length > 0 || failed > 0 ? 1 : 0;
}

process.exitCode = run(process.argv.includes('--local'));
