// Owns the benchmark's bounds: every wait has a deadline, and whatever was started is stopped, even on failure.

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects with `what` in the message if `promise` has not settled within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls until `done()` holds or `ms` pass; resolves with whether it held (a timeout here is a result, not an error). */
export async function pollUntil(done: () => boolean, ms: number, everyMs = 20): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}

type Cleanup = () => Promise<void> | void;
const cleanups = new Set<Cleanup>();

/** Registers a cleanup that runs on normal completion, on failure and on Ctrl-C; returns its unregister. */
export function onCleanup(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs every registered cleanup (newest first), each bounded, never throwing. */
export async function runCleanups(): Promise<void> {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    await withTimeout(Promise.resolve().then(cleanup), 10_000, 'cleanup').catch((err: unknown) => {
      console.error(`cleanup failed: ${String(err)}`);
    });
  }
}
