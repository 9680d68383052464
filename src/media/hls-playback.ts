// hls.js on a <video>: builds the player, reports loading stages and renditions, keeps ABR under the rendition
// limits, and recovers from what hls.js can recover from: network errors retried for as long as the stream is open
// (a stream that comes back plays on without the person), a rendition that answers "not found" dropped for good, a
// damaged segment skipped (and fetched past the HTTP cache next time), a live stream never sent backwards and,
// stalled behind its window, played on from the footage buffered ahead. What is left is fatal and goes to the
// session, which shows it. It tells the stall watch what it sees of the network and the live playlist. The twin of
// native-playback.ts.
import type Hls from 'hls.js';
import type { ErrorData, Fragment } from 'hls.js';
import type { Logger } from '../feed/logger';
import type { MediaError } from './media-state';
import { aliveFloor, deadLevelIndexes, markRenditionDead } from './dead-renditions';
import { bypassCacheFor, markDamaged, takeRetried } from './fresh-fetch';
import { bufferedRanges, isStalled, liveGapTarget } from './live-gap-skip';
import { keepLiveForwardOnly } from './live-forward-only';
import { isTruncatedSegment } from './segment-check';
import { isRefusalStatus } from './stream-refusal';
import { networkRetryDelayMs, type MediaSessionConfig } from './media-config';
import { highestAllowedLevel, type RenditionLimits } from './rendition-cap';
import type { StallSignals } from './stall-watch';

export interface HlsPlaybackEvents {
  /** Manifest parsed (0.3), first fragment in (0.6), first fragment buffered (0.8). */
  progress(progress: number, stage: 'segment' | 'decode'): void;
  rendition(rendition: { height: number; bitrate: number }): void;
  /** Fatal: hls.js could not recover (or retried as often as the config allows). */
  error(error: MediaError): void;
  /** The server refused a request for the stream (401/403/410): loading has stopped; `url` says why when asked. */
  refused(url: string): void;
}

export interface HlsPlaybackOptions {
  config: MediaSessionConfig;
  logger: Logger;
  /** A preloading session buffers a segment or two, not the full buffer. */
  preload: boolean;
  workerPath: string | null;
  limits: () => RenditionLimits;
  /** Where a shell adds its own recovery (the TV shrinks its buffers on quota errors), before the load. */
  onCreated?: (hls: Hls) => void;
  /** Told about failing and succeeding requests and the live playlist's progress. */
  signals?: StallSignals;
}

export interface HlsPlayback {
  readonly hls: Hls;
  /** The limits changed: cap ABR again. */
  applyLimits(): void;
  /** Preloading is over: the full buffer. */
  activate(): void;
  stop(): void;
}

export function playWithHlsJs(HlsClass: typeof Hls, video: HTMLVideoElement, src: string, options: HlsPlaybackOptions, events: HlsPlaybackEvents): HlsPlayback {
  const { config, logger, signals } = options;
  // Started by the person's Retry: the HTTP cache may hold the damaged copies that made them press it.
  const fresh = takeRetried(src);
  const hls = new HlsClass({
    ...config.hls,
    xhrSetup: bypassCacheFor(() => fresh),
    ...(options.preload ? { maxBufferLength: 4 } : {}),
    ...(options.workerPath ? { workerPath: options.workerPath, enableWorker: true } : {}),
  });
  const { Events, ErrorTypes, ErrorDetails } = HlsClass;
  let stopped = false;
  /** The server refused a request: nothing more is asked of it (its reason is the session's to read). */
  let refused = false;
  let networkRetries = 0;
  let mediaRecoveries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let firstFragmentLoaded = false;
  let manifestParsed = false;
  /** The latest segment that arrived cut short: what a decode error that names no segment is about. */
  let damagedFragment: Fragment | null = null;
  /** Where the playhead was at the last skip: recoveries count again only once playback has moved on. */
  let recoveredAt = -Infinity;

  const applyLimits = () => {
    const cap = highestAllowedLevel(hls.levels, options.limits());
    hls.autoLevelCapping = cap;
    if (hls.currentLevel > cap) hls.nextLevel = cap;
  };

  /** Drops the renditions known dead before anything loads (a retry, a switch of engine, another visit to the
   * location). One found dead during this player's life stays in hls.js's penalty box instead, which without an
   * expiry (errorPenaltyExpireMs 0) keeps ABR off it: removing a level while fragments load stalls hls.js. */
  const dropDeadRenditions = () => {
    for (const index of deadLevelIndexes(hls.levels)) {
      logger.warn('media: leaving a rendition that answered "not found"', { uri: hls.levels[index]?.uri });
      hls.removeLevel(index);
    }
  };

  const retryNetwork = (details: string) => {
    const delay = networkRetryDelayMs(config, networkRetries++);
    logger.warn('media: network error, retrying', { details, delayMs: delay });
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (stopped) return;
      // A manifest that never loaded has nothing for startLoad to restart: ask for it again.
      if (manifestParsed) hls.startLoad();
      else hls.loadSource(src);
    }, delay);
  };

  /** A segment that would not parse or decode: fetch it from the network next time, and play on past it. */
  const skipDamaged = (data: ErrorData) => {
    // The segment that arrived cut short, when one did: the error names whichever segment was appending when the
    // decoder gave up, often a later, healthy one.
    const fragment = damagedFragment ?? data.frag;
    damagedFragment = null;
    if (fragment) markDamaged(fragment.url);
    mediaRecoveries++;
    const resumeAt = fragment && Number.isFinite(fragment.end) ? Math.max(video.currentTime, fragment.end + 0.05) : null;
    logger.warn('media: a segment would not decode; skipping it', { details: data.details, url: fragment?.url, resumeAt });
    recoveredAt = resumeAt ?? video.currentTime;
    hls.recoverMediaError();
    // The reset starts loading again from where hls.js last was, which is the damaged segment: from past it instead.
    if (resumeAt !== null) {
      hls.once(Events.MEDIA_ATTACHED, () => {
        if (stopped) return;
        hls.startLoad(resumeAt);
        video.currentTime = resumeAt;
      });
    }
  };

  const onError = (data: ErrorData) => {
    if (refused) return;
    if (data.type === ErrorTypes.NETWORK_ERROR && isRefusalStatus(data.response?.code ?? 0)) {
      // Not a dead rendition and not the network: every rendition sits behind the same pass, and asking again
      // changes nothing until the viewer has a new one.
      refused = true;
      hls.stopLoad();
      logger.warn('media: the server refused the stream', { status: data.response?.code, details: data.details });
      events.refused(data.context?.url ?? data.frag?.url ?? src);
      return;
    }
    if (data.type === ErrorTypes.NETWORK_ERROR) {
      const status = data.response?.code ?? 0;
      // A rendition whose playlist is "not found" (hls.js already asked again, and moves to another one): the
      // stream is still reachable through the others, so the stall watch is not told.
      if (data.details === ErrorDetails.LEVEL_LOAD_ERROR && status >= 400 && status < 500 && hls.levels.length > 1) {
        const level = typeof data.context?.level === 'number' ? hls.levels[data.context.level] : undefined;
        if (level) markRenditionDead(level.uri);
        if (data.context?.url) markRenditionDead(data.context.url);
        const floor = aliveFloor(hls.levels);
        if (floor) {
          hls.startLevel = Math.max(hls.startLevel, floor.startLevel);
          hls.config.minAutoBitrate = floor.minBitrate;
        }
      } else {
        signals?.requestFailed();
      }
    }
    if (data.type === ErrorTypes.MEDIA_ERROR && data.frag && !data.fatal) markDamaged(data.frag.url);
    if (!data.fatal) return;
    const manifest = /manifest/i.test(data.details);
    const status = data.response?.code ?? 0;
    // A playlist that answers 4xx is not coming back by itself (hls.js has retried once already): say so now
    // and let the person retry, instead of a long spinner. Timeouts and 5xx are retried as long as the stream is
    // open, at most half a second apart, so it plays again within a second or two of coming back; meanwhile the stall
    // watch says it cannot be reached.
    const permanent = manifest && status >= 400 && status < 500;
    if (data.type === ErrorTypes.NETWORK_ERROR && !permanent && networkRetries < config.maxNetworkRetries) return retryNetwork(data.details);
    if (data.type === ErrorTypes.MEDIA_ERROR && mediaRecoveries < config.maxMediaRecoveries) return skipDamaged(data);
    // Damaged segments in a row with nothing decoding between them: the stream itself is not for this device.
    const kind: MediaError['kind'] =
      data.type === ErrorTypes.NETWORK_ERROR ? (manifest ? 'manifest' : 'network') : data.type === ErrorTypes.MEDIA_ERROR ? 'media' : 'other';
    events.error({ kind, detail: data.details });
  };

  /** A stalled live stream whose footage is buffered ahead of the playhead plays on from there (live-gap-skip.ts). */
  const skipLiveGap = () => {
    if (stopped || !hls.latestLevelDetails?.live || !isStalled(video)) return;
    const target = liveGapTarget(video.currentTime, bufferedRanges(video));
    if (target === null) return;
    logger.info('media: live footage buffered ahead of a stalled playhead; playing on from it', { from: video.currentTime, to: target });
    video.currentTime = target;
  };

  keepLiveForwardOnly(hls, video);
  hls.on(Events.MANIFEST_LOADED, () => {
    networkRetries = 0;
    signals?.requestLoaded();
  });
  hls.on(Events.MANIFEST_PARSED, () => {
    manifestParsed = true;
    dropDeadRenditions();
    applyLimits();
    events.progress(0.3, 'segment');
  });
  hls.on(Events.LEVEL_LOADED, () => signals?.requestLoaded());
  hls.on(Events.LEVEL_UPDATED, (_event, data) => {
    if (data.details.live) signals?.livePlaylist(data.details.updated);
  });
  hls.on(Events.FRAG_LOADED, (_event, data) => {
    if (data.frag.sn !== 'initSegment' && data.payload.byteLength > 0 && isTruncatedSegment(data.payload)) {
      damagedFragment = data.frag;
      markDamaged(data.frag.url);
      logger.warn('media: a segment arrived cut short', { url: data.frag.url });
    }
    signals?.requestLoaded();
    if (firstFragmentLoaded) return;
    firstFragmentLoaded = true;
    events.progress(0.6, 'decode');
  });
  hls.on(Events.FRAG_BUFFERED, () => {
    networkRetries = 0; // the network works again: a later failure gets the full retry budget
    // The stream decodes again (the playhead moved on since the last skip): a later damaged segment is skipped too.
    if (Math.abs(video.currentTime - recoveredAt) > 1) mediaRecoveries = 0;
    events.progress(0.8, 'decode');
    skipLiveGap();
  });
  hls.on(Events.LEVEL_SWITCHED, (_event, data) => {
    const level = hls.levels[hls.currentLevel] ?? hls.levels[data.level];
    if (level) events.rendition({ height: level.height, bitrate: level.bitrate });
  });
  hls.on(Events.ERROR, (_event, data) => !stopped && onError(data));
  options.onCreated?.(hls);
  hls.loadSource(src);
  hls.attachMedia(video);

  return {
    hls,
    applyLimits,
    activate: () => {
      hls.config.maxBufferLength = config.hls.maxBufferLength ?? 20;
    },
    stop: () => {
      stopped = true;
      clearTimeout(retryTimer);
      hls.destroy();
    },
  };
}
