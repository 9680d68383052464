// Code that comes after the first frame (the player controls, the circle panel, the attention notice and sampler)
// is fetched while the viewer already watches. A connection lost just then made that import fail for good: an
// unhandled rejection, and the part never came, though the stream itself comes back on its own when the browser is
// online again. The import is tried again then. A failure while online (a server error) is tried a few times, a
// second or two apart, and then is an error like any other.

export interface LoadWhenOnlineOptions {
  /** Tries while the browser says it is online, the first included (failures while offline do not count). */
  onlineTries?: number;
  /** Wait before the next try after an online failure, doubled each time. */
  retryDelayMs?: number;
  /** The window whose `online` event and `navigator.onLine` are watched; tests pass their own. */
  win?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigator: Pick<Navigator, 'onLine'> };
}

export function loadWhenOnline<T>(load: () => Promise<T>, { onlineTries = 3, retryDelayMs = 1_000, win = window }: LoadWhenOnlineOptions = {}): Promise<T> {
  let failedOnline = 0;
  const attempt = (): Promise<T> =>
    load().catch((error: unknown) => {
      if (win.navigator.onLine) {
        failedOnline += 1;
        if (failedOnline >= onlineTries) throw error;
        return new Promise<T>((resolve) => setTimeout(resolve, retryDelayMs * 2 ** (failedOnline - 1))).then(attempt);
      }
      return new Promise<void>((resolve) => {
        const online = () => {
          win.removeEventListener('online', online);
          resolve();
        };
        win.addEventListener('online', online);
      }).then(attempt);
    });
  return attempt();
}
