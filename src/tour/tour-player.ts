// The tour player: which location is on screen, moving between locations with a crossfade, and preloading
// the next one when a hotspot is focused or hovered. Framework-free; the views read `state` every frame.
import { MediaSession, type MediaSessionOptions } from '../media/media-session';
import type { EnginePreference } from '../media/playback-engine';
import type { RenditionLimits } from '../media/rendition-cap';
import { patchTour, type AppStore } from '../store/app-store';
import type { BackerTier } from '../protocol';
import { locksOf, type LocationLocks } from './media-pass';
import { rememberPlace, takePlace } from './unlock-memory';
import type { Tour, TourLocation } from '../protocol/tour-schema';

export interface LocationPlayback {
  location: TourLocation;
  session: MediaSession;
}

export interface TourPlayerState {
  current: LocationPlayback;
  /** The location fading out, until the fade ends; null otherwise. */
  previous: LocationPlayback | null;
  /** When the fade began (performance.now()): once the new location showed its first frame. */
  fadeStartedAt: number | null;
  /** A locked location the person tried to enter, with the tier that opens it (shells show its lock); else null. */
  locked: { location: TourLocation; tier: BackerTier } | null;
}

/** Where a viewer is in a tour: a player made again for the same tour after a lock stopped the viewer (a sign-in
 * loads it again with a new pass) starts here rather than at the tour's start. */
export interface TourPlace {
  locationId: string;
  /** Seconds into the location's footage. */
  mediaTime: number;
}

/** What the tour player tells each media session it makes. */
export type SessionSettings = Required<Pick<MediaSessionOptions, 'engine' | 'renditionLimits'>>;

export interface TourPlayerOptions {
  tour: Tour;
  store: AppStore;
  fadeMs?: number;
  /** The page's engine override (`?hls=`, from app/url-params); `auto` by default. */
  engine?: EnginePreference;
  /** What the renderer drawing this tour can take, where it is known when the player is made; limits learnt later
   * go through setRenditionLimits. */
  renditionLimits?: Partial<RenditionLimits>;
  /** Makes a location's session (a shell with its own media settings); given the settings above to pass on. */
  createSession?: (settings: SessionSettings) => MediaSession;
  /** The session the page's entry already started for a stream (its warm start), adopted once; default sessions only. */
  adoptSession?: (src: string) => MediaSession | null;
  /**
   * Locations the viewer's media pass leaves shut: never loaded, a lock shown instead. By default every location
   * with a tier (loadTour drops the tier of each location the viewer's pass opens).
   */
  locks?: LocationLocks;
}

export class TourPlayer {
  readonly fadeMs: number;
  private readonly createSession: (settings: SessionSettings) => MediaSession;
  private readonly engine: EnginePreference;
  private playback: TourPlayerState;
  private preloaded: LocationPlayback | null = null;
  private limits: Partial<RenditionLimits>;
  private readonly listeners = new Set<() => void>();
  private stopWaiting: (() => void) | null = null;
  private fadeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly locks: LocationLocks;
  private stopResuming: (() => void) | undefined;

  constructor(private readonly options: TourPlayerOptions) {
    this.fadeMs = options.fadeMs ?? 500;
    this.createSession = options.createSession ?? ((settings) => new MediaSession(settings));
    this.engine = options.engine ?? 'auto';
    this.limits = { ...options.renditionLimits };
    this.locks = options.locks ?? locksOf(options.tour.locations, undefined);
    // Where a lock stopped the viewer, if one did (unlock-memory.ts): a location still there and open to them.
    const resume = takePlace(options.tour.id);
    const resumable = resume && !this.locks[resume.locationId] && options.tour.locations.some((l) => l.id === resume.locationId);
    const start = this.location(resumable ? resume.locationId : options.tour.start);
    this.playback = { current: this.open(start, false), previous: null, fadeStartedAt: null, locked: null };
    const { session } = this.playback.current;
    session.reportTo(options.store);
    // Once it shows: a seek before the stream is known would be lost (or clamped to an unknown end).
    if (resumable) this.stopResuming = whenShowing(session, () => session.current.status === 'playing' && session.seek(resume.mediaTime));
    patchTour(options.store, { locationId: start.id });
  }

  get state(): TourPlayerState {
    return this.playback;
  }

  get tour(): Tour {
    return this.options.tour;
  }

  /** Where the viewer is now: the location on screen and how far into its footage. */
  get place(): TourPlace {
    const { location, session } = this.playback.current;
    return { locationId: location.id, mediaTime: session.currentTime };
  }

  /** Notified when the locations on screen change (not every frame). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Moves to another location: its stream starts (at once if preloaded), then the old one fades out. */
  goTo(locationId: string): void {
    const tier = this.locks[locationId];
    if (tier) {
      // Its files would be refused: say so, and which tier opens it, instead of loading a stream that fails.
      rememberPlace(this.tour.id, this.place);
      this.playback = { ...this.playback, locked: { location: this.location(locationId), tier } };
      return this.notify();
    }
    const wasLocked = this.playback.locked !== null;
    if (wasLocked) this.playback = { ...this.playback, locked: null };
    if (locationId === this.playback.current.location.id) {
      // Only the lock card goes; nothing else changed.
      if (wasLocked) this.notify();
      return;
    }
    this.stopResuming?.();
    const location = this.location(locationId);
    const next = this.preloaded?.location.id === locationId ? this.preloaded : this.open(location, false);
    this.preloaded = null;
    this.endFade();
    const previous = this.playback.current;
    previous.session.reportTo(null);
    next.session.reportTo(this.options.store);
    next.session.activate();
    this.playback = { current: next, previous, fadeStartedAt: null, locked: null };
    patchTour(this.options.store, { locationId });
    this.notify();
    this.stopWaiting = whenShowing(next.session, () => this.beginFade());
  }

  /** Fetches the manifest and first segment of a location the person is likely to go to next. */
  preload(locationId: string): void {
    if (this.locks[locationId]) return;
    if (locationId === this.playback.current.location.id || this.preloaded?.location.id === locationId) return;
    this.preloaded?.session.dispose();
    this.preloaded = this.open(this.location(locationId), true);
  }

  /** Closes the lock shown for a locked location (the person stays where they are). */
  dismissLock(): void {
    if (!this.playback.locked) return;
    this.playback = { ...this.playback, locked: null };
    this.notify();
  }

  /** The tier that opens a location, or undefined when it is open to this viewer. */
  lockOf(locationId: string): BackerTier | undefined {
    return this.locks[locationId];
  }

  retry(): void {
    this.playback.current.session.retry();
  }

  /** Tells every session limits learnt after the player was made (a TV's decode probe, a renderer made later). */
  setRenditionLimits(limits: Partial<RenditionLimits>): void {
    this.limits = { ...this.limits, ...limits };
    for (const playback of [this.playback.current, this.playback.previous, this.preloaded]) playback?.session.setRenditionLimits(this.limits);
  }

  dispose(): void {
    rememberPlace(this.tour.id, this.place, true);
    this.stopResuming?.();
    this.endFade();
    this.playback.current.session.dispose();
    this.preloaded?.session.dispose();
    this.preloaded = null;
    this.listeners.clear();
  }

  private open(location: TourLocation, preload: boolean): LocationPlayback {
    // The entry may have started this stream already (default sessions only: a shell with its own media settings
    // makes its own).
    const prestarted = preload || this.options.createSession ? null : (this.options.adoptSession?.(location.stream) ?? null);
    if (prestarted) {
      // Started before the renderer existed: told its limits now (the engine choice is asked again).
      prestarted.setRenditionLimits(this.limits);
      return { location, session: prestarted };
    }
    const session = this.createSession({ engine: this.engine, renditionLimits: this.limits });
    // Also told directly: a shell's own maker may hand back a session made before (the XR shell's handed-over one).
    if (this.options.createSession) session.setRenditionLimits(this.limits);
    void session.load(location.stream, { preload });
    return { location, session };
  }

  private beginFade(): void {
    this.stopWaiting = null;
    if (!this.playback.previous) return;
    this.playback = { ...this.playback, fadeStartedAt: performance.now() };
    this.notify();
    this.fadeTimer = setTimeout(() => this.endFade(), this.fadeMs);
  }

  /** Drops the faded-out location (or cuts a fade short when the person moves on again). */
  private endFade(): void {
    clearTimeout(this.fadeTimer);
    this.stopWaiting?.();
    this.stopWaiting = null;
    const previous = this.playback.previous;
    if (!previous) return;
    previous.session.dispose();
    this.playback = { ...this.playback, previous: null, fadeStartedAt: null };
    this.notify();
  }

  private location(id: string): TourLocation {
    const location = this.options.tour.locations.find((l) => l.id === id);
    if (!location) throw new Error(`no location "${id}" in tour ${this.options.tour.id}`);
    return location;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Calls `then` once the session shows a picture, or fails (the error card then covers the old view). */
function whenShowing(session: MediaSession, then: () => void): () => void {
  const ready = () => session.current.status === 'playing' || session.current.status === 'error';
  if (ready()) {
    then();
    return () => undefined;
  }
  const unsubscribe = session.subscribe(() => {
    if (!ready()) return;
    unsubscribe();
    then();
  });
  return unsubscribe;
}
