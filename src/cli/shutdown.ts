/**
 * An interrupted run (Ctrl-C, SIGTERM, an output that can no longer be written): what was started is
 * undone in reverse order — worker threads stopped, temporary files removed, the progress bar's
 * cursor given back — and the process ends with the given exit code.
 */
type Cleanup = () => unknown;

const cleanups: Cleanup[] = [];
let ending = false;

/** Registers a clean-up for an interrupted run; returns its removal (call it when the work is done). */
export function onShutdown(cleanup: Cleanup): () => void {
  cleanups.push(cleanup);
  return () => {
    const i = cleanups.indexOf(cleanup);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** Runs the clean-ups (each once, the last registered first) and exits. */
export async function shutdown(code: number): Promise<void> {
  if (ending) return;
  ending = true;
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch {
      // the others still run
    }
  }
  process.exit(code);
}
