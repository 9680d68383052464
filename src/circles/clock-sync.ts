// The shared clock: an estimate of the server's clock from round-trip-measured samples. A sample sent at local
// t0 and answered at t1 with the server's time S says the server was at S around (t0 + t1) / 2, within half the
// round trip; the sample with the shortest round trip is the most exact, so it wins.

export interface ClockSample {
  offsetMs: number;
  rttMs: number;
}

export class ClockSync {
  private readonly samples: ClockSample[] = [];

  constructor(
    /** Samples kept; older ones drop out so a changed route or a drifting clock is followed. */
    private readonly kept = 8,
    private readonly localNow: () => number = () => Date.now(),
  ) {}

  /** Adds one sample: sent at local `t0`, answered with `serverTime`, received at local `t1`. */
  add(t0: number, serverTime: number, t1: number): ClockSample {
    const sample = { offsetMs: serverTime - (t0 + t1) / 2, rttMs: Math.max(0, t1 - t0) };
    this.samples.push(sample);
    if (this.samples.length > this.kept) this.samples.shift();
    return sample;
  }

  /** The best sample so far, or undefined before the first. */
  get best(): ClockSample | undefined {
    return this.samples.reduce<ClockSample | undefined>((best, s) => (!best || s.rttMs < best.rttMs ? s : best), undefined);
  }

  get synced(): boolean {
    return this.samples.length > 0;
  }

  /** The server's clock now (ms since the epoch), by the best sample; the local clock before any. */
  serverNow(): number {
    return this.localNow() + (this.best?.offsetMs ?? 0);
  }

  reset(): void {
    this.samples.length = 0;
  }
}
