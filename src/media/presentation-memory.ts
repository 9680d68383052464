// What this device has shown it can present, remembered across visits (localStorage): the smallest rendition size at
// which it dropped frames, and the largest it presented smoothly. The next visit starts below the size that dropped
// (hls.js capped from its first segment; the browser's own HLS, which cannot be capped, not chosen for a ladder that
// reaches it), and a careful lift that holds moves the remembered size up again. Sizes are in pixels per frame.

/** What is known of this device's presentation; null where nothing is known. */
export interface PresentationRecord {
  /** The smallest frame size (width × height) at which frames dropped: renditions this large or larger are not smooth. */
  droppedAt: number | null;
  /** The largest frame size presented smoothly for a while. */
  smoothAt: number | null;
}

export const NOTHING_KNOWN: PresentationRecord = { droppedAt: null, smoothAt: null };

/** Where the record lives; tests and pages without storage pass their own. */
export interface PresentationStore {
  read(): PresentationRecord;
  write(record: PresentationRecord): void;
}

const KEY = 'setvisit.presentation.v1';

const size = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null);

/** The record in `storage` (the page's localStorage by default). Unreadable or blocked storage is "nothing known". */
export function storedPresentation(storage: Pick<Storage, 'getItem' | 'setItem'> | null = defaultStorage()): PresentationStore {
  return {
    read() {
      try {
        const parsed = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<PresentationRecord> | null;
        if (!parsed || typeof parsed !== 'object') return NOTHING_KNOWN;
        return { droppedAt: size(parsed.droppedAt), smoothAt: size(parsed.smoothAt) };
      } catch {
        return NOTHING_KNOWN;
      }
    },
    write(record) {
      try {
        storage?.setItem(KEY, JSON.stringify(record));
      } catch {
        // Private mode or a full quota: the device is measured again next visit.
      }
    },
  };
}

/** A record kept in memory only (tests, sessions that must not remember). */
export function memoryPresentation(initial: PresentationRecord = NOTHING_KNOWN): PresentationStore {
  let record = initial;
  return { read: () => record, write: (next) => (record = next) };
}

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Frames dropped at `pixels`: renditions that large are not smooth, and a smooth size above it no longer holds. */
export function recordDropped(record: PresentationRecord, pixels: number): PresentationRecord {
  const droppedAt = record.droppedAt === null ? pixels : Math.min(record.droppedAt, pixels);
  return { droppedAt, smoothAt: record.smoothAt !== null && record.smoothAt >= droppedAt ? null : record.smoothAt };
}

/** Presented smoothly at `pixels`: a dropped size at or below it is outdated (a lift that held). */
export function recordSmooth(record: PresentationRecord, pixels: number): PresentationRecord {
  const smoothAt = record.smoothAt === null ? pixels : Math.max(record.smoothAt, pixels);
  return { smoothAt, droppedAt: record.droppedAt !== null && record.droppedAt <= smoothAt ? null : record.droppedAt };
}
