import { describe, expect, it, vi } from 'vitest';
import { loadWhenOnline } from '../../src/app/load-when-online';

function fakeWindow(onLine: boolean) {
  return Object.assign<EventTarget, { navigator: { onLine: boolean } }>(new EventTarget(), { navigator: { onLine } });
}

describe('loadWhenOnline', () => {
  it('tries again when the browser is back online, however long that takes', async () => {
    const win = fakeWindow(false);
    const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValue('module');
    const loaded = loadWhenOnline(load, { win });
    await new Promise((r) => setTimeout(r, 20));
    expect(load).toHaveBeenCalledTimes(1);
    win.navigator.onLine = true;
    win.dispatchEvent(new Event('online'));
    await expect(loaded).resolves.toBe('module');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('fails with the import error after the online tries are used up', async () => {
    const win = fakeWindow(true);
    const error = new TypeError('Failed to fetch dynamically imported module');
    const load = vi.fn<() => Promise<string>>().mockRejectedValue(error);
    await expect(loadWhenOnline(load, { win, onlineTries: 3, retryDelayMs: 1 })).rejects.toBe(error);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('does not count failures while offline against the online tries', async () => {
    const win = fakeWindow(false);
    const load = vi.fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('offline 1'))
      .mockRejectedValueOnce(new Error('offline 2'))
      .mockResolvedValue('module');
    const loaded = loadWhenOnline(load, { win, onlineTries: 1 });
    for (let i = 0; i < 2; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
      win.dispatchEvent(new Event('online'));
    }
    await expect(loaded).resolves.toBe('module');
    expect(load).toHaveBeenCalledTimes(3);
  });
});
