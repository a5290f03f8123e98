/**
 * Cleanup that must happen even when the process is interrupted: a registered git worktree, a saved
 * plan holding secrets in clear text. `finally` does not run when a signal ends the process, so the
 * cleanup also runs from a handler for SIGINT, SIGTERM and SIGHUP, after which the process dies of
 * the same signal, as it would have without the handler.
 */
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Runs `work`; `cleanup` (synchronous) runs if a signal ends the process meanwhile. The caller still cleans up normally afterwards. */
export async function cleanUpOnInterrupt<T>(cleanup: () => void, work: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals): void => {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    try {
      cleanup();
    } finally {
      process.kill(process.pid, signal);
    }
  };
  for (const s of SIGNALS) process.once(s, onSignal);
  try {
    return await work();
  } finally {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  }
}
