// Which 360 view the TV opens: the WebGL sphere, or the flat-pan view that needs no WebGL. A set that showed a
// black or frozen sphere (or lost its WebGL context) keeps the flat view for its next visits: the check costs the
// family a few seconds of a wrong picture, and must not do so on every visit. But a verdict is never final (a dark
// or still scene can read as a broken sphere): every few visits the sphere is tried and checked again, and the
// flat view offers "Try the 3D view" meanwhile.

export type Tv360View = 'webgl' | 'flat';

/** Why the flat view is on: the URL asked for it, this device was found unable earlier, or now. */
export type FlatPanReason = 'forced' | 'no-webgl' | 'black' | 'frozen' | 'context-lost';

export interface Tv360Choice {
  view: Tv360View;
  /** Set when view is 'flat'. */
  reason?: FlatPanReason;
  /** True when the choice came from this device's memory rather than this visit. */
  remembered: boolean;
  /** True when the sphere is tried again after a remembered verdict expired (the pixel check runs again). */
  recheck?: boolean;
}

/** The visits that open flat from a remembered verdict; the one after tries the sphere again. */
export const RECHECK_AFTER_VISITS = 3;

/** The parts of Web Storage used; `localStorage` fits, so does a Map-backed fake. Undefined where storage is off. */
export interface ChoiceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const REMEMBERED_VIEW_KEY = 'setvisit:tv360-view';
const REMEMBERABLE: readonly FlatPanReason[] = ['no-webgl', 'black', 'frozen', 'context-lost'];

export interface ChoiceInput {
  /** The launch's `?tv360=`: `flat` forces the flat view, `webgl` tries the sphere again (and forgets). */
  asked: 'flat' | 'webgl' | undefined;
  storage: ChoiceStorage | undefined;
  /** Whether a WebGL 2 context can be made (see webglAvailable()). */
  webgl: boolean;
}

export function chooseTv360View({ asked, storage, webgl }: ChoiceInput): Tv360Choice {
  if (asked === 'flat') return { view: 'flat', reason: 'forced', remembered: false };
  if (asked === 'webgl') {
    forgetFlatPan(storage);
    return webgl ? { view: 'webgl', remembered: false } : { view: 'flat', reason: 'no-webgl', remembered: false };
  }
  const remembered = readRemembered(storage);
  if (!webgl) return { view: 'flat', reason: 'no-webgl', remembered: false };
  if (remembered) {
    if (remembered.visits >= RECHECK_AFTER_VISITS) {
      forgetFlatPan(storage);
      return { view: 'webgl', remembered: false, recheck: true };
    }
    writeRemembered(storage, { ...remembered, visits: remembered.visits + 1 });
    return { view: 'flat', reason: remembered.reason, remembered: true };
  }
  return { view: 'webgl', remembered: false };
}

interface Remembered {
  reason: FlatPanReason;
  at: string;
  /** Visits opened flat from this verdict so far. */
  visits: number;
}

function writeRemembered(storage: ChoiceStorage | undefined, remembered: Remembered): void {
  try {
    storage?.setItem(REMEMBERED_VIEW_KEY, JSON.stringify({ view: 'flat', ...remembered }));
  } catch {
    // Storage full or disabled: the fallback still happens on this visit, and the check runs again next time.
  }
}

/** Remembers for this device that the sphere cannot show video here. A forced choice is not a finding: not kept. */
export function rememberFlatPan(storage: ChoiceStorage | undefined, reason: FlatPanReason, now: number = Date.now()): void {
  if (!REMEMBERABLE.includes(reason)) return;
  writeRemembered(storage, { reason, at: new Date(now).toISOString(), visits: 0 });
}

export function forgetFlatPan(storage: ChoiceStorage | undefined): void {
  try {
    storage?.removeItem(REMEMBERED_VIEW_KEY);
  } catch {
    // nothing remembered that could be read either
  }
}

/** The remembered verdict, or null. Anything unreadable there is dropped, so one bad write cannot pin a device. */
function readRemembered(storage: ChoiceStorage | undefined): Remembered | null {
  let raw: string | null;
  try {
    raw = storage?.getItem(REMEMBERED_VIEW_KEY) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    const record = typeof parsed === 'object' && parsed !== null ? (parsed as { view?: unknown; reason?: unknown; at?: unknown; visits?: unknown }) : {};
    if (record.view === 'flat' && REMEMBERABLE.includes(record.reason as FlatPanReason)) {
      // Older records have no count: they start counting now.
      const visits = typeof record.visits === 'number' && Number.isFinite(record.visits) && record.visits >= 0 ? Math.floor(record.visits) : 0;
      return { reason: record.reason as FlatPanReason, at: typeof record.at === 'string' ? record.at : '', visits };
    }
  } catch {
    // fall through: not JSON
  }
  forgetFlatPan(storage);
  return null;
}

/**
 * Whether this browser can make a WebGL 2 context, which the sphere's three.js needs (since r163). 2018 sets
 * (webOS 4: Chromium 53; Tizen 4 on its GPU blocklist) have WebGL 1 at most: they get the flat view at once,
 * without fetching three.js only to find it cannot start. Blocklisted or absent WebGL gets it too.
 */
export function webglAvailable(doc: Pick<Document, 'createElement'> = document): boolean {
  try {
    const canvas = doc.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return false;
    // Give the context back at once: TVs allow very few live contexts, and the view makes its own.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}
