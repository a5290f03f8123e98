/**
 * `Suppressions.add(construct, [...])`: accept a policy finding on a construct (and everything
 * below it) with a reason. Suppressions are written into the stack's synthesized file under
 * `//.signoz-alerts.suppressions`, where reviewers see them and the `policy` command honours them.
 */
import { App, type IConstruct } from '../../constructs/engine';
import { setStackMetadata, stackMetadataOf } from '../../constructs/metadata/stack-metadata';
import { suppressionProblems, SuppressionError, type PathSuppression, type Suppression } from './suppression';

function sortKey(s: PathSuppression): string {
  return `${s.path}\u0000${s.id}\u0000${s.appliesTo ?? ''}`;
}

export class Suppressions {
  /**
   * Suppresses findings of the named rules on `construct` and every construct below it. Each
   * suppression needs a reason of at least 10 characters; an `expires` date makes it an error from
   * the next day on; `appliesTo` narrows it to one finding (the key shown in reports).
   */
  static add(construct: IConstruct, suppressions: readonly Suppression[]): void {
    if (App.isApp(construct)) {
      throw new SuppressionError(construct.node.path, [
        { path: '', message: 'add suppressions to a stack or a construct inside one; for the whole app, pass them to the policy pack (suppressions option)' },
      ]);
    }
    const path = construct.node.path;
    const problems = suppressions.flatMap((s, i) => suppressionProblems(s, false).map((message) => ({ path: `[${i}]`, message })));
    if (problems.length > 0) throw new SuppressionError(path, problems);
    const metadata = stackMetadataOf(construct);
    const list = (metadata.suppressions ?? []) as PathSuppression[];
    for (const s of suppressions) {
      list.push({
        path,
        id: s.id,
        reason: s.reason.trim(),
        ...(s.owner !== undefined ? { owner: s.owner } : {}),
        ...(s.expires !== undefined ? { expires: s.expires } : {}),
        ...(s.appliesTo !== undefined ? { appliesTo: s.appliesTo } : {}),
      });
    }
    list.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    if (!metadata.suppressions) setStackMetadata(construct, 'suppressions', list);
  }
}
