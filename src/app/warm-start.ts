// The warm start: what the entry starts before React and the shells are even evaluated (the tour file's response,
// the start location's media session, a WebGL renderer with its context made), held in one object that the entry
// makes and hands to the app (AppServices.warmStart). Each thing is taken once by the part that uses it; one that
// nobody takes in time is disposed, so a person who goes to the meet-ups instead holds no decoder or GL context.
import type { WebGLRenderer } from 'three';
import type { MediaSession } from '../media/media-session';

/** How long a started session or a made renderer waits to be taken. */
export const WARM_KEPT_MS = 30_000;

/** What the app takes from the warm start (functions that need no `this`); each answers null when nothing (or no longer anything) is there. */
export interface WarmStart {
  /** The tour file's response for `projectId`, taken once (a later load asks the server again). */
  takeTour: (projectId: string) => Promise<Response> | null;
  /** The media session started for `src`; its taker owns and disposes it from then on. */
  takeSession: (src: string) => MediaSession | null;
  /** The WebGL renderer made ahead; its taker owns and disposes it from then on. */
  takeRenderer: () => WebGLRenderer | null;
}

export interface WarmStartOptions {
  keptMs?: number;
  setTimer?: (task: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** Things put by the entry, keyed, taken once, disposed when not taken within `keptMs` (never, for Infinity). */
class Handover<K, T> {
  private readonly entries = new Map<K, { value: T; timer: unknown }>();

  constructor(
    private readonly release: (value: T) => void,
    private readonly keptMs: number,
    private readonly timers: Required<Pick<WarmStartOptions, 'setTimer' | 'clearTimer'>>,
  ) {}

  /** Keeps the first value for `key`; a second one for the same key is released at once (nobody could take it). */
  put(key: K, value: T): void {
    if (this.entries.has(key)) return this.release(value);
    const timer = Number.isFinite(this.keptMs)
      ? this.timers.setTimer(() => {
          if (this.entries.get(key)?.value !== value) return;
          this.entries.delete(key);
          this.release(value);
        }, this.keptMs)
      : null;
    this.entries.set(key, { value, timer });
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  take(key: K): T | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.timer !== null) this.timers.clearTimer(entry.timer);
    return entry.value;
  }
}

/** The entry's side: it puts what it started; the app takes through the WarmStart interface. */
export class WarmStartHolder implements WarmStart {
  private readonly tours: Handover<string, Promise<Response>>;
  private readonly sessions: Handover<string, MediaSession>;
  private readonly renderers: Handover<'renderer', { renderer: WebGLRenderer; release: () => void }>;

  constructor(options: WarmStartOptions = {}) {
    const keptMs = options.keptMs ?? WARM_KEPT_MS;
    const timers = {
      setTimer: options.setTimer ?? ((task: () => void, ms: number) => setTimeout(task, ms)),
      clearTimer: options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>)),
    };
    // A response holds nothing worth releasing: it waits for the shell however long that takes.
    this.tours = new Handover(() => undefined, Infinity, timers);
    this.sessions = new Handover((session) => session.dispose(), keptMs, timers);
    this.renderers = new Handover(({ release }) => release(), keptMs, timers);
  }

  putTour(projectId: string, response: Promise<Response>): void {
    this.tours.put(projectId, response);
  }

  hasTour(projectId: string): boolean {
    return this.tours.has(projectId);
  }

  putSession(src: string, session: MediaSession): void {
    this.sessions.put(src, session);
  }

  hasSession(src: string): boolean {
    return this.sessions.has(src);
  }

  putRenderer(renderer: WebGLRenderer, release: () => void): void {
    this.renderers.put('renderer', { renderer, release });
  }

  hasRenderer(): boolean {
    return this.renderers.has('renderer');
  }

  takeTour = (projectId: string): Promise<Response> | null => this.tours.take(projectId);
  takeSession = (src: string): MediaSession | null => this.sessions.take(src);
  takeRenderer = (): WebGLRenderer | null => this.renderers.take('renderer')?.renderer ?? null;
}
