// Where a live meet-up's picture is in the show, in seconds since the meet-up went live: the time a live stage's
// reports carry, so that every viewer's samples of one moment fall in the same bucket whenever they joined (a
// player that joins late may start its own timeline near zero). Anchored once, at the first reading with a live
// position: the wall-clock time since the start minus how far behind the live edge the picture is. From then on it
// moves with the media time, which is smooth, whereas the live edge jumps a segment at a time (edge − playhead is
// a sawtooth): the sampler sees its samples exactly a tick apart, and a seek still shows as a jump.

/** What the player says of the live edge (src/meetup/live-position.ts). */
export interface LiveReading {
  latencySeconds: number;
  currentSeconds: number;
}

export class LiveStageClock {
  private offset: number | null = null;

  /** `startedAtMs`: when the meet-up went live (the server's `startedAt`). */
  constructor(private readonly startedAtMs: number) {}

  /** Seconds since the start the picture shows; null until a live position has anchored it. */
  read(nowMs: number, reading: LiveReading | null, mediaTime: number): number | null {
    if (this.offset === null) {
      if (!reading || !Number.isFinite(this.startedAtMs)) return null;
      this.offset = (nowMs - this.startedAtMs) / 1000 - reading.latencySeconds - reading.currentSeconds;
    }
    return Math.max(0, mediaTime + this.offset);
  }
}
