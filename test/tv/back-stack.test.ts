// The Back model: screens as history entries, focus restored after Back, an exit prompt on home, and the
// browser's or platform's own history.back() behaving exactly like the Back key.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createBackStack, type BackStackOptions, type BackStackWindow } from '../../src/tv/back-stack';
import { createFakeWindow, settle, type FakeWindow } from './fake-browser';

function setUp(options: Partial<BackStackOptions> = {}, win: FakeWindow = createFakeWindow()) {
  const screens: [string, string | undefined][] = [];
  let exitRequests = 0;
  const stack = createBackStack(win, {
    onScreen: (screenId, focusKey) => screens.push([screenId, focusKey]),
    onExitRequested: () => exitRequests++,
    ...options,
  });
  return { win, stack, screens, exitRequests: () => exitRequests };
}

describe('back stack', () => {
  it('starts on home with an exit guard behind it in history', () => {
    const { win, stack } = setUp();
    expect(stack.screen).toBe('home');
    expect(stack.depth).toBe(0);
    expect(win.entries).toHaveLength(2);
    expect(win.index).toBe(1);
  });

  it('opens a screen with pushState and shows it through onScreen, with nothing to restore yet', () => {
    const { win, stack, screens } = setUp();
    stack.open('timeline', 'tile-funding');
    expect(win.index).toBe(2);
    expect(stack.screen).toBe('timeline');
    expect(stack.depth).toBe(1);
    expect(screens).toEqual([['timeline', undefined]]);
  });

  it('goes back through history: the popstate shows the previous screen and restores its focus', async () => {
    const { win, stack, screens } = setUp();
    stack.open('timeline', 'tile-timeline');
    stack.open('watch', 'milestone-7');
    expect(stack.back()).toBe(true);
    expect(stack.screen).toBe('watch'); // history.back() is asynchronous; the popstate does the work
    await settle();
    expect(stack.screen).toBe('timeline');
    expect(screens.at(-1)).toEqual(['timeline', 'milestone-7']);
    stack.back();
    await settle();
    expect(stack.screen).toBe('home');
    expect(stack.depth).toBe(0);
    expect(screens.at(-1)).toEqual(['home', 'tile-timeline']);
    expect(win.index).toBe(1);
  });

  it('restores the latest focus key the shell remembered', async () => {
    const { stack, screens } = setUp();
    stack.open('timeline');
    stack.rememberFocus('milestone-3');
    stack.open('watch');
    stack.back();
    await settle();
    expect(screens.at(-1)).toEqual(['timeline', 'milestone-3']);
  });

  it('asks before exiting when Back is pressed on home, without touching history', () => {
    const { win, stack, exitRequests } = setUp();
    const pushes = win.pushes;
    expect(stack.back()).toBe(true);
    expect(exitRequests()).toBe(1);
    expect(win.index).toBe(1);
    expect(win.pushes).toBe(pushes);
  });

  it("treats the browser's own Back button on a screen exactly like the Back key", async () => {
    const { win, stack, screens } = setUp();
    stack.open('watch', 'tile-watch');
    win.history.back();
    await settle();
    expect(stack.screen).toBe('home');
    expect(screens.at(-1)).toEqual(['home', 'tile-watch']);
  });

  it("asks before exiting when the browser's Back reaches the guard, and re-arms the guard for next time", async () => {
    const { win, stack, exitRequests, screens } = setUp();
    win.history.back();
    await settle();
    expect(exitRequests()).toBe(1);
    expect(stack.screen).toBe('home');
    expect(screens).toEqual([]); // already on home: nothing to redraw
    expect(win.index).toBe(1); // back on a home entry, the guard behind it
    win.history.back();
    await settle();
    expect(exitRequests()).toBe(2);
    expect(win.index).toBe(1);
  });

  it('goes home and asks when the browser jumps from a screen straight past home', async () => {
    const { win, stack, exitRequests, screens } = setUp({}, createFakeWindow(['a page before SetVisit']));
    stack.open('timeline', 'tile-timeline');
    stack.open('watch');
    win.history.go(-4);
    await settle();
    expect(stack.screen).toBe('home');
    expect(screens.at(-1)).toEqual(['home', 'tile-timeline']);
    expect(exitRequests()).toBe(1);
  });

  it('follows the browser Forward button, and a new screen drops the forward entries', async () => {
    const { win, stack, screens } = setUp();
    stack.open('timeline', 'tile-timeline');
    stack.open('watch', 'milestone-2');
    stack.back();
    await settle();
    win.history.go(1);
    await settle();
    expect(stack.screen).toBe('watch');
    expect(screens.at(-1)).toEqual(['watch', undefined]);
    stack.back();
    await settle();
    stack.open('funding');
    expect(win.entries).toHaveLength(4); // guard, home, timeline, funding
    win.history.go(1);
    await settle();
    expect(stack.screen).toBe('funding');
  });

  it('does not mistake entries from an earlier page load (before a reload) for its own screens', async () => {
    const staleState = { setVisitBackStack: { session: 'an-earlier-load', index: 1 } };
    const { win, stack, exitRequests } = setUp({}, createFakeWindow([staleState]));
    win.history.go(-2);
    await settle();
    expect(stack.screen).toBe('home');
    expect(exitRequests()).toBe(1);
  });

  describe('where the platform turns Back into history.back() (webOS, Fire TV)', () => {
    it('leaves the Back key to the platform so it does not go back twice', async () => {
      const { win, stack, screens } = setUp({ platformBackMovesHistory: true });
      stack.open('timeline', 'tile-timeline');
      expect(stack.back('key')).toBe(false);
      await settle();
      expect(stack.screen).toBe('timeline');
      win.history.back(); // what webOS does for the same key press
      await settle();
      expect(stack.screen).toBe('home');
      expect(screens.at(-1)).toEqual(['home', 'tile-timeline']);
    });

    it('asks before exiting when the platform backs out of home', async () => {
      const { win, stack, exitRequests } = setUp({ platformBackMovesHistory: true });
      expect(stack.back('key')).toBe(false);
      expect(exitRequests()).toBe(0);
      win.history.back();
      await settle();
      expect(exitRequests()).toBe(1);
    });

    it('still acts on an on-screen Back control', async () => {
      const { stack, exitRequests } = setUp({ platformBackMovesHistory: true });
      stack.open('timeline');
      expect(stack.back('control')).toBe(true);
      await settle();
      expect(stack.screen).toBe('home');
      stack.back('control');
      expect(exitRequests()).toBe(1);
    });
  });

  it('uses the home screen id it is given', async () => {
    const { stack, screens } = setUp({ homeScreen: 'dashboard' });
    expect(stack.screen).toBe('dashboard');
    stack.open('watch', 'tile-watch');
    stack.back();
    await settle();
    expect(screens.at(-1)).toEqual(['dashboard', 'tile-watch']);
  });

  it('stops listening once disposed', async () => {
    const { win, stack, screens } = setUp();
    stack.open('watch');
    stack.dispose();
    win.history.back();
    await settle();
    expect(screens).toEqual([['watch', undefined]]);
  });

  it('accepts `window` as is', () => {
    expectTypeOf<Window>().toExtend<BackStackWindow>();
  });
});
