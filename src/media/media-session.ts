// The media session: plays one HLS stream into a <video> it owns, with error recovery and a rendition cap,
// and keeps a MediaState (loading progress, first frame, stalls, rendition, errors). The session on screen
// reports that state to the store; one preloading in the background keeps it to itself. No React, no three.js.
import type Hls from 'hls.js';
import type * as HlsNamespace from 'hls.js';
import { initialMediaState, patchMedia, type AppStore, type LoadingStage, type MediaError, type MediaState } from '../store/app-store';
import { consoleLogger, type Logger } from '../feed/logger';
import { DEFAULT_MEDIA_CONFIG, networkRetryDelayMs, type MediaSessionConfig } from './media-config';
import { decideEngine, engineSupport, loadHlsPlayer, loadHlsWorkerUrl, nativeServes, readEnginePreference, type EnginePreference } from './playback-engine';
import { playWithHlsJs, type HlsPlayback } from './hls-playback';
import type { RenditionLimits } from './rendition-cap';
import { playNatively } from './native-playback';
import { markRetried } from './fresh-fetch';
import { StallWatch } from './stall-watch';
import { readStreamFacts, type StreamFacts } from './stream-ladder';

type HlsModule = typeof HlsNamespace;

export interface MediaSessionOptions {
  config?: Partial<MediaSessionConfig>;
  logger?: Logger;
  /** Loads hls.js on demand, so pages that never play video never download it. */
  loadHls?: () => Promise<HlsModule>;
  /** Called with each hls.js instance the session creates, before it loads: where a shell adds its own recovery
   * (the TV shrinks its buffers on quota errors). Its listeners go with the instance. */
  onHlsCreated?: (hls: Hls) => void;
}

export class MediaSession {
  /** The element the view draws from; the session owns it and its lifetime. */
  readonly video: HTMLVideoElement;
  private readonly config: MediaSessionConfig;
  private readonly logger: Logger;
  private readonly loadHls: () => Promise<HlsModule>;
  private readonly onHlsCreated: ((hls: Hls) => void) | undefined;
  private state: MediaState = initialMediaState();
  private store: AppStore | null = null;
  private hlsPlayback: HlsPlayback | null = null;
  private src: string | null = null;
  private active = true;
  private loadStartedAt = 0;
  /** Native playback's network retries (hls.js counts its own, in hls-playback.ts). */
  private networkRetries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every load, so callbacks from a previous stream are ignored. */
  private generation = 0;
  private disposed = false;
  private limits: RenditionLimits;
  /** The engine playing now (null before a load), and what the master playlist offers (null if unread). */
  private engine: 'hls.js' | 'native' | null = null;
  private facts: StreamFacts | null = null;
  /** Set when a limit learnt during native playback ruled native out for this stream. */
  private forcedEngine: EnginePreference | null = null;
  private stopNative: (() => void) | null = null;
  private readonly listeners = new Set<(state: MediaState) => void>();
  /** Names the cause while the picture stands still (stall-watch.ts). */
  private readonly stallWatch: StallWatch;

  constructor(options: MediaSessionOptions = {}) {
    this.config = { ...DEFAULT_MEDIA_CONFIG, ...options.config, hls: { ...DEFAULT_MEDIA_CONFIG.hls, ...options.config?.hls } };
    this.logger = options.logger ?? consoleLogger;
    this.loadHls = options.loadHls ?? loadHlsPlayer;
    this.onHlsCreated = options.onHlsCreated;
    this.limits = this.config.renditionLimits;
    const video = document.createElement('video');
    // Muted + inline is what lets autoplay start without a tap on every browser.
    video.muted = true;
    video.playsInline = true;
    video.loop = true;
    video.crossOrigin = 'anonymous';
    video.preload = 'auto';
    video.addEventListener('waiting', this.onWaiting);
    video.addEventListener('playing', this.onPlaying);
    this.video = video;
    this.stallWatch = new StallWatch(video, {
      frozenAfterMs: this.config.frozenAfterMs,
      tickMs: 250,
      loading: () => this.state.status === 'loading' || this.state.status === 'idle',
      onChange: this.onStall,
    });
  }

  get current(): MediaState {
    return this.state;
  }

  /** Mirrors this session's state into the store (the session on screen), or stops doing so (null). */
  reportTo(store: AppStore | null): void {
    this.store = store;
    if (store) patchMedia(store, this.state);
  }

  subscribe(listener: (state: MediaState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Loads `src` (an HLS master playlist), replacing whatever played before. `preload`: fetch the manifest and
   * the first seconds only, paused, so that `activate()` later starts at once.
   */
  async load(src: string, { preload = false }: { preload?: boolean } = {}): Promise<void> {
    this.teardownPlayback();
    const generation = ++this.generation;
    if (src !== this.src) this.forcedEngine = null;
    this.src = src;
    this.active = !preload;
    this.networkRetries = 0;
    this.loadStartedAt = performance.now();
    this.engine = null;
    this.facts = null;
    this.patch({ ...initialMediaState(), status: 'loading', progress: 0.05, stage: 'manifest' });
    this.stallWatch.reset();

    const support = engineSupport(this.video);
    const preference = this.preference();
    const facts = readFactsIfNeeded(src, decideEngine(support, preference, () => true) === 'native');
    // Only when both engines could play does the choice wait for the playlists (two small requests, usually started
    // by the page's entry long before): native HLS must not climb past what the texture takes, nor play live.
    const undecided = decideEngine(support, preference, () => false) !== decideEngine(support, preference, () => true);
    const nativeFirst = undecided && this.config.nativeBeforePlaylists;
    if (undecided && !nativeFirst) this.facts = await facts;
    else {
      void facts.then((read) => {
        if (generation !== this.generation) return;
        this.facts = read;
        // Native started on trust: the playlists now say whether it may go on.
        if (nativeFirst && this.engine === 'native' && !nativeServes(read, this.limits)) {
          this.logger.info('media: the playlists rule native HLS out for this stream; switching to hls.js', { live: read?.live ?? null });
          this.switchToHlsJs(src, this.video.currentTime);
        }
      });
    }
    if (generation !== this.generation || this.disposed) return;
    const engine = nativeFirst ? 'native' : decideEngine(support, preference, () => nativeServes(this.facts, this.limits));
    if (engine === 'none') return this.fail({ kind: 'unsupported', detail: 'neither MSE nor native HLS is available' });
    this.engine = engine;
    this.patch({ engine });
    this.watchFirstFrame(generation);
    if (engine === 'native') {
      const current = () => generation === this.generation;
      this.stopNative = playNatively(this.video, src, () => this.facts?.ladder, {
        progress: (progress) => current() && this.progress(progress, 'decode'),
        rendition: (rendition) => current() && this.patch({ metrics: { ...this.state.metrics, rendition } }),
        error: (error) => current() && this.onNativeError(error, support.mse),
      }, this.stallWatch);
      if (this.active) this.play();
      return;
    }
    let module: HlsModule;
    let workerPath: string | null;
    try {
      [module, workerPath] = await Promise.all([this.loadHls(), this.config.hlsWorker ? loadHlsWorkerUrl() : null]);
    } catch (err) {
      return this.fail({ kind: 'network', detail: `could not load the player: ${String(err)}` });
    }
    if (generation !== this.generation || this.disposed) return;
    const current = () => generation === this.generation;
    this.hlsPlayback = playWithHlsJs(
      module.default,
      this.video,
      src,
      { config: this.config, logger: this.logger, preload: !this.active, workerPath, limits: () => this.limits, onCreated: this.onHlsCreated, signals: this.stallWatch },
      {
        progress: (progress, stage) => current() && this.progress(progress, stage),
        rendition: (rendition) => current() && this.patch({ metrics: { ...this.state.metrics, rendition } }),
        error: (error) => current() && this.fail(error),
      },
    );
    if (this.active) this.play();
  }

  /** Starts a preloaded (or paused) session playing with its full buffer. */
  activate(): void {
    this.active = true;
    this.hlsPlayback?.activate();
    this.play();
  }

  /** After an error: starts the same stream again from scratch. */
  retry(): void {
    if (!this.src) return;
    // The person saw it fail: whatever the HTTP cache kept of this stream may be what failed.
    markRetried(this.src);
    void this.load(this.src);
  }

  /** Caps the renditions ABR may pick: what the renderer can upload (texture size) and the device decode. */
  setRenditionLimits(limits: Partial<RenditionLimits>): void {
    this.limits = { ...this.limits, ...limits };
    this.hlsPlayback?.applyLimits();
    // Native HLS was chosen on an assumed texture limit that the renderer has now contradicted: only hls.js can
    // keep this stream's larger renditions off the sphere, so play it again through hls.js from where it was.
    if (this.engine === 'native' && this.src && this.facts && !nativeServes(this.facts, this.limits) && this.preference() !== 'native') {
      this.logger.warn('media: the top rendition exceeds the renderer’s limits; switching to hls.js', { maxTextureSize: this.limits.maxTextureSize });
      this.switchToHlsJs(this.src, this.video.currentTime);
    }
  }

  /** Puts the video element into the page (hidden; the view draws it): some browsers stop decoding detached
   * videos, and the TV's flat view shows the element itself. Returns the undo. */
  mountIn(host: HTMLElement): () => void {
    this.video.className = 'view__video';
    host.prepend(this.video);
    // Only from this host: if another view has taken the video meanwhile, undoing this mount must not take it away.
    return () => {
      if (this.video.parentNode === host) this.video.remove();
    };
  }

  setMuted(muted: boolean): void {
    this.video.muted = muted;
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.teardownPlayback();
    this.stallWatch.dispose();
    this.listeners.clear();
    this.video.removeEventListener('waiting', this.onWaiting);
    this.video.removeEventListener('playing', this.onPlaying);
    this.video.removeAttribute('src');
    this.video.load();
  }

  private preference(): EnginePreference {
    const fromUrl = typeof location === 'undefined' ? 'auto' : readEnginePreference(location.search);
    return this.forcedEngine ?? (fromUrl !== 'auto' ? fromUrl : this.config.engine);
  }

  /**
   * Chromium's own HLS gives up for good where hls.js plays on: a rendition answering 404 and a truncated segment
   * both end in a fatal error (test/media/hls-engines.test.ts). Where hls.js can play, it takes over from the
   * same position; elsewhere a network error is retried like hls.js's, and anything else shows the error card.
   */
  private onNativeError(error: { code: number; message: string }, hlsJsAvailable: boolean): void {
    const src = this.src;
    if (!src) return;
    const resumeAt = this.video.currentTime;
    if (hlsJsAvailable && this.preference() !== 'native') {
      this.logger.warn('media: native HLS failed, playing through hls.js', { code: error.code, detail: error.message });
      this.switchToHlsJs(src, resumeAt);
      return;
    }
    if (error.code === 2 && this.networkRetries < this.config.maxNetworkRetries) {
      const delay = networkRetryDelayMs(this.config, this.networkRetries++);
      this.logger.warn('media: network error in native playback, retrying', { delayMs: delay });
      this.retryTimer = setTimeout(() => {
        this.video.src = src;
        if (resumeAt > 0) this.video.currentTime = resumeAt;
        if (this.active) this.play();
      }, delay);
      return;
    }
    const kind: MediaError['kind'] = error.code === 2 ? 'network' : error.code === 3 ? 'media' : error.code === 4 ? 'unsupported' : 'other';
    this.fail({ kind, detail: error.message });
  }

  /** Plays the same stream again through hls.js from `resumeAt`; hls.js stays this session's engine for it. */
  private switchToHlsJs(src: string, resumeAt: number): void {
    this.forcedEngine = 'hls.js';
    const startedAt = this.loadStartedAt;
    const firstFrameMs = this.state.metrics.timeToFirstFrameMs;
    void this.load(src, { preload: !this.active }).then(() => {
      if (this.src !== src) return;
      if (resumeAt > 0) this.video.currentTime = resumeAt;
      // No frame had shown yet: the person has waited since the first load, and the figure says so.
      if (firstFrameMs === null) this.loadStartedAt = startedAt;
    });
  }

  private readonly onWaiting = (): void => {
    if (this.state.status !== 'playing') return;
    this.patch({ status: 'stalled', metrics: { ...this.state.metrics, stalls: this.state.metrics.stalls + 1 } });
  };

  private readonly onPlaying = (): void => {
    if (this.state.status === 'stalled') this.patch({ status: 'playing' });
  };

  /** The stall watch saw the picture stop (also without a 'waiting' event) or start again, or named a new cause. */
  private readonly onStall = (stall: MediaState['stall'], frozen: boolean): void => {
    if (this.state.status === 'error') return;
    if (frozen && this.state.status === 'playing') this.patch({ status: 'stalled', stall, metrics: { ...this.state.metrics, stalls: this.state.metrics.stalls + 1 } });
    else if (!frozen && this.state.status === 'stalled') this.patch({ status: 'playing', stall });
    else this.patch({ stall });
  };

  /** The first frame is the one the compositor shows, not 'canplay': that is what the user waits for. */
  private watchFirstFrame(generation: number): void {
    const stillLoading = () => generation === this.generation && this.state.status === 'loading';
    const done = () => {
      if (!stillLoading()) return;
      const timeToFirstFrameMs = Math.round(performance.now() - this.loadStartedAt);
      // The view draws this frame in the same rendering step. What the page re-renders for "playing" (the loading
      // card leaves, hotspots and captions come) waits one task, so it follows that draw instead of preceding it:
      // a store update here would make React render synchronously before the view's own frame callback runs.
      setTimeout(() => {
        if (stillLoading()) this.patch({ status: 'playing', progress: 1, stage: null, metrics: { ...this.state.metrics, timeToFirstFrameMs } });
      }, 0);
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
    if (this.state.status === 'loading' && progress > this.state.progress) this.patch({ progress, stage });
  }

  private patch(patch: Partial<MediaState>): void {
    this.state = { ...this.state, ...patch };
    if (this.store) patchMedia(this.store, patch);
    for (const listener of this.listeners) listener(this.state);
  }

  private fail(error: MediaError): void {
    this.logger.error('media: playback failed', { kind: error.kind, detail: error.detail });
    this.teardownPlayback();
    this.patch({ status: 'error', error, stage: null });
  }

  private teardownPlayback(): void {
    clearTimeout(this.retryTimer);
    this.stopNative?.();
    this.stopNative = null;
    this.hlsPlayback?.stop();
    this.hlsPlayback = null;
  }
}

/** The stream's facts when native playback is possible (to decide, and to name its renditions); else nothing. */
function readFactsIfNeeded(src: string, nativePossible: boolean): Promise<StreamFacts | null> {
  return nativePossible ? readStreamFacts(src) : Promise.resolve(null);
}
