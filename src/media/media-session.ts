// The media session: the player component every view plays through. It plays one HLS stream into a <video> it owns
// (hls.js or the browser's own HLS, chosen in playback-engine.ts), recovers from what can be recovered, and keeps
// a MediaState (loading progress, first frame, stalls, rendition, errors) that the session on screen reports to the
// store. Typed events (media-events.ts) say what happened; commands (play, pause, seek, volume, rate) and readouts
// (media time, buffered ahead, live edge) replace any use of the raw element. No React, no three.js.
import type Hls from 'hls.js';
import type { ErrorData } from 'hls.js';
import { patchMedia, type AppStore } from '../store/app-store';
import { consoleLogger, type Logger } from '../feed/logger';
import { DEFAULT_MEDIA_CONFIG, networkRetryDelayMs, type MediaSessionConfig } from './media-config';
import type { EngineSwitchReason } from './media-events';
import { PlaybackControls } from './playback-controls';
import { initialMediaState, type ActiveEngine, type LoadingStage, type MediaError, type MediaStall, type MediaState, type Rendition } from './media-state';
import { chooseEngine, engineSupport, loadHlsPlayer, loadHlsWorkerUrl, readsPlaylists, type EngineChoice, type EnginePreference, type HlsModule } from './playback-engine';
import { playWithHlsJs, type HlsPlayback } from './hls-playback';
import type { RenditionLimits } from './rendition-cap';
import { playNatively } from './native-playback';
import { whenFrameShown } from './first-frame';
import { markRetried } from './fresh-fetch';
import { StallWatch } from './stall-watch';
import { readRefusal } from './stream-refusal';
import type { MediaRefusal } from '../protocol/media-refusal';
import { readStreamFacts, topRung, type StreamFacts } from './stream-ladder';
import { PresentationWatch, type PresentationCap } from './presentation-watch';
import { storedPresentation, type PresentationRecord, type PresentationStore } from './presentation-memory';
import { capabilitiesSaySmooth, pixelsOf, type FrameSize } from './smooth-renditions';

export interface MediaSessionOptions {
  config?: Partial<MediaSessionConfig>;
  /** The page's engine override (`?hls=js|native`, parsed in app/url-params); `auto` (the default) leaves the
   * choice to `config.engine` and the policy. */
  engine?: EnginePreference;
  /** What the renderer that draws this session can take, where it is known when the session is made (merged over
   * `config.renditionLimits`); limits learnt later go through setRenditionLimits. */
  renditionLimits?: Partial<RenditionLimits>;
  /** The element to play into (the session configures and owns it); a new <video> by default. */
  video?: HTMLVideoElement;
  logger?: Logger;
  /** Loads hls.js on demand, so pages that never play video never download it. */
  loadHls?: () => Promise<HlsModule>;
  /** Called with each hls.js instance the session creates, before it loads: where a shell adds its own recovery
   * (the TV shrinks its buffers on quota errors). Its listeners go with the instance. */
  onHlsCreated?: (hls: Hls) => void;
  /** Where what this device presents smoothly is remembered (the page's localStorage by default). */
  presentation?: PresentationStore;
}

export class MediaSession extends PlaybackControls {
  private readonly config: MediaSessionConfig;
  private readonly enginePreference: EnginePreference;
  private readonly logger: Logger;
  private readonly loadHls: () => Promise<HlsModule>;
  private readonly onHlsCreated: ((hls: Hls) => void) | undefined;
  private state: MediaState = initialMediaState();
  private store: AppStore | null = null;
  private hlsPlayback: HlsPlayback | null = null;
  private src: string | null = null;
  private active = true;
  private loadStartedAt = 0;
  private stalledAt = 0;
  /** Native playback's network retries (hls.js counts its own, in hls-playback.ts). */
  private networkRetries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every load, so callbacks from a previous stream are ignored. */
  private generation = 0;
  private limits: RenditionLimits;
  /** The engine playing now (null before a load), and what the playlists say (undefined while unread). */
  private engine: ActiveEngine | null = null;
  private facts: StreamFacts | null | undefined = undefined;
  /** Native HLS failed on this stream or was ruled out for it: hls.js plays it from then on. */
  private nativeRuledOut = false;
  private stopNative: (() => void) | null = null;
  private stopFirstFrameWatch: (() => void) | null = null;
  private readonly listeners = new Set<(state: MediaState) => void>();
  /** Decides when the picture stands still, and names the cause (stall-watch.ts): the only source of 'stalled'. */
  private readonly stallWatch: StallWatch;
  /** Caps the renditions where this device drops frames (presentation-watch.ts); one per load. */
  private readonly presentation: PresentationStore;
  private presentationWatch: PresentationWatch | null = null;
  /** The smallest size the browser's MediaCapabilities called not smooth in this session (not remembered). */
  private notSmoothAt: number | null = null;

  constructor(options: MediaSessionOptions = {}) {
    super(options.video ?? document.createElement('video'));
    this.config = { ...DEFAULT_MEDIA_CONFIG, ...options.config, hls: { ...DEFAULT_MEDIA_CONFIG.hls, ...options.config?.hls } };
    this.enginePreference = options.engine ?? 'auto';
    this.logger = options.logger ?? consoleLogger;
    this.loadHls = options.loadHls ?? loadHlsPlayer;
    this.onHlsCreated = options.onHlsCreated;
    this.limits = { ...this.config.renditionLimits, ...options.renditionLimits };
    this.presentation = options.presentation ?? storedPresentation();
    this.stallWatch = new StallWatch(this.video, {
      frozenAfterMs: this.config.frozenAfterMs,
      tickMs: 250,
      loading: () => this.state.status === 'loading' || this.state.status === 'idle',
      onChange: this.onStall,
    });
  }

  get current(): MediaState {
    return this.state;
  }

  /** The renditions capped by what this device presents (and why), or null. */
  get renditionCap(): PresentationCap | null {
    return this.presentationWatch?.current ?? null;
  }

  /** The engine playing the stream now; null before a load has chosen one. */
  /** The wall-clock time of the frame on screen from the stream's program date-times (a live meet-up's, on the
   * server's clock), or null without: how far behind live the picture is, exactly (circles/live-follow.ts). */
  get playingDate(): Date | null {
    if (this.hlsPlayback) return this.hlsPlayback.hls.playingDate;
    const start = (this.video as HTMLVideoElement & { getStartDate?: () => Date }).getStartDate?.();
    return start && Number.isFinite(start.getTime()) ? new Date(start.getTime() + this.video.currentTime * 1000) : null;
  }

  get activeEngine(): ActiveEngine | null {
    return this.engine;
  }

  /** Mirrors this session's state into the store (the session on screen), or stops doing so (null). */
  reportTo(store: AppStore | null): void {
    this.store = store;
    if (store) patchMedia(store, this.state);
  }

  /** The state listener: called with the whole state after every change. */
  subscribe(listener: (state: MediaState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Loads `src` (an HLS master playlist), replacing whatever played before. `preload`: fetch the manifest and
   * the first seconds only, paused, so that `activate()` later starts at once.
   */
  load(src: string, { preload = false }: { preload?: boolean } = {}): Promise<void> {
    this.held = false;
    return this.start(src, preload);
  }

  /** Starts a preloaded (or paused) session playing with its full buffer. */
  activate(): void {
    this.active = true;
    this.held = false;
    this.hlsPlayback?.activate();
    void this.startPlaying();
  }

  /** After an error: starts the same stream again from scratch. */
  retry(): void {
    if (!this.src) return;
    // The person saw it fail: whatever the HTTP cache kept of this stream may be what failed.
    markRetried(this.src);
    void this.load(this.src);
  }

  /** Caps the renditions ABR may pick: what the renderer can upload (texture size) and the device decode, where
   * they are learnt after the session was made (a TV's decode probe). The engine choice is asked again. */
  setRenditionLimits(limits: Partial<RenditionLimits>): void {
    this.limits = { ...this.limits, ...limits };
    this.hlsPlayback?.applyLimits();
    this.reconsiderEngine('limits');
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

  dispose(): void {
    this.disposeControls();
    this.generation++;
    this.teardownPlayback();
    this.stallWatch.dispose();
    this.listeners.clear();
    this.video.removeAttribute('src');
    this.video.load();
  }

  private async start(src: string, preload: boolean): Promise<void> {
    this.teardownPlayback();
    const generation = ++this.generation;
    if (src !== this.src) this.nativeRuledOut = false;
    this.src = src;
    this.active = !preload;
    this.networkRetries = 0;
    this.loadStartedAt = performance.now();
    this.engine = null;
    this.facts = undefined;
    this.patch({ ...initialMediaState(), status: 'loading', progress: 0.05, stage: 'manifest' });
    this.stallWatch.reset();

    let choice = this.chooseEngine();
    if (readsPlaylists(choice)) {
      const facts = readStreamFacts(src);
      if (choice === 'read-playlists') {
        this.facts = await facts;
        if (generation !== this.generation || this.disposed) return;
        choice = this.chooseEngine();
      } else {
        void facts.then((read) => {
          if (generation !== this.generation) return;
          this.facts = read;
          const top = read ? topRung(read.ladder) : null;
          if (top) this.askCapabilities(top);
          // Native may have started on trust (before the playlists): they now say whether it may go on.
          this.reconsiderEngine('playlists');
        });
      }
    }
    if (choice === 'none' || choice === 'read-playlists') return this.fail({ kind: 'unsupported', detail: 'neither MSE nor native HLS is available' });
    this.engine = choice;
    this.patch({ engine: choice });
    this.watchFirstFrame(generation);
    this.watchPresentation(generation);
    const current = () => generation === this.generation;
    const rendition = (rendition: Rendition) => current() && this.onRendition(rendition);
    if (choice === 'native') {
      this.stopNative = playNatively(this.video, src, () => this.facts?.ladder, {
        progress: (progress) => current() && this.progress(progress, 'decode'),
        rendition,
        error: (error) => current() && this.onNativeError(error),
        refused: (refusal) => current() && this.refused(refusal),
      }, this.stallWatch);
      this.autoplay();
      return;
    }
    let module: HlsModule;
    let workerPath: string | null;
    try {
      [module, workerPath] = await Promise.all([this.loadHls(), this.config.hlsWorker ? loadHlsWorkerUrl() : null]);
    } catch (err) {
      return this.fail({ kind: 'network', detail: `could not load the player: ${String(err)}` });
    }
    if (!current() || this.disposed) return;
    const HlsClass = module.default;
    this.hlsPlayback = playWithHlsJs(
      HlsClass,
      this.video,
      src,
      { config: this.config, logger: this.logger, preload: !this.active, workerPath, limits: () => this.playableLimits(), onCreated: this.onHlsCreated, signals: this.stallWatch },
      {
        progress: (progress, stage) => current() && this.progress(progress, stage),
        rendition,
        error: (error) => current() && this.fail(error),
        // The refused address says why; one that opens again (a pass renewed meanwhile) is simply loaded again.
        refused: (url) =>
          void readRefusal(url).then((refusal) => {
            if (!current() || this.disposed) return;
            if (refusal) this.refused(refusal);
            else void this.start(src, !this.active);
          }),
      },
    );
    // Errors hls.js recovers from (or that hls-playback.ts retries) are reported as not fatal; the one it gives up
    // on reaches fail() first (its listener was added first), which sets the status this skips on.
    const hls = this.hlsPlayback.hls;
    let asked = false;
    hls.on(HlsClass.Events.MANIFEST_PARSED, () => {
      const top = topRung(hls.levels.map((level) => ({ width: level.width, height: level.height, bitrate: level.bitrate })));
      if (asked || !current() || !top) return;
      asked = true;
      this.askCapabilities(top, hls.levels.find((level) => level.width === top.width && level.height === top.height)?.codecSet);
    });
    this.hlsPlayback.hls.on(HlsClass.Events.ERROR, (_event, data: ErrorData) => {
      if (current() && this.state.status !== 'error') this.events.emit('error', { fatal: false, kind: hlsErrorKind(data, HlsClass.ErrorTypes), detail: data.details });
    });
    this.autoplay();
  }

  private preference(): EnginePreference {
    return this.enginePreference !== 'auto' ? this.enginePreference : this.config.engine;
  }

  private chooseEngine(): EngineChoice {
    return chooseEngine({
      support: engineSupport(this.video),
      preference: this.preference(),
      nativeRuledOut: this.nativeRuledOut,
      facts: this.facts,
      limits: this.limits,
      nativeBeforePlaylists: this.config.nativeBeforePlaylists,
      presentation: this.presentationKnown(),
    });
  }

  /** What this device is known to present: its record, with what MediaCapabilities ruled out in this session. */
  private presentationKnown(): PresentationRecord {
    const record = this.presentation.read();
    if (this.notSmoothAt === null) return record;
    return { ...record, droppedAt: Math.min(record.droppedAt ?? Infinity, this.notSmoothAt) };
  }

  /** The limits hls.js's ABR keeps within: the renderer's and the device's, and the presentation cap. */
  private playableLimits(): RenditionLimits {
    const cap = this.presentationWatch?.maxPixels ?? Infinity;
    return { ...this.limits, maxPixels: Math.min(this.limits.maxPixels ?? Infinity, cap) };
  }

  /** Watches the frames this device presents and caps the renditions where they drop (presentation-watch.ts). */
  private watchPresentation(generation: number): void {
    if (!this.config.presentationWatch) return;
    const watch = new PresentationWatch({
      video: this.video,
      ladder: () => (this.hlsPlayback?.hls.levels ?? this.facts?.ladder ?? []).map((rung) => ({ width: rung.width, height: rung.height })),
      playing: () => this.state.status === 'playing' && this.active && !this.video.paused,
      memory: this.presentation,
      onCap: (cap) => {
        if (generation !== this.generation) return;
        this.patch({ cap });
        this.events.emit('renditionCapped', { cap });
        this.hlsPlayback?.applyLimits();
        // The browser's own HLS cannot be capped: hls.js takes over where the top rendition is no longer smooth.
        if (cap) this.reconsiderEngine('presentation');
      },
    });
    this.presentationWatch = watch;
    watch.start();
  }

  /** Asks MediaCapabilities about the top rendition; a "not smooth" caps below it (and rules native HLS out). */
  private askCapabilities(top: FrameSize & { bitrate: number }, codecs?: string): void {
    const generation = this.generation;
    void capabilitiesSaySmooth({ ...top, codecs }).then((smooth) => {
      if (smooth !== false || generation !== this.generation || this.disposed) return;
      this.notSmoothAt = Math.min(this.notSmoothAt ?? Infinity, pixelsOf(top));
      this.presentationWatch?.notSmooth(top);
    });
  }

  /** Native HLS plays, and something new is known (the playlists, smaller limits): where the choice is now hls.js,
   * it takes over from the same position. */
  private reconsiderEngine(reason: EngineSwitchReason): void {
    if (this.engine !== 'native' || !this.src || this.disposed || this.chooseEngine() !== 'hls.js') return;
    this.logger.warn('media: native HLS cannot serve this stream any more; switching to hls.js', { reason, live: this.facts?.live ?? null, maxTextureSize: this.limits.maxTextureSize });
    this.switchToHlsJs(this.src, this.video.currentTime, reason);
  }

  /**
   * Chromium's own HLS gives up for good where hls.js plays on: a rendition answering 404 and a truncated segment
   * both end in a fatal error (test/media/hls-engines.test.ts). Where hls.js can play, it takes over from the
   * same position; elsewhere a network error is retried like hls.js's, and anything else shows the error card.
   */
  private onNativeError(error: { code: number; message: string }): void {
    const src = this.src;
    if (!src) return;
    const resumeAt = this.video.currentTime;
    const kind: MediaError['kind'] = error.code === 2 ? 'network' : error.code === 3 ? 'media' : error.code === 4 ? 'unsupported' : 'other';
    this.nativeRuledOut = true;
    if (this.chooseEngine() === 'hls.js') {
      this.logger.warn('media: native HLS failed, playing through hls.js', { code: error.code, detail: error.message });
      this.events.emit('error', { fatal: false, kind, detail: error.message });
      this.switchToHlsJs(src, resumeAt, 'native-error');
      return;
    }
    if (error.code === 2 && this.networkRetries < this.config.maxNetworkRetries) {
      const delay = networkRetryDelayMs(this.config, this.networkRetries++);
      this.logger.warn('media: network error in native playback, retrying', { delayMs: delay });
      this.events.emit('error', { fatal: false, kind, detail: error.message });
      this.retryTimer = setTimeout(() => {
        this.video.src = src;
        if (resumeAt > 0) this.video.currentTime = resumeAt;
        this.autoplay();
      }, delay);
      return;
    }
    this.fail({ kind, detail: error.message });
  }

  /** Plays the same stream again through hls.js from `resumeAt`; hls.js stays this session's engine for it. */
  private switchToHlsJs(src: string, resumeAt: number, reason: EngineSwitchReason): void {
    this.nativeRuledOut = true;
    const startedAt = this.loadStartedAt;
    const firstFrameMs = this.state.metrics.timeToFirstFrameMs;
    this.events.emit('engineSwitched', { from: 'native', to: 'hls.js', reason, mediaTime: resumeAt });
    void this.start(src, !this.active).then(() => {
      if (this.src !== src) return;
      if (resumeAt > 0) this.video.currentTime = resumeAt;
      // No frame had shown yet: the person has waited since the first load, and the figure says so.
      if (firstFrameMs === null) this.loadStartedAt = startedAt;
    });
  }

  /** The stall watch, the one judge of "stalled", saw the picture stop or start again, or named a new cause. */
  private readonly onStall = (stall: MediaStall | null, frozen: boolean): void => {
    if (this.state.status === 'error') return;
    if (frozen && this.state.status === 'playing') this.enterStall(stall);
    else if (!frozen && this.state.status === 'stalled') this.leaveStall(stall);
    else this.patch({ stall });
  };

  private enterStall(stall: MediaStall | null): void {
    this.stalledAt = performance.now();
    this.patch({ status: 'stalled', stall, metrics: { ...this.state.metrics, stalls: this.state.metrics.stalls + 1 } });
    this.events.emit('stalled', { mediaTime: this.video.currentTime, stalls: this.state.metrics.stalls });
  }

  private leaveStall(stall: MediaStall | null): void {
    this.patch({ status: 'playing', stall });
    this.events.emit('resumed', { mediaTime: this.video.currentTime, stalledMs: Math.round(performance.now() - this.stalledAt) });
  }

  private onRendition(rendition: Rendition): void {
    this.patch({ metrics: { ...this.state.metrics, rendition } });
    if (this.engine) this.events.emit('levelSwitched', { ...rendition, engine: this.engine });
  }

  /** Turns the status to 'playing' once the first frame is on screen (first-frame.ts). */
  private watchFirstFrame(generation: number): void {
    this.stopFirstFrameWatch = whenFrameShown(this.video, () => {
      if (generation !== this.generation || this.state.status !== 'loading') return;
      const timeToFirstFrameMs = Math.round(performance.now() - this.loadStartedAt);
      // The view draws this frame in the same rendering step. What the page re-renders for "playing" (the loading
      // card leaves, hotspots and captions come) waits one task, so it follows that draw instead of preceding it:
      // a store update here would make React render synchronously before the view's own frame callback runs.
      setTimeout(() => {
        const engine = this.engine;
        if (generation !== this.generation || this.state.status !== 'loading' || !engine) return;
        this.patch({ status: 'playing', progress: 1, stage: null, metrics: { ...this.state.metrics, timeToFirstFrameMs } });
        this.events.emit('firstFrame', { timeToFirstFrameMs, engine });
      }, 0);
    });
  }

  protected isLive(): boolean {
    const details = this.hlsPlayback?.hls.latestLevelDetails;
    if (details) return details.live;
    if (this.engine === 'native' && this.facts) return this.facts.live;
    return this.video.duration === Infinity;
  }

  /** Plays where the session should (active, not paused by a command). */
  private autoplay(): void {
    if (this.active && !this.held) void this.startPlaying();
  }

  private progress(progress: number, stage: LoadingStage): void {
    if (this.state.status === 'loading' && progress > this.state.progress) this.patch({ progress, stage });
  }

  private patch(patch: Partial<MediaState>): void {
    this.state = { ...this.state, ...patch };
    if (this.store) patchMedia(this.store, patch);
    for (const listener of this.listeners) listener(this.state);
  }

  /** The server refused the stream: the error card says why, in the viewer's terms, with what helps. */
  private refused(refusal: MediaRefusal): void {
    this.fail({ kind: 'network', refusal, detail: `the server refused the stream (${refusal})` });
  }

  private fail(error: MediaError): void {
    this.logger.error('media: playback failed', { kind: error.kind, detail: error.detail });
    this.teardownPlayback();
    this.patch({ status: 'error', error, stage: null });
    this.events.emit('error', { ...error, fatal: true });
  }

  private teardownPlayback(): void {
    clearTimeout(this.retryTimer);
    this.presentationWatch?.stop();
    this.presentationWatch = null;
    this.stopFirstFrameWatch?.();
    this.stopFirstFrameWatch = null;
    this.stopNative?.();
    this.stopNative = null;
    this.hlsPlayback?.stop();
    this.hlsPlayback = null;
  }
}

/** hls.js's error, in the session's kinds (as hls-playback.ts names the fatal ones). */
function hlsErrorKind(data: ErrorData, types: typeof Hls.ErrorTypes): MediaError['kind'] {
  if (data.type === types.NETWORK_ERROR) return /manifest/i.test(data.details) ? 'manifest' : 'network';
  return data.type === types.MEDIA_ERROR ? 'media' : 'other';
}
