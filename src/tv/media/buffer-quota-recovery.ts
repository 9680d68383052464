// Recovering from QuotaExceededError on a TV: the set's MSE quota is smaller than a desktop's, and hls.js reports
// a full SourceBuffer as a non-fatal BUFFER_FULL_ERROR. hls.js then halves its max buffer length and flushes; that
// alone lets it fill up to the same byte count again. Here the byte and second targets shrink too (down to a
// floor that still plays), so the next appends fit, and playback continues without the family noticing.
import type { Logger } from '../../feed/logger';

/** The hls.js config fields that bound the buffer; hls.js reads them live, so changing them takes effect at once. */
export interface BufferTargets {
  maxBufferLength: number;
  maxMaxBufferLength: number;
  maxBufferSize: number;
  backBufferLength: number;
}

/** Below these a stream rebuffers more than it plays: a 6 s segment needs room for itself and the next. */
export const BUFFER_FLOOR: BufferTargets = { maxBufferLength: 8, maxMaxBufferLength: 8, maxBufferSize: 4 * 1000 * 1000, backBufferLength: 0 };

/** Halved targets, never under the floor; null when everything already sits at the floor (nothing left to give). */
export function shrinkBufferTargets(current: BufferTargets, floor: BufferTargets = BUFFER_FLOOR): BufferTargets | null {
  const next: BufferTargets = {
    maxBufferLength: Math.max(floor.maxBufferLength, Math.floor(current.maxBufferLength / 2)),
    maxMaxBufferLength: Math.max(floor.maxMaxBufferLength, Math.floor(current.maxMaxBufferLength / 2)),
    maxBufferSize: Math.max(floor.maxBufferSize, Math.floor(current.maxBufferSize / 2)),
    backBufferLength: Math.max(floor.backBufferLength, Math.floor(current.backBufferLength / 2)),
  };
  const changed = (Object.keys(next) as (keyof BufferTargets)[]).some((key) => next[key] < current[key]);
  return changed ? next : null;
}

/** The slice of an hls.js instance this needs: its live config and its error event. */
export interface QuotaRecoveryTarget {
  config: BufferTargets;
  on(event: 'hlsError', listener: (event: 'hlsError', data: { details: string; fatal: boolean }) => void): void;
}

/** hls.js's ErrorDetails.BUFFER_FULL_ERROR, spelt out so this module needs no hls.js import. */
export const BUFFER_FULL_ERROR = 'bufferFullError';

export interface QuotaRecoveryReport {
  /** How many times the targets shrank. */
  shrinks: number;
  targets: BufferTargets;
}

/**
 * Listens for buffer-full errors on `hls` and shrinks its buffer targets each time. Returns a live report (for
 * ?stats and tests). The listener goes away with hls.destroy(), like every hls.js listener.
 */
export function recoverFromQuotaErrors(hls: QuotaRecoveryTarget, logger: Logger): QuotaRecoveryReport {
  const report: QuotaRecoveryReport = { shrinks: 0, targets: pick(hls.config) };
  hls.on('hlsError', (_event, data) => {
    if (data.details !== BUFFER_FULL_ERROR) return;
    const next = shrinkBufferTargets(pick(hls.config));
    if (!next) {
      logger.warn('media: buffer full at the smallest buffer targets; hls.js flushes and goes on', { ...report.targets });
      return;
    }
    Object.assign(hls.config, next);
    report.shrinks++;
    report.targets = next;
    logger.warn('media: buffer quota exceeded, buffer targets shrunk', { ...next });
  });
  return report;
}

function pick(config: BufferTargets): BufferTargets {
  const { maxBufferLength, maxMaxBufferLength, maxBufferSize, backBufferLength } = config;
  return { maxBufferLength, maxMaxBufferLength, maxBufferSize, backBufferLength };
}
