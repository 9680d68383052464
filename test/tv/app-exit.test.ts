// Exiting after "yes": Tizen's application API, webOS's platformBack, window.close, or staying put.
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { exitApp, type ExitWindow } from '../../src/tv/app-exit';

/** A window whose close() the browser accepts (closed turns true) or refuses; `extras` adds vendor globals. */
function closableWindow<Extras extends object>(accepts: boolean, extras?: Extras) {
  const win = Object.assign({ closed: false, close: vi.fn(() => (win.closed = accepts)) }, extras);
  return win;
}

describe('app exit', () => {
  it("exits through Tizen's application API", () => {
    const exit = vi.fn();
    const win = closableWindow(true, { tizen: { application: { getCurrentApplication: () => ({ exit }) } } });
    expect(exitApp(win)).toBe('tizen');
    expect(exit).toHaveBeenCalledOnce();
    expect(win.close).not.toHaveBeenCalled();
  });

  it("hands back to webOS with platformBack when webOSTV.js is loaded", () => {
    const platformBack = vi.fn();
    const win = closableWindow(true, { webOS: { platformBack } });
    expect(exitApp(win)).toBe('webos');
    expect(platformBack).toHaveBeenCalledOnce();
    expect(win.close).not.toHaveBeenCalled();
  });

  it("hands back to webOS through the runtime's PalmSystem when webOSTV.js is not loaded (the packaged app)", () => {
    const platformBack = vi.fn();
    const win = closableWindow(true, { PalmSystem: { platformBack } });
    expect(exitApp(win)).toBe('webos');
    expect(platformBack).toHaveBeenCalledOnce();
    expect(win.close).not.toHaveBeenCalled();
  });

  it('falls through to the next way out when a platform call throws', () => {
    const win = closableWindow(true, {
      tizen: {
        application: {
          getCurrentApplication: (): { exit(): void } => {
            throw new Error('SecurityError: privilege missing');
          },
        },
      },
    });
    expect(exitApp(win)).toBe('window-close');
    expect(win.close).toHaveBeenCalledOnce();
  });

  it('closes the window elsewhere when the browser allows it', () => {
    expect(exitApp(closableWindow(true))).toBe('window-close');
    expect(exitApp(closableWindow(true, { webOS: {} }))).toBe('window-close');
  });

  it('stays put when the browser refuses to close a window it did not open', () => {
    const win = closableWindow(false);
    expect(exitApp(win)).toBe('stayed');
    expect(win.close).toHaveBeenCalledOnce();
    expect(exitApp({})).toBe('stayed');
  });

  it('accepts `window` as is', () => {
    expectTypeOf<Window>().toExtend<ExitWindow>();
  });
});
