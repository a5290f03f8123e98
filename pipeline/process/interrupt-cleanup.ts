/**
 * What must happen even when the process is interrupted: the programs it started (the cdktf app,
 * Terraform) are stopped, then the registered cleanups run (a git worktree, a saved plan holding
 * secrets in clear text). `finally` does not run when a signal ends the process, so both happen from
 * a handler for SIGINT, SIGTERM and SIGHUP, after which the process dies of the same signal, as it
 * would have without the handler (a shell then reports 130 for SIGINT, 143 for SIGTERM).
 *
 * The handler is installed only while something is registered; otherwise a signal ends the process
 * at once, as it always did.
 */
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** How long the programs get to end after SIGTERM (Terraform stops and releases its state lock) before SIGKILL. */
const GRACE_MS = 5000;
const POLL_MS = 50;

/** Process groups of running children started in a group of their own. */
const groups = new Set<number>();
/** Synchronous cleanups, run innermost (last registered) first. */
const cleanups: Array<() => void> = [];
/** The signal being handled; set, the process is on its way out. */
let interruptedBy: NodeJS.Signals | undefined;
/** Ends the grace period early (a second signal). */
let hurry: (() => void) | undefined;

/** True once a signal is being handled: what the process started is no longer reported back (it is about to die of the signal). */
export function isInterrupted(): boolean {
  return interruptedBy !== undefined;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    // EPERM: something still runs in the group (a member changed its user); ESRCH: none left.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is gone already.
  }
}

/** SIGTERM to every registered group; SIGKILL to those still alive after the grace period (or a second signal). */
async function stopGroups(): Promise<void> {
  const targets = [...groups];
  if (targets.length === 0) return;
  for (const pgid of targets) signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + GRACE_MS;
  let hurried = false;
  hurry = () => (hurried = true);
  // Polled with timers, not a busy loop: the event loop must run so that exited children are reaped.
  while (!hurried && Date.now() < deadline && targets.some(groupAlive)) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  for (const pgid of targets) if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
}

function onSignal(signal: NodeJS.Signals): void {
  if (interruptedBy !== undefined) {
    // Another signal while stopping (a cancelled CI job sends SIGINT, then SIGTERM): stop waiting.
    hurry?.();
    return;
  }
  interruptedBy = signal;
  // Those registered now: work that ends during the grace period must not unregister its cleanup.
  const pending = [...cleanups].reverse();
  void stopGroups().finally(() => {
    // The programs are gone: nothing writes into what the cleanups remove.
    for (const cleanup of pending) {
      try {
        cleanup();
      } catch {
        // The next cleanup still runs; the process dies of the signal either way.
      }
    }
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  });
}

/** Installs the handler while something is registered and removes it when nothing is (unless a signal is being handled). */
function syncHandler(): void {
  if (interruptedBy !== undefined) return;
  const installed = process.listeners('SIGTERM').includes(onSignal);
  const wanted = groups.size > 0 || cleanups.length > 0;
  if (wanted && !installed) for (const s of SIGNALS) process.on(s, onSignal);
  if (!wanted && installed) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/**
 * Registers the process group `pgid` (a child started with `detached: true`, so its pid): a signal
 * to this process stops the whole group (the child and everything it started) before the process
 * dies. Returns the function that unregisters it once the child has ended.
 */
export function stopGroupOnInterrupt(pgid: number): () => void {
  groups.add(pgid);
  syncHandler();
  return () => {
    groups.delete(pgid);
    syncHandler();
  };
}

/** Runs `work`; `cleanup` (synchronous) runs if a signal ends the process meanwhile. The caller still cleans up normally afterwards. */
export async function cleanUpOnInterrupt<T>(cleanup: () => void, work: () => Promise<T>): Promise<T> {
  cleanups.push(cleanup);
  syncHandler();
  try {
    return await work();
  } finally {
    const at = cleanups.lastIndexOf(cleanup);
    if (at >= 0) cleanups.splice(at, 1);
    syncHandler();
  }
}
