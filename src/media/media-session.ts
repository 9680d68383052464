// The media session: plays one HLS stream into a <video> it owns, with error recovery, and reports
// loading progress, first frame, stalls, rendition and errors to the store. No React, no three.js.
import type Hls from 'hls.js';
import type { ErrorData } from 'hls.js';
import type * as HlsNamespace from 'hls.js';
import { initialMediaState, patchMedia, type AppStore, type LoadingStage, type MediaError } from '../store/app-store';
import { consoleLogger, type Logger } from '../feed/logger';
import { DEFAULT_MEDIA_CONFIG, type MediaSessionConfig } from './media-config';
import { choosePlaybackEngine } from './playback-engine';

type HlsModule = typeof HlsNamespace;

export interface MediaSessionOptions {
  store: AppStore;
  config?: Partial<MediaSessionConfig>;
  logger?: Logger;
  /** Loads hls.js on demand, so pages that never play video never download it. */
  loadHls?: () => Promise<HlsModule>;
}

export class MediaSession {
  /** The element the view draws from; the session owns it and its lifetime. */
  readonly video: HTMLVideoElement;
  private readonly config: MediaSessionConfig;
  private readonly logger: Logger;
  private readonly loadHls: () => Promise<HlsModule>;
  private hls: Hls | null = null;
  private src: string | null = null;
  private loadStartedAt = 0;
  private networkRetries = 0;
  private mediaRecoveries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every load, so callbacks from a previous stream are ignored. */
  private generation = 0;
  private disposed = false;

  constructor(private readonly options: MediaSessionOptions) {
    this.config = { ...DEFAULT_MEDIA_CONFIG, ...options.config, hls: { ...DEFAULT_MEDIA_CONFIG.hls, ...options.config?.hls } };
    this.logger = options.logger ?? consoleLogger;
    this.loadHls = options.loadHls ?? (() => import('hls.js'));
    const video = document.createElement('video');
    // Muted + inline is what lets autoplay start without a tap on every browser.
    video.muted = true;
    video.playsInline = true;
    video.loop = true;
    video.crossOrigin = 'anonymous';
    video.preload = 'auto';
    video.addEventListener('waiting', this.onWaiting);
    video.addEventListener('playing', this.onPlaying);
    video.addEventListener('error', this.onNativeError);
    this.video = video;
  }

  /** Starts playing `src` (an HLS master playlist), replacing whatever played before. */
  async load(src: string): Promise<void> {
    this.teardownPlayback();
    const generation = ++this.generation;
    this.src = src;
    this.networkRetries = 0;
    this.mediaRecoveries = 0;
    this.loadStartedAt = performance.now();
    patchMedia(this.options.store, { ...initialMediaState(), status: 'loading', progress: 0.05, stage: 'manifest' });

    const engine = choosePlaybackEngine(this.video);
    if (engine === 'none') return this.fail({ kind: 'unsupported', detail: 'neither MSE nor native HLS is available' });
    patchMedia(this.options.store, { engine });
    this.watchFirstFrame(generation);
    if (engine === 'native') {
      this.video.src = src;
      this.play();
      return;
    }
    let module: HlsModule;
    try {
      module = await this.loadHls();
    } catch (err) {
      return this.fail({ kind: 'network', detail: `could not load the player: ${String(err)}` });
    }
    if (generation !== this.generation || this.disposed) return;
    this.attachHls(module.default, src, generation);
  }

  /** After an error: starts the same stream again from scratch. */
  retry(): void {
    if (this.src) void this.load(this.src);
  }

  /** Puts the video element into the page (hidden; the view draws it): some browsers stop decoding detached
   * videos, and the TV's flat view shows the element itself. Returns the undo. */
  mountIn(host: HTMLElement): () => void {
    this.video.className = 'view__video';
    host.prepend(this.video);
    return () => this.video.remove();
  }

  setMuted(muted: boolean): void {
    this.video.muted = muted;
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.teardownPlayback();
    this.video.removeEventListener('waiting', this.onWaiting);
    this.video.removeEventListener('playing', this.onPlaying);
    this.video.removeEventListener('error', this.onNativeError);
    this.video.removeAttribute('src');
    this.video.load();
  }

  private attachHls(HlsClass: typeof Hls, src: string, generation: number): void {
    const hls = new HlsClass(this.config.hls);
    this.hls = hls;
    const { Events } = HlsClass;
    const current = () => generation === this.generation;
    let firstFragmentLoaded = false;
    hls.on(Events.MANIFEST_PARSED, () => current() && this.progress(0.3, 'segment'));
    hls.on(Events.FRAG_LOADED, () => {
      if (!current() || firstFragmentLoaded) return;
      firstFragmentLoaded = true;
      this.progress(0.6, 'decode');
    });
    hls.on(Events.FRAG_BUFFERED, () => {
      this.networkRetries = 0; // the network works again: a later failure gets the full retry budget
      if (current()) this.progress(0.8, 'decode');
    });
    hls.on(Events.LEVEL_SWITCHED, (_event, data) => {
      const level = hls.levels[data.level];
      if (current() && level) this.patchMetrics({ rendition: { height: level.height, bitrate: level.bitrate } });
    });
    hls.on(Events.ERROR, (_event, data) => current() && this.onHlsError(hls, data));
    hls.loadSource(src);
    hls.attachMedia(this.video);
    this.play();
  }

  private onHlsError(hls: Hls, data: ErrorData): void {
    if (!data.fatal) return;
    const { ErrorTypes } = hls.constructor as typeof Hls;
    const manifest = /manifest/i.test(data.details);
    const status = data.response?.code ?? 0;
    // A playlist that answers 4xx is not coming back by itself (hls.js has retried once already): say so now
    // and let the person retry, instead of a long spinner. Timeouts and 5xx are worth retrying.
    const permanent = manifest && status >= 400 && status < 500;
    if (data.type === ErrorTypes.NETWORK_ERROR && !permanent && this.networkRetries < this.config.maxNetworkRetries) {
      const delay = this.config.retryBaseDelayMs * 2 ** this.networkRetries++;
      this.logger.warn('media: network error, retrying', { details: data.details, delayMs: delay });
      this.retryTimer = setTimeout(() => hls.startLoad(), delay);
      return;
    }
    if (data.type === ErrorTypes.MEDIA_ERROR && this.mediaRecoveries < this.config.maxMediaRecoveries) {
      this.mediaRecoveries++;
      this.logger.warn('media: decode error, recovering', { details: data.details });
      hls.recoverMediaError();
      return;
    }
    const kind: MediaError['kind'] =
      data.type === ErrorTypes.NETWORK_ERROR ? (manifest ? 'manifest' : 'network') : data.type === ErrorTypes.MEDIA_ERROR ? 'media' : 'other';
    this.fail({ kind, detail: data.details });
  }

  private readonly onNativeError = (): void => {
    if (this.hls || !this.src) return; // hls.js reports its own errors
    const code = this.video.error?.code;
    const kind: MediaError['kind'] = code === 2 ? 'network' : code === 3 ? 'media' : code === 4 ? 'unsupported' : 'other';
    this.fail({ kind, detail: this.video.error?.message || `media error ${code ?? '?'}` });
  };

  private readonly onWaiting = (): void => {
    const media = this.options.store.getState().media;
    if (media.status !== 'playing') return;
    patchMedia(this.options.store, { status: 'stalled', metrics: { ...media.metrics, stalls: media.metrics.stalls + 1 } });
  };

  private readonly onPlaying = (): void => {
    const media = this.options.store.getState().media;
    if (media.status === 'stalled') patchMedia(this.options.store, { status: 'playing' });
  };

  /** The first frame is the one the compositor shows, not 'canplay': that is what the user waits for. */
  private watchFirstFrame(generation: number): void {
    const done = () => {
      if (generation !== this.generation) return;
      const media = this.options.store.getState().media;
      if (media.status !== 'loading') return;
      patchMedia(this.options.store, {
        status: 'playing',
        progress: 1,
        stage: null,
        metrics: { ...media.metrics, timeToFirstFrameMs: Math.round(performance.now() - this.loadStartedAt) },
      });
    };
    const video: HTMLVideoElement = this.video;
    if (typeof video.requestVideoFrameCallback === 'function') {
      video.requestVideoFrameCallback(done);
    } else {
      // Firefox: the first timeupdate past zero is the nearest signal to "a frame is on screen".
      const onTime = () => {
        if (video.currentTime <= 0) return;
        video.removeEventListener('timeupdate', onTime);
        done();
      };
      video.addEventListener('timeupdate', onTime);
    }
  }

  private play(): void {
    this.video.play().catch((err: unknown) => {
      // Autoplay refused (sound on without a gesture): fall back to muted, which every browser allows.
      if (err instanceof DOMException && err.name === 'NotAllowedError' && !this.video.muted) {
        this.video.muted = true;
        this.play();
      }
    });
  }

  private progress(progress: number, stage: LoadingStage): void {
    const media = this.options.store.getState().media;
    if (media.status === 'loading' && progress > media.progress) patchMedia(this.options.store, { progress, stage });
  }

  private patchMetrics(patch: Partial<ReturnType<AppStore['getState']>['media']['metrics']>): void {
    const media = this.options.store.getState().media;
    patchMedia(this.options.store, { metrics: { ...media.metrics, ...patch } });
  }

  private fail(error: MediaError): void {
    this.logger.error('media: playback failed', { kind: error.kind, detail: error.detail });
    this.teardownPlayback();
    patchMedia(this.options.store, { status: 'error', error, stage: null });
  }

  private teardownPlayback(): void {
    clearTimeout(this.retryTimer);
    this.hls?.destroy();
    this.hls = null;
  }
}
