// Where the person wants the captions: at the bottom (above the locations) or at the top of the view, so they can
// move them off a sign on the set they want to read. Remembered in this browser; anything else stored there (an
// old or hand-edited value) reads as the default and is overwritten on the next move.

export type CaptionPlace = 'bottom' | 'top';

export const CAPTION_PLACE_KEY = 'setvisit:caption-place';
export const DEFAULT_CAPTION_PLACE: CaptionPlace = 'bottom';

export function readCaptionPlace(storage: Pick<Storage, 'getItem'> | null = safeStorage()): CaptionPlace {
  try {
    const stored = storage?.getItem(CAPTION_PLACE_KEY);
    return stored === 'top' || stored === 'bottom' ? stored : DEFAULT_CAPTION_PLACE;
  } catch {
    return DEFAULT_CAPTION_PLACE;
  }
}

export function saveCaptionPlace(place: CaptionPlace, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(CAPTION_PLACE_KEY, place);
  } catch {
    // Storage refused (private mode, quota): the place holds for this page only.
  }
}

/** localStorage, or null where reading it throws (some privacy settings do). */
function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
