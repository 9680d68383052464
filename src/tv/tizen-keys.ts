// Registers the remote keys SetVisit uses with Tizen, so media, colour and number keys reach the page at all.
import type { TizenTvInputDevice, TvPlatformWindow } from './platform-apis';
import { TIZEN_KEY_NAMES } from './remote-keys';

export interface TizenKeyRegistration {
  /** 'unavailable' off Tizen (or on a Tizen without tvinputdevice): nothing to do, nothing wrong. */
  method: 'batch' | 'one-by-one' | 'unavailable';
  registered: string[];
  /** Keys this set refused, usually because its remote lacks them (the Smart Remote has no colour or number keys). */
  failed: string[];
}

/**
 * Registers `keys` (default: every key SetVisit uses) with `registerKeyBatch`, or `registerKey` one by one where
 * the batch call is missing or fails — one unknown key makes a batch fail, and one-by-one then still registers the
 * rest. Never throws: a key missing on this remote must not stop the app. Resolves with what happened, for ?stats.
 */
export function registerTizenKeys(
  win: TvPlatformWindow,
  keys: readonly string[] = TIZEN_KEY_NAMES,
): Promise<TizenKeyRegistration> {
  const input = win.tizen && win.tizen.tvinputdevice;
  if (!input || (!input.registerKeyBatch && !input.registerKey)) {
    return Promise.resolve({ method: 'unavailable', registered: [], failed: [] });
  }
  if (!input.registerKeyBatch) return Promise.resolve(registerOneByOne(input, keys));
  return new Promise((resolve) => {
    const fallBack = (): void => resolve(registerOneByOne(input, keys));
    const done = (): void => resolve({ method: 'batch', registered: keys.slice(), failed: [] });
    try {
      // Called on its object: Tizen's native bindings need `this`.
      input.registerKeyBatch?.(keys.slice(), done, fallBack);
    } catch {
      fallBack();
    }
  });
}

function registerOneByOne(input: TizenTvInputDevice, keys: readonly string[]): TizenKeyRegistration {
  const report: TizenKeyRegistration = { method: 'one-by-one', registered: [], failed: [] };
  for (const key of keys) {
    try {
      if (!input.registerKey) throw new Error('registerKey is missing');
      input.registerKey(key);
      report.registered.push(key);
    } catch {
      report.failed.push(key);
    }
  }
  return report;
}
