// The TV focus manager: D-pad moves on a real-looking layout, geometry read once per layout, one focus at all
// times (recovery when the focused element goes away), dialogs that trap the D-pad, and focus memory for Back.
import { describe, expect, it } from 'vitest';
import { createFocusManager, type FocusManagerOptions, type FocusRect } from '../../../src/tv/focus';

/** A stand-in element whose rect the test can move, counting DOM focus calls. */
function element(left: number, top: number, width = 100, height = 50) {
  const el = {
    rect: { left, top, width, height } as FocusRect,
    focusCalls: 0,
    getBoundingClientRect: () => el.rect,
    focus: () => {
      el.focusCalls++;
    },
  };
  return el;
}

/**
 * The home screen in miniature:
 *   [funding] [backers] [days]        (section 'summary', y=0)
 *   [watch]                           (section 'actions', y=100)
 *   [m1] [m2] [m3] [m4]               (section 'timeline', y=200)
 */
function home(options: FocusManagerOptions = {}) {
  const focus = createFocusManager({ defer: (task) => task(), ...options });
  const els = {
    funding: element(0, 0),
    backers: element(120, 0),
    days: element(240, 0),
    watch: element(0, 100, 300),
    m1: element(0, 200),
    m2: element(120, 200),
    m3: element(240, 200),
    m4: element(360, 200),
  };
  const selected: string[] = [];
  const unregister: Record<string, () => void> = {};
  for (const [id, el] of Object.entries(els)) {
    const section = id.startsWith('m') ? 'timeline' : id === 'watch' ? 'actions' : 'summary';
    unregister[id] = focus.register({ id, element: el, section, onSelect: () => selected.push(id) });
  }
  return { focus, els, selected, unregister };
}

describe('focus manager: D-pad moves', () => {
  it('moves to the nearest item in each direction and stays put at the edges', () => {
    const { focus } = home();
    expect(focus.setFocus('backers')).toBe(true);
    expect(focus.move('right')).toBe(true);
    expect(focus.current()).toBe('days');
    expect(focus.move('right')).toBe(false);
    expect(focus.current()).toBe('days');
    expect(focus.move('up')).toBe(false);
    expect(focus.move('down')).toBe(true);
    expect(focus.current()).toBe('watch'); // the wide button overlaps this column
    expect(focus.move('down')).toBe(true);
    expect(focus.current()).toBe('m1'); // below the button, the overlapping item nearest in line
    expect(focus.move('right')).toBe(true);
    expect(focus.move('right')).toBe(true);
    expect(focus.move('right')).toBe(true);
    expect(focus.current()).toBe('m4');
    expect(focus.move('up')).toBe(true);
    expect(focus.current()).toBe('watch');
  });

  it('prefers the item straight ahead over a nearer one off to the side', () => {
    const focus = createFocusManager();
    const a = element(0, 0);
    focus.register({ id: 'a', element: a });
    focus.register({ id: 'straight', element: element(0, 300) });
    focus.register({ id: 'aside', element: element(400, 120) });
    focus.setFocus('a');
    focus.move('down');
    expect(focus.current()).toBe('straight');
  });

  it('moves the DOM focus with it and tells subscribers once per change', () => {
    const { focus, els } = home();
    const seen: (string | null)[] = [];
    focus.subscribe((id) => seen.push(id));
    focus.setFocus('funding');
    focus.move('right');
    focus.setFocus('backers');
    expect(seen).toEqual(['funding', 'backers']);
    expect(els.backers.focusCalls).toBe(2);
  });

  it('runs the focused item on OK and reports false when there is nothing to run', () => {
    const focus = createFocusManager();
    expect(focus.select()).toBe(false);
    const selected: string[] = [];
    focus.register({ id: 'go', element: element(0, 0), onSelect: () => selected.push('go') });
    focus.register({ id: 'label', element: element(0, 100) });
    focus.setFocus('go');
    expect(focus.select()).toBe(true);
    focus.setFocus('label');
    expect(focus.select()).toBe(false);
    expect(selected).toEqual(['go']);
  });

  it('with nothing focused yet, the first arrow focuses the first item in reading order', () => {
    const { focus } = home();
    expect(focus.current()).toBeNull();
    expect(focus.move('down')).toBe(true);
    expect(focus.current()).toBe('funding');
  });

  it('skips elements that are not laid out (display:none reads as a zero rect)', () => {
    const { focus, els } = home();
    els.watch.rect = { left: 0, top: 0, width: 0, height: 0 };
    focus.setFocus('funding');
    focus.move('down');
    expect(focus.current()).toBe('m1');
  });

  it('refuses unknown ids without moving the focus', () => {
    const { focus } = home();
    focus.setFocus('days');
    expect(focus.setFocus('nope')).toBe(false);
    expect(focus.current()).toBe('days');
  });
});

/**
 * The backer-code keypad as the TV lays it out (left-aligned rows, keys 80 px wide with 10 px gaps):
 *   [0][1][2][3][4][5][6][7][8][9]     y=0
 *   [-][_]                             y=60  (the short row)
 *   [ABC   ][Delete][Clear ][Open  ]   y=120
 */
function keypad(rows: boolean) {
  const focus = createFocusManager({ defer: (task) => task() });
  if (rows) focus.defineSection('keypad', { rows: true });
  const keys = [...'0123456789'].map((c, i) => ({ id: c, el: element(i * 90, 0, 80) }));
  keys.push({ id: '-', el: element(0, 60, 80) }, { id: '_', el: element(90, 60, 80) });
  ['shift', 'delete', 'clear', 'submit'].forEach((id, i) => keys.push({ id, el: element(i * 160, 120, 150) }));
  for (const { id, el } of keys) focus.register({ id, element: el, section: 'keypad' });
  // Something below the keypad in another section: rows stop at the section's edge, then the usual rule applies.
  focus.register({ id: 'hint-link', element: element(0, 200, 300), section: 'other' });
  return focus;
}

describe('focus manager: a section laid out in rows (a keypad)', () => {
  it('Down from any key reaches the next row, however short it is, so "-" is reachable from the middle of the digits', () => {
    for (const digit of '0123456789') {
      const focus = keypad(true);
      focus.setFocus(digit);
      expect(focus.move('down')).toBe(true);
      expect(['-', '_']).toContain(focus.current());
      focus.setFocus(digit);
      focus.move('down');
      if (focus.current() === '_') expect(focus.move('left')).toBe(true);
      expect(focus.current()).toBe('-');
    }
  });

  it('Down from the short row reaches the controls, Up walks back row by row, and the section edge leads out', () => {
    const focus = keypad(true);
    focus.setFocus('5');
    focus.move('down');
    expect(focus.current()).toBe('_'); // the nearest key of the short row
    focus.move('down');
    expect(focus.current()).toBe('shift');
    focus.setFocus('submit');
    focus.move('up');
    expect(focus.current()).toBe('_');
    focus.move('up');
    expect(focus.current()).toBe('1');
    focus.setFocus('clear');
    focus.move('down');
    expect(focus.current()).toBe('hint-link');
  });

  it('without the option, the usual weighting holds (the key right below beats a nearer key four columns over)', () => {
    const focus = keypad(false);
    focus.setFocus('5');
    focus.move('down');
    expect(focus.current()).toBe('clear');
  });
});

describe('focus manager: geometry once per layout', () => {
  it('reads every rect once and then answers a held arrow from the cache', () => {
    const { focus } = home();
    focus.setFocus('m1');
    const before = focus.measurements;
    for (let i = 0; i < 30; i++) focus.move(i % 2 ? 'left' : 'right');
    // One read of each of the 8 items, then one check of the newly focused item per press: 38, not 30 × 8.
    expect(focus.measurements - before).toBe(8 + 30);
  });

  it('throws the geometry away on resize and scroll, and sees the new layout', () => {
    const target = new EventTarget();
    const layoutEvents = {
      addEventListener: (type: 'resize' | 'scroll', listener: () => void, options?: { capture?: boolean }) => target.addEventListener(type, listener, options),
      removeEventListener: (type: 'resize' | 'scroll', listener: () => void, options?: { capture?: boolean }) => target.removeEventListener(type, listener, options),
    };
    const { focus, els } = home({ layoutEvents });
    focus.setFocus('m1');
    focus.move('right');
    expect(focus.current()).toBe('m2');
    // The timeline scrolled: m3 now sits left of m2 (a contrived but checkable change).
    els.m3.rect = { left: 60, top: 200, width: 40, height: 50 };
    els.m1.rect = { left: -500, top: 200, width: 100, height: 50 };
    target.dispatchEvent(new Event('scroll'));
    const before = focus.measurements;
    focus.move('left');
    expect(focus.current()).toBe('m3');
    expect(focus.measurements - before).toBe(8 + 1); // all, then the check of the newly focused item
    focus.dispose();
    target.dispatchEvent(new Event('resize'));
  });

  it('notices when focusing scrolled the list (the scroll event comes a frame later) and re-measures once', () => {
    const { focus, els } = home();
    focus.setFocus('m1');
    focus.move('right'); // geometry cached; m2 focused
    // Focusing m3 scrolls the timeline left by 100 px: every item moves.
    let scrolled = false;
    els.m3.focus = () => {
      if (scrolled) return;
      scrolled = true;
      for (const el of [els.m1, els.m2, els.m3, els.m4]) el.rect = { ...el.rect, left: el.rect.left - 100 };
    };
    focus.move('right');
    expect(focus.current()).toBe('m3');
    const before = focus.measurements;
    focus.move('right');
    expect(focus.current()).toBe('m4');
    expect(focus.measurements - before).toBe(8 + 1); // a fresh read of all, plus the check on the newly focused one
    // Without a scroll, the check costs one read per press and keeps the cache.
    const steady = focus.measurements;
    focus.move('left');
    focus.move('right');
    expect(focus.measurements - steady).toBe(2);
  });

  it('re-measures after a registration changes the layout', () => {
    const { focus } = home();
    focus.setFocus('m4');
    focus.move('left');
    const before = focus.measurements;
    focus.register({ id: 'm5', element: element(480, 200), section: 'timeline' });
    focus.setFocus('m4');
    focus.move('right');
    expect(focus.current()).toBe('m5');
    expect(focus.measurements - before).toBe(9 + 1);
  });
});

describe('focus manager: never on nothing', () => {
  it('moves to the nearest neighbour in the same section when the focused item unregisters', () => {
    const { focus, unregister } = home();
    focus.setFocus('m3');
    focus.move('left'); // measure, so the lost item's place is known
    focus.setFocus('m3');
    unregister.m3?.();
    expect(['m2', 'm4']).toContain(focus.current());
  });

  it('keeps focus on an item re-registered under the same id (a remount), without jumping', () => {
    const deferred: (() => void)[] = [];
    const focus = createFocusManager({ defer: (task) => deferred.push(task) });
    const first = element(0, 0);
    focus.register({ id: 'other', element: element(0, 100) });
    const off = focus.register({ id: 'tile', element: first });
    focus.setFocus('tile');
    off();
    const again = element(0, 0);
    focus.register({ id: 'tile', element: again });
    deferred.forEach((task) => task());
    expect(focus.current()).toBe('tile');
    expect(again.focusCalls).toBe(1);
  });

  it('falls back to the first item in scope when its whole section is gone', () => {
    const { focus, unregister } = home();
    focus.setFocus('watch');
    unregister.watch?.();
    expect(focus.current()).toBe('funding');
  });

  it('reports null only when nothing at all is focusable', () => {
    const focus = createFocusManager({ defer: (task) => task() });
    const seen: (string | null)[] = [];
    focus.subscribe((id) => seen.push(id));
    const off = focus.register({ id: 'only', element: element(0, 0) });
    focus.setFocus('only');
    off();
    expect(focus.current()).toBeNull();
    expect(seen).toEqual(['only', null]);
  });

  it('reassert() gives the DOM focus back to the current element', () => {
    const { focus, els } = home();
    focus.setFocus('days');
    focus.reassert();
    expect(els.days.focusCalls).toBe(2);
  });
});

describe('focus manager: sections, dialogs and Back', () => {
  it('a list section remembers its place when focus comes back into it', () => {
    const { focus } = home();
    focus.defineSection('timeline', { rememberLast: true });
    focus.setFocus('m3');
    focus.move('up');
    expect(focus.current()).toBe('watch');
    focus.move('down');
    expect(focus.current()).toBe('m3');
  });

  it('a scope traps the D-pad in a dialog and releases it afterwards', () => {
    const { focus } = home();
    focus.register({ id: 'yes', element: element(500, 500), section: 'exit' });
    focus.register({ id: 'no', element: element(620, 500), section: 'exit' });
    focus.setFocus('m2');
    focus.setScope('exit');
    expect(focus.current()).toBe('yes');
    expect(focus.move('right')).toBe(true);
    expect(focus.current()).toBe('no');
    expect(focus.move('up')).toBe(false);
    expect(focus.setFocus('m1')).toBe(false);
    focus.setScope(null);
    expect(focus.setFocus('m2')).toBe(true);
  });

  it('remember/restore brings focus back to where the family was, not to the first item', () => {
    const { focus } = home();
    focus.setFocus('m4');
    focus.remember('home');
    focus.setFocus('funding');
    expect(focus.restore('home')).toBe(true);
    expect(focus.current()).toBe('m4');
    expect(focus.restore('never-seen')).toBe(false);
  });

  it('focusSection picks the remembered item, else the section’s first in reading order', () => {
    const { focus } = home();
    expect(focus.focusSection('timeline')).toBe(true);
    expect(focus.current()).toBe('m1');
    focus.setFocus('m3');
    focus.setFocus('watch');
    focus.focusSection('timeline');
    expect(focus.current()).toBe('m3');
    expect(focus.focusSection('missing')).toBe(false);
  });
});
