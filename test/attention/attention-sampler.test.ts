// The sampler without a browser: a real ViewDirectionTracker, a fake clock (the one thing that cannot run here
// at speed), and a transport that records what would go on the wire.
import { describe, expect, it } from 'vitest';
import { AttentionSampler, createAttentionChoice, type AttentionContext } from '../../src/attention';
import { AttentionReport, cellOf, type AttentionReport as Report } from '../../src/protocol/attention';
import { ViewDirectionTracker } from '../../src/view';
import { DEFAULT_ATTENTION_LIMITS } from '../../src/server/attention';
import { LocalRadar } from '../../src/server/attention/live-radar';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}

function setup(overrides: Partial<AttentionContext> = {}) {
  let now = 1_765_000_000_000;
  const direction = new ViewDirectionTracker();
  direction.set(0, 0, 75, 'desktop-look');
  const context: AttentionContext = { projectId: 'lantern-keeper', locationId: 'backlot', half: false, mediaTime: 0, playing: true, live: false, ...overrides };
  let visible = true;
  const sent: Report[] = [];
  const optOuts: string[] = [];
  const choice = createAttentionChoice(memoryStorage());
  // Timeouts (a live turn held back) run when the test's clock passes them.
  const timeouts: { at: number; fn: () => void }[] = [];
  const sampler = new AttentionSampler({
    direction,
    context: () => context,
    visible: () => visible,
    choice,
    transport: { report: (r) => (sent.push(structuredClone(r)), true), optOut: (p) => void optOuts.push(p) },
    now: () => now,
    timers: {
      setInterval: () => 0,
      clearInterval: () => {},
      setTimeout: (fn, ms) => timeouts.push({ at: now + ms, fn }) - 1,
      clearTimeout: (h) => void (timeouts[h as number] = { at: Infinity, fn: () => {} }),
    },
  });
  /** Moves the clock (and the media) on by `ms`, running the timeouts due. */
  const wait = (ms: number) => {
    now += ms;
    context.mediaTime += ms / 1000;
    timeouts.forEach((t, i) => {
      if (t.at <= now) {
        timeouts[i] = { at: Infinity, fn: () => {} };
        t.fn();
      }
    });
  };
  /** Runs `n` samples half a second apart, playing on. */
  const run = (n: number) => {
    for (let i = 0; i < n; i++) {
      sampler.sample();
      now += 500;
      context.mediaTime += 0.5;
    }
  };
  return { sampler, direction, context, sent, optOuts, choice, run, wait, hide: (h: boolean) => void (visible = !h), now: () => now };
}

describe('AttentionSampler', () => {
  it('sends a still viewer as one run every 20 s, valid by the protocol and under 90 bytes', () => {
    const { sent, run, sampler } = setup();
    run(80);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ p: 'lantern-keeper', l: 'backlot', t: 0, c: [cellOf(0, 0), 40] });
    expect(sent[1]!.t).toBe(20);
    expect(AttentionReport.safeParse(sent[0]).success).toBe(true);
    expect(sampler.stats.bytesSent / sent.length).toBeLessThan(90);
  });

  it('records turns as runs, and starts a new batch on a seek or another location', () => {
    const { sent, run, direction, context, sampler } = setup();
    run(4);
    direction.set(90, 0, 75, 'desktop-look');
    run(2);
    context.mediaTime = 100; // seek
    run(2);
    context.locationId = 'stage-a';
    run(1);
    sampler.flush();
    expect(sent.map((r) => [r.l, r.t, r.c])).toEqual([
      ['backlot', 0, [cellOf(0, 0), 4, cellOf(90, 0), 2]],
      ['backlot', 100, [cellOf(90, 0), 2]],
      ['stage-a', 101, [cellOf(90, 0), 1]],
    ]);
  });

  it('catches a late timer up with the current look, and takes nothing while the video stands still', () => {
    const { sent, run, context, sampler } = setup();
    run(2);
    context.mediaTime += 1; // the page was busy: this sample comes a second late
    run(1);
    run(1);
    run(1);
    context.mediaTime -= 0.5; // the video stalled: media time stands where the last sample took it
    sampler.sample();
    sampler.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.c).toEqual([cellOf(0, 0), 7]);
  });

  it('takes nothing while paused or hidden; the batch before goes at the pause', () => {
    const { sent, run, context, hide } = setup();
    run(3);
    context.playing = false;
    run(10);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.c).toEqual([cellOf(0, 0), 3]);
    context.playing = true;
    hide(true);
    run(40);
    expect(sent).toHaveLength(1);
  });

  it('sends a live turn within a second, for the radar', () => {
    const { sent, run, direction } = setup({ live: true });
    run(3);
    expect(sent).toHaveLength(1); // the first sample's cell is new
    direction.set(180, 0, 75, 'desktop-look');
    run(2);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.c.at(-2)).toBe(cellOf(180, 0));
  });

  it('live: a turn goes as the view gets there, not at the next sample, and counts no extra sample', () => {
    const { sent, run, wait, direction, sampler } = setup({ live: true });
    // Ticks at 0, 0.5 … 2.5 s of media (the first one's new cell is sent).
    run(5);
    sampler.sample();
    expect(sent).toHaveLength(1);
    // 100 ms after a tick (the next due in 400 ms): the turn is sampled and sent at once.
    wait(100);
    direction.set(90, 0, 75, 'desktop-look');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.c.slice(-2)).toEqual([cellOf(90, 0), 1]);
    // The tick whose slot it took takes none; the ones after carry on, one sample per half second.
    const before = sampler.stats.samples;
    expect(before).toBe(7);
    wait(400);
    sampler.sample();
    expect(sampler.stats.samples).toBe(before);
    for (let i = 0; i < 4; i++) {
      wait(500);
      sampler.sample();
    }
    expect(sampler.stats.samples).toBe(before + 4);
  });

  it('live: a turn too soon after the last send goes when it may, with the look it has then', () => {
    const { sent, wait, direction, sampler } = setup({ live: true });
    sampler.sample();
    expect(sent).toHaveLength(1);
    // A turn passing through a cell on its way: sent (a second since nothing), then the end of the turn 300 ms later.
    wait(1_000);
    direction.set(30, 0, 75, 'desktop-look');
    expect(sent).toHaveLength(2);
    wait(300);
    direction.set(60, 0, 75, 'desktop-look');
    expect(sent).toHaveLength(2);
    wait(600);
    expect(sent).toHaveLength(2);
    // A second after the last send, not at the next sample after that.
    wait(100);
    expect(sent).toHaveLength(3);
    expect(sent[2]!.c.at(-2)).toBe(cellOf(60, 0));
  });

  // The host's radar keeps a viewer's last look for radarLookMs (25 s). A still viewer reports every 20 s, counted
  // from the start of its batch; after a pause in the sampling (a stall, a seek, a hidden page) the batch before it
  // went at the pause, and the next one only 20 s after the picture came back. A stall longer than the 5 s between
  // the two took the viewer off the radar for its excess, about 20 s after they were watching again.
  it('live: a viewer still looking never drops off the host’s radar, a stall in the stream or not', () => {
    const { sent, run, context, now } = setup({ live: true });
    const radar = new LocalRadar(DEFAULT_ATTENTION_LIMITS.radarLookMs);
    let reported = 0;
    const onRadar: boolean[] = [];
    /** Runs `n` half-second ticks, handing each new report to the radar as the server would, and reading it. */
    const tick = (n: number) => {
      for (let i = 0; i < n; i++) {
        run(1);
        // The report arrives as it goes (loopback): the server's clock is the sampler's.
        for (; reported < sent.length; reported++) radar.look('stage', 'viewer', sent[reported]!.c.at(-2)!, now());
        onRadar.push((radar.parts(now()).get('stage')?.viewers ?? 0) === 1);
      }
    };
    tick(1);
    expect(sent).toHaveLength(1);
    tick(36); // 18 s of a still look
    context.playing = false; // the stream stalls for 8 s (the batch so far goes now)
    tick(16);
    context.playing = true;
    tick(80); // and plays on for 40 s
    expect(onRadar.indexOf(false), 'the tick at which the viewer was off the radar').toBe(-1);
  });

  it('not live: moving the view samples nothing between the ticks', () => {
    const { sent, wait, direction, sampler } = setup();
    sampler.sample();
    wait(100);
    direction.set(90, 0, 75, 'desktop-look');
    direction.set(120, 0, 75, 'desktop-look');
    expect(sampler.stats.samples).toBe(1);
    expect(sent).toEqual([]);
  });

  it('skips looks at the black back of a 180° location', () => {
    const { sent, run, direction, sampler } = setup({ half: true });
    direction.set(150, 0, 75, 'desktop-look');
    run(5);
    direction.set(45, 0, 75, 'desktop-look');
    run(1);
    sampler.flush();
    expect(sent.map((r) => r.c)).toEqual([[cellOf(45, 0, true), 1]]);
  });

  it('opting out drops the batch, tells the server once, and sends nothing more; the choice is remembered', () => {
    const storage = memoryStorage();
    const { sent, run, choice, optOuts } = setup();
    run(3);
    choice.setOptedOut(true);
    run(80);
    expect(sent).toEqual([]);
    expect(optOuts).toEqual(['lantern-keeper']);
    const again = createAttentionChoice(storage);
    again.setOptedOut(true);
    expect(createAttentionChoice(storage).optedOut).toBe(true);
  });
});
