/**
 * `signoz-alerts refactor-guard <plan.json>...`: lists delete + create pairs of identical content
 * (a construct moved or renamed) with the `moved` block that keeps each object's identity.
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import { cdktfMoveHint, findRefactorMoves, movedBlock } from '../../pipeline/refactor/refactor-guard';
import { EXIT, type CliIO } from '../io';
import type { RegisterCommand } from './register-command';

export const registerRefactorGuard: RegisterCommand = (program: Command, io: CliIO, setExitCode) => {
  program
    .command('refactor-guard')
    .description('Flag deletes paired with identical creates (moved constructs) and print the moved blocks that keep identity.')
    .argument('<plan.json...>', 'plan files written by `terraform show -json <planfile>`')
    .option('--fail-on-refactor', 'exit 1 when any such pair is found')
    .action(async (files: string[], options: { failOnRefactor?: boolean }) => {
      // Loaded when the command runs, not at the top: `--help` and the other commands do not pay for them.
      const { readPlanFile } = await import('../../pipeline/plan/plan-file.js');
      let found = 0;
      for (const file of files) {
        const moves = findRefactorMoves((await readPlanFile(path.resolve(io.cwd, file))).resourceChanges);
        found += moves.length;
        for (const move of moves) {
          io.out(`${file}: ${move.from} is deleted and ${move.to} is created with the same content.`);
          io.out(movedBlock(move));
          io.out(`  ${cdktfMoveHint(move)}`);
        }
      }
      if (found === 0) io.out('refactor-guard: no delete/create pairs with identical content.');
      else io.err(`refactor-guard: ${found} resource(s) would lose their identity; keep it with the moved blocks above.`);
      setExitCode(found > 0 && options.failOnRefactor ? EXIT.failed : EXIT.ok);
    });
};
