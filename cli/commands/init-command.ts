/**
 * `signoz-alerts init [dir] [--name <name>] [--force]`: scaffolds a new alerts-as-code app (an
 * estate, a unit test, a behaviour test, the PR/apply/drift workflows, the provider lock folder).
 * Exit 0 when written, 2 when the folder is not empty (without `--force`) or the name is not valid.
 */
import * as path from 'node:path';
import { EXIT } from '../io';
import { scaffoldApp } from '../scaffold-app';
import type { RegisterCommand } from './register-command';

interface InitFlags {
  name?: string;
  force?: boolean;
}

export const registerInit: RegisterCommand = (program, io, setExitCode) => {
  program
    .command('init')
    .description('Scaffold a new alerts-as-code app (cdktf app, tests, workflows, provider lock folder) into an empty folder.')
    .argument('[dir]', 'folder to write the app into (created when missing)', '.')
    .option('--name <name>', "the app's npm package name (default: the folder's name)")
    .option('--force', 'write into a folder that is not empty; files of the same name are replaced')
    .action((dir: string, flags: InitFlags) => {
      const target = path.resolve(io.cwd, dir);
      const result = scaffoldApp(target, { ...(flags.name !== undefined ? { name: flags.name } : {}), force: flags.force === true });
      io.out(`Wrote the app ${result.name} to ${dir} (${result.files.length} files):`);
      for (const file of result.files) io.out(`  ${file}`);
      io.out('');
      io.out('Next:');
      if (path.resolve(io.cwd, dir) !== io.cwd) io.out(`  cd ${dir}`);
      io.out('  npm install     # then commit package-lock.json');
      io.out('  npm test        # unit tests, synth, behaviour tests (offline)');
      io.out('  npm run lock    # provider lock files into stacks/locks/ (needs the Terraform registry); commit them');
      setExitCode(EXIT.ok);
    });
};
