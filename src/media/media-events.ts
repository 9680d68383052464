// The media session's events, in the manner of hls.js's `hls.on(Events.X, data)`: each event has one typed payload,
// and `on` returns the unsubscribe. A few lines of emitter, no dependency.
import type { ActiveEngine, MediaError, PresentationCap, Rendition } from './media-state';

/** Why the engine changed in the middle of a stream (the browser's own HLS handing over to hls.js). */
export type EngineSwitchReason =
  /** Native HLS started before the playlists were read, and they rule it out (a live stream, a rendition too large). */
  | 'playlists'
  /** The renderer's or decoder's limits, learnt during native playback, are smaller than the top rendition. */
  | 'limits'
  /** Native HLS stopped with an error that hls.js plays through. */
  | 'native-error'
  /** The device drops frames at the top rendition, which native HLS cannot keep it off (presentation-watch.ts). */
  | 'presentation';

export interface MediaSessionEvents {
  /** The first frame of the stream is on screen (status turns 'playing'); once per load. */
  firstFrame: { timeToFirstFrameMs: number; engine: ActiveEngine };
  /** Playback waits for data after having played (status 'stalled'). */
  stalled: { mediaTime: number; stalls: number };
  /** Playback goes on after a stall. */
  resumed: { mediaTime: number; stalledMs: number };
  /** The rendition on screen changed (ABR, a cap, or the browser's own HLS). */
  levelSwitched: Rendition & { engine: ActiveEngine };
  /** The renditions were capped by what the device presents (frames dropped, remembered, or the browser says not
   * smooth), or the cap was lifted (`cap` null, or a larger one): with hls.js, ABR stays within it. */
  renditionCapped: { cap: PresentationCap | null };
  /** The stream goes on through another engine, from the same media time. */
  engineSwitched: { from: ActiveEngine; to: ActiveEngine; reason: EngineSwitchReason; mediaTime: number };
  /** Something went wrong. `fatal`: playback stopped and the error card shows (status 'error'); otherwise it is
   * being recovered from (a retry, a decode recovery, a hand-over to hls.js). */
  error: MediaError & { fatal: boolean };
  /** The element started or stopped playing, whoever asked (a command, the browser, the end of a gesture). */
  paused: { paused: boolean };
  /** A seek finished: the picture is at `mediaTime`. */
  seeked: { mediaTime: number };
}

export type MediaSessionEvent = keyof MediaSessionEvents;

/** A typed event emitter: `on(name, listener)` returns the unsubscribe; `off` does the same by reference. */
export class TypedEmitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<(data: never) => void>>();

  on<K extends keyof Events>(event: K, listener: (data: Events[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => this.off(event, listener);
  }

  off<K extends keyof Events>(event: K, listener: (data: Events[K]) => void): void {
    this.listeners.get(event)?.delete(listener);
  }

  /** Calls each listener in the order it was added; one that throws does not keep the others from hearing. */
  emit<K extends keyof Events>(event: K, data: Events[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as (data: Events[K]) => void)(data);
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  /** How many listeners are attached (all events): what a disposed owner checks it let go of. */
  get listenerCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  removeAll(): void {
    this.listeners.clear();
  }
}
