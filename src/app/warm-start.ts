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

/** The entry's side: it puts what it started; the app takes through the WarmStart interface. */
export interface WarmStartHolder extends WarmStart {
  putTour(projectId: string, response: Promise<Response>): void;
  /** Keeps the first session for `src`; a second one for the same stream is disposed at once (nobody could take it). */
  putSession(src: string, session: MediaSession): void;
  putRenderer(renderer: WebGLRenderer, release: () => void): void;
}

interface Kept<T> {
  value: T;
  release: () => void;
  timer: unknown;
}

export function createWarmStart(options: WarmStartOptions = {}): WarmStartHolder {
  const keptMs = options.keptMs ?? WARM_KEPT_MS;
  const setTimer = options.setTimer ?? ((task: () => void, ms: number) => setTimeout(task, ms));
  const clearTimer = options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  // A response holds nothing worth releasing: it waits for the shell however long that takes.
  const tours = new Map<string, Promise<Response>>();
  const kept = new Map<string, Kept<MediaSession | WebGLRenderer>>();

  function keep(key: string, value: MediaSession | WebGLRenderer, release: () => void): void {
    if (kept.has(key)) return release();
    const timer = setTimer(() => {
      if (kept.get(key)?.value !== value) return;
      kept.delete(key);
      release();
    }, keptMs);
    kept.set(key, { value, release, timer });
  }

  function take(key: string): MediaSession | WebGLRenderer | null {
    const entry = kept.get(key);
    if (!entry) return null;
    kept.delete(key);
    clearTimer(entry.timer);
    return entry.value;
  }

  return {
    putTour: (projectId, response) => {
      if (!tours.has(projectId)) tours.set(projectId, response);
    },
    putSession: (src, session) => keep(`session:${src}`, session, () => session.dispose()),
    putRenderer: (renderer, release) => keep('renderer', renderer, release),
    takeTour: (projectId) => {
      const response = tours.get(projectId) ?? null;
      tours.delete(projectId);
      return response;
    },
    takeSession: (src) => take(`session:${src}`) as MediaSession | null,
    takeRenderer: () => take('renderer') as WebGLRenderer | null,
  };
}
