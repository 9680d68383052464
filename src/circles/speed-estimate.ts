// How fast a player really plays for the rate it is given. On a loaded device the media clock runs slow (the
// decoder or the audio clock cannot keep up: 85-90 % of real time at rate 1 was measured in Chromium on two busy
// cores), so a follower that asks for the rate the drift calls for falls behind again at once. The estimate is
// media time gained per wall-clock second, divided by the rate asked for, averaged over a few seconds of plain
// playing; ticks with a seek, a pause, a loop or a new player are left out.

export class SpeedEstimate {
  private last: { media: number; wall: number } | undefined;
  private estimate = 1;

  constructor(
    /** Seconds of playing the average spans (an exponential average with this time constant). */
    private readonly windowS: number,
    /** The estimate stays within 1 / (1 + max) … 1 + max. */
    private readonly maxTrim: number,
  ) {}

  get speed(): number {
    return this.estimate;
  }

  /** One reading of the player while it plays: media time (s), wall clock (ms), and the rate it has played at since
   * the reading before (the rate it has now: a new rate is set after the reading). */
  sample(media: number, wallMs: number, rate: number): void {
    const last = this.last;
    this.last = { media, wall: wallMs };
    if (!last || rate <= 0) return;
    const dt = (wallMs - last.wall) / 1000;
    const gained = media - last.media;
    // A long gap (a background tab, a busy page), a jump back (a loop or a seek) or a leap ahead is no reading.
    if (dt <= 0.02 || dt > 1 || gained < 0 || gained > dt * rate * 2) return;
    const measured = gained / dt / rate;
    // Under half speed is a picture standing still (a stall the media session has not said yet), not a slow decoder:
    // taken in, a 300 ms stall at a loop's edge dragged the estimate 10 % down, and the player then ran that much
    // ahead of the circle for seconds.
    if (measured < 0.5) return;
    const weight = Math.min(1, dt / this.windowS);
    const next = this.estimate + (measured - this.estimate) * weight;
    this.estimate = Math.min(1 + this.maxTrim, Math.max(1 / (1 + this.maxTrim), next));
  }

  /** The next reading starts afresh (a seek, a pause, a new player): the one before it is not comparable. */
  interrupt(): void {
    this.last = undefined;
  }
}
