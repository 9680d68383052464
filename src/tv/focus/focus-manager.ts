// The one focus of the TV shell: which registered element has it, where the D-pad moves it, and getting it back
// after Back or after the focused element disappears. Framework-free; the React binding is useFocusable.ts.
import { nearestInDirection, nearestInNextRow, readingOrder, type FocusCandidate, type FocusDirection, type FocusRect } from './spatial-geometry';

/** What the manager needs of a DOM element; an HTMLElement fits, and so does a test's plain object. */
export interface FocusableElement {
  getBoundingClientRect(): FocusRect;
  focus(): void;
}

export interface FocusableRegistration {
  /** Stable across re-renders and remounts: it is what Back restores and what tests look for. */
  id: string;
  element: FocusableElement;
  /** A group of focusables (a row of tiles, the timeline, a dialog's buttons). Default: 'default'. */
  section?: string;
  /** OK on this element. */
  onSelect?: () => void;
}

export interface SectionOptions {
  /** Entering the section from outside focuses the item last focused in it (a list keeps its place). */
  rememberLast?: boolean;
  /**
   * The section is laid out in rows (a keypad): Up and Down inside it go to the next row, however short, rather
   * than past it to a row further on that lies straight below. Past its first or last row the usual rule applies.
   */
  rows?: boolean;
}

/** Anything that reports layout changes: `window` (resize; scroll in capture phase catches every scroller). */
export interface LayoutEvents {
  addEventListener(type: 'resize' | 'scroll', listener: () => void, options?: { capture?: boolean; passive?: boolean }): void;
  removeEventListener(type: 'resize' | 'scroll', listener: () => void, options?: { capture?: boolean }): void;
}

export interface FocusManagerOptions {
  /** Where resize and scroll come from; geometry measured before them is thrown away. */
  layoutEvents?: LayoutEvents;
  /** Defers recovery after the focused element unregisters, so a remount under the same id keeps focus. */
  defer?: (task: () => void) => void;
}

export interface FocusManager {
  /** Adds a focusable (or replaces the element of a known id, keeping focus on it); returns the unregister function. */
  register(registration: FocusableRegistration): () => void;
  /** Moves focus to `id` (and the DOM focus to its element). False when no such focusable is reachable. */
  setFocus(id: string): boolean;
  /** One D-pad step. False at the edge of the screen: focus stays where it is. */
  move(direction: FocusDirection): boolean;
  /** OK: runs the focused item's onSelect. False when nothing is focused or it has no action. */
  select(): boolean;
  current(): string | null;
  /** The remembered item of a section, else its first in reading order. */
  focusSection(section: string): boolean;
  defineSection(section: string, options: SectionOptions): void;
  /** Keeps D-pad focus inside one section (a dialog) until called with null; focus moves into it at once. */
  setScope(section: string | null): void;
  /** Stores the current focus under `key` (a screen): what restore(key) gives back after Back. */
  remember(key: string): void;
  /** Focuses what remember(key) stored, when it is still registered. */
  restore(key: string): boolean;
  /** The layout changed in a way resize/scroll do not report (content loaded, a toast pushed rows): re-measure next move. */
  invalidateLayout(): void;
  /** Puts the DOM focus back on the current element (after a click on nothing, or a blur the shell did not ask for). */
  reassert(): void;
  subscribe(listener: (id: string | null) => void): () => void;
  /** How many element rectangles were read since creation: for tests and the benchmark. */
  readonly measurements: number;
  dispose(): void;
}

interface Entry {
  id: string;
  element: FocusableElement;
  section: string;
  onSelect: (() => void) | undefined;
}

const DEFAULT_SECTION = 'default';

export function createFocusManager(options: FocusManagerOptions = {}): FocusManager {
  const entries = new Map<string, Entry>();
  const sections = new Map<string, SectionOptions>();
  const lastInSection = new Map<string, string>();
  const memory = new Map<string, string>();
  const listeners = new Set<(id: string | null) => void>();
  const defer = options.defer ?? ((task: () => void) => void Promise.resolve().then(task));
  // Geometry is measured once per layout (all rects at once) and reused by every key press until the layout
  // changes: TV engines are slow at layout reads, and a held arrow fires ~30 key events a second (norigin #40).
  let rects: Map<string, FocusRect> | null = null;
  let measurements = 0;
  let currentId: string | null = null;
  let scope: string | null = null;
  let recoveryQueued = false;
  /** Where the focused element was when it went away, to pick its nearest neighbour. */
  let lostAt: { rect: FocusRect | undefined; section: string } | null = null;

  const invalidate = (): void => {
    rects = null;
  };
  const capture = { capture: true, passive: true };
  options.layoutEvents?.addEventListener('resize', invalidate);
  options.layoutEvents?.addEventListener('scroll', invalidate, capture);

  const inScope = (entry: Entry): boolean => scope === null || entry.section === scope;

  function geometry(): Map<string, FocusRect> {
    if (rects) return rects;
    rects = new Map();
    for (const entry of entries.values()) {
      const rect = entry.element.getBoundingClientRect();
      measurements++;
      // display:none or not laid out yet: not somewhere the D-pad can go.
      if (rect.width > 0 || rect.height > 0) rects.set(entry.id, rect);
    }
    return rects;
  }

  function candidates(filter: (entry: Entry) => boolean): FocusCandidate[] {
    const measured = geometry();
    const list: FocusCandidate[] = [];
    for (const entry of entries.values()) {
      const rect = measured.get(entry.id);
      if (rect && filter(entry)) list.push({ id: entry.id, rect });
    }
    return list;
  }

  function firstOf(filter: (entry: Entry) => boolean): string | null {
    const list = candidates(filter);
    list.sort((a, b) => readingOrder(a.rect, b.rect));
    return list[0]?.id ?? null;
  }

  function focusEntry(entry: Entry): void {
    const changed = currentId !== entry.id;
    currentId = entry.id;
    lastInSection.set(entry.section, entry.id);
    entry.element.focus();
    // focus() scrolls a list to bring the element into view, and the scroll event that would say so comes a frame
    // later: one read of this element tells whether everything moved, before the next key press (a held arrow).
    const cached = rects?.get(entry.id);
    if (cached) {
      const now = entry.element.getBoundingClientRect();
      measurements++;
      if (now.top !== cached.top || now.left !== cached.left) invalidate();
    }
    if (changed) listeners.forEach((listener) => listener(currentId));
  }

  function setFocus(id: string): boolean {
    const entry = entries.get(id);
    if (!entry || !inScope(entry)) return false;
    focusEntry(entry);
    return true;
  }

  function focusSection(section: string): boolean {
    const remembered = lastInSection.get(section);
    if (remembered && entries.get(remembered)?.section === section && setFocus(remembered)) return true;
    const first = firstOf((entry) => entry.section === section && inScope(entry));
    return first !== null && setFocus(first);
  }

  // The focused element went away (its screen closed, its list shrank): focus its nearest neighbour in the same
  // section, else the first item in scope — never nothing while anything is focusable.
  function recover(): void {
    recoveryQueued = false;
    if (currentId !== null && entries.has(currentId)) return;
    const lost = lostAt;
    lostAt = null;
    let next: string | null = null;
    if (lost?.rect) {
      const sameSection = candidates((entry) => entry.section === lost.section && inScope(entry));
      next = nearestByDistance(lost.rect, sameSection);
    }
    next ??= firstOf(inScope);
    if (next !== null) setFocus(next);
    else if (currentId !== null) {
      currentId = null;
      listeners.forEach((listener) => listener(null));
    }
  }

  return {
    register(registration) {
      const section = registration.section ?? DEFAULT_SECTION;
      const entry: Entry = {
        id: registration.id,
        element: registration.element,
        section,
        onSelect: registration.onSelect,
      };
      entries.set(entry.id, entry);
      invalidate();
      // Remounted under the same id (React re-created the element): the focus stays with it.
      if (currentId === entry.id) entry.element.focus();
      return () => {
        if (entries.get(entry.id) !== entry) return; // replaced by a newer registration meanwhile
        const lostRect = rects?.get(entry.id);
        entries.delete(entry.id);
        invalidate();
        if (currentId === entry.id) {
          lostAt = { rect: lostRect, section: entry.section };
          if (!recoveryQueued) {
            recoveryQueued = true;
            defer(recover);
          }
        }
      };
    },
    setFocus,
    move(direction) {
      const from = currentId === null ? undefined : geometry().get(currentId);
      if (!from) {
        const first = firstOf(inScope);
        return first !== null && setFocus(first);
      }
      const fromId = currentId;
      const fromSection = entries.get(fromId as string)?.section;
      const inRows = fromSection !== undefined && sections.get(fromSection)?.rows === true;
      const rowNext = inRows ? nearestInNextRow(from, candidates((entry) => entry.id !== fromId && entry.section === fromSection && inScope(entry)), direction) : null;
      const next = rowNext ?? nearestInDirection(from, candidates((entry) => entry.id !== fromId && inScope(entry)), direction);
      if (next === null) return false;
      const target = entries.get(next) as Entry;
      if (target.section !== fromSection && sections.get(target.section)?.rememberLast && focusSection(target.section)) return true;
      return setFocus(next);
    },
    select() {
      const entry = currentId === null ? undefined : entries.get(currentId);
      if (!entry?.onSelect) return false;
      entry.onSelect();
      return true;
    },
    current: () => currentId,
    focusSection,
    defineSection(section, sectionOptions) {
      sections.set(section, sectionOptions);
    },
    setScope(section) {
      scope = section;
      if (section === null) return;
      const entry = currentId === null ? undefined : entries.get(currentId);
      if (!entry || entry.section !== section) focusSection(section);
    },
    remember(key) {
      if (currentId !== null) memory.set(key, currentId);
    },
    restore(key) {
      const id = memory.get(key);
      return id !== undefined && setFocus(id);
    },
    invalidateLayout: invalidate,
    reassert() {
      const entry = currentId === null ? undefined : entries.get(currentId);
      if (entry) entry.element.focus();
      else recover();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    get measurements() {
      return measurements;
    },
    dispose() {
      options.layoutEvents?.removeEventListener('resize', invalidate);
      options.layoutEvents?.removeEventListener('scroll', invalidate, capture);
      listeners.clear();
      entries.clear();
    },
  };
}

function centre(rect: FocusRect): [number, number] {
  return [rect.left + rect.width / 2, rect.top + rect.height / 2];
}

function nearestByDistance(from: FocusRect, list: readonly FocusCandidate[]): string | null {
  const [x, y] = centre(from);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const [cx, cy] = centre(candidate.rect);
    const distance = (cx - x) ** 2 + (cy - y) ** 2;
    if (distance < bestDistance) {
      best = candidate.id;
      bestDistance = distance;
    }
  }
  return best;
}
