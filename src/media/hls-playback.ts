// hls.js on a <video>: builds the player, reports loading stages and renditions, keeps ABR under the rendition
// limits, and recovers from what hls.js can recover from (network errors retried with growing delays, decode errors
// through recoverMediaError). What is left is fatal and goes to the session, which shows it. The twin of
// native-playback.ts.
import type Hls from 'hls.js';
import type { ErrorData } from 'hls.js';
import type { Logger } from '../feed/logger';
import type { MediaError } from './media-state';
import { networkRetryDelayMs, type MediaSessionConfig } from './media-config';
import { highestAllowedLevel, type RenditionLimits } from './rendition-cap';

export interface HlsPlaybackEvents {
  /** Manifest parsed (0.3), first fragment in (0.6), first fragment buffered (0.8). */
  progress(progress: number, stage: 'segment' | 'decode'): void;
  rendition(rendition: { height: number; bitrate: number }): void;
  /** Fatal: hls.js could not recover (or retried as often as the config allows). */
  error(error: MediaError): void;
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
  const { config, logger } = options;
  const hls = new HlsClass({
    ...config.hls,
    ...(options.preload ? { maxBufferLength: 4 } : {}),
    ...(options.workerPath ? { workerPath: options.workerPath, enableWorker: true } : {}),
  });
  const { Events, ErrorTypes } = HlsClass;
  let stopped = false;
  let networkRetries = 0;
  let mediaRecoveries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let firstFragmentLoaded = false;

  const applyLimits = () => {
    const cap = highestAllowedLevel(hls.levels, options.limits());
    hls.autoLevelCapping = cap;
    if (hls.currentLevel > cap) hls.nextLevel = cap;
  };

  const onError = (data: ErrorData) => {
    if (!data.fatal) return;
    const manifest = /manifest/i.test(data.details);
    const status = data.response?.code ?? 0;
    // A playlist that answers 4xx is not coming back by itself (hls.js has retried once already): say so now
    // and let the person retry, instead of a long spinner. Timeouts and 5xx are worth retrying.
    const permanent = manifest && status >= 400 && status < 500;
    if (data.type === ErrorTypes.NETWORK_ERROR && !permanent && networkRetries < config.maxNetworkRetries) {
      const delay = networkRetryDelayMs(config, networkRetries++);
      logger.warn('media: network error, retrying', { details: data.details, delayMs: delay });
      retryTimer = setTimeout(() => hls.startLoad(), delay);
      return;
    }
    if (data.type === ErrorTypes.MEDIA_ERROR && mediaRecoveries < config.maxMediaRecoveries) {
      mediaRecoveries++;
      logger.warn('media: decode error, recovering', { details: data.details });
      hls.recoverMediaError();
      return;
    }
    const kind: MediaError['kind'] =
      data.type === ErrorTypes.NETWORK_ERROR ? (manifest ? 'manifest' : 'network') : data.type === ErrorTypes.MEDIA_ERROR ? 'media' : 'other';
    events.error({ kind, detail: data.details });
  };

  hls.on(Events.MANIFEST_PARSED, () => {
    applyLimits();
    events.progress(0.3, 'segment');
  });
  hls.on(Events.FRAG_LOADED, () => {
    if (firstFragmentLoaded) return;
    firstFragmentLoaded = true;
    events.progress(0.6, 'decode');
  });
  hls.on(Events.FRAG_BUFFERED, () => {
    networkRetries = 0; // the network works again: a later failure gets the full retry budget
    events.progress(0.8, 'decode');
  });
  hls.on(Events.LEVEL_SWITCHED, (_event, data) => {
    const level = hls.levels[data.level];
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
