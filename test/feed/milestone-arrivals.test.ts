// The one toast policy, fed by the feed client's `applied` event: the snapshot's history makes no toast, each live
// milestone does (a few at a time, each hidden after its time), a burst counts for the headset, and other events
// change nothing. First with the feed client's own emitter, then end to end with a real feed client and server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedEmitter } from '../../src/feed/feed-events';
import { createMilestoneArrivals, type MilestoneArrivals } from '../../src/feed/milestone-arrivals';
import type { FeedEvent } from '../../src/protocol';
import { startFeedClient } from '../helpers/feed-client';
import { milestoneEvent } from '../helpers/scripted-feed-server';
import { postMilestone, startTestServer, validMilestone, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

function setUp(config: { visibleMs?: number; maxVisible?: number } = {}) {
  const feed = new FeedEmitter();
  const timers: { task: () => void; ms: number; cleared: boolean }[] = [];
  let clock = 0;
  const arrivals = createMilestoneArrivals(feed, {
    visibleMs: 5000,
    maxVisible: 2,
    ...config,
    setTimer: (task, ms) => timers.push({ task, ms, cleared: false }) - 1,
    clearTimer: (index) => {
      const timer = timers[index as number];
      if (timer) timer.cleared = true;
    },
    now: () => clock,
  });
  let changes = 0;
  arrivals.subscribe(() => changes++);
  return {
    feed,
    arrivals,
    timers,
    changes: () => changes,
    at: (ms: number) => (clock = ms),
    arrive: (seq: number) => feed.emit('applied', milestoneEvent(seq)),
  };
}

const seqs = (arrivals: MilestoneArrivals) => arrivals.toasts.map((t) => t.milestone.seq);

describe('milestone arrivals (the toast policy)', () => {
  it('shows each milestone the feed client applies, with when it hides', () => {
    const { arrivals, arrive, at, changes } = setUp();
    expect(seqs(arrivals)).toEqual([]);
    at(1_000);
    arrive(4);
    expect(seqs(arrivals)).toEqual([4]);
    expect(arrivals.toasts[0]).toMatchObject({ shownAt: 1_000, hidesAt: 6_000 });
    expect(arrivals.count).toBe(1);
    expect(changes()).toBe(1);
  });

  it('ignores applied events that are not milestones (funding, phase)', () => {
    const { feed, arrivals, changes } = setUp();
    const funding: FeedEvent = { ...milestoneEvent(5), type: 'funding', fundingRaised: 100, backers: 2 };
    feed.emit('applied', funding);
    expect(seqs(arrivals)).toEqual([]);
    expect(changes()).toBe(0);
  });

  it('keeps at most maxVisible, the newest, and cancels the dropped ones’ timers', () => {
    const { arrivals, arrive, timers } = setUp();
    arrive(2);
    arrive(3);
    arrive(4);
    expect(seqs(arrivals)).toEqual([3, 4]);
    expect(timers.map((t) => t.cleared)).toEqual([true, false, false]);
  });

  it('hides each toast when its timer fires, and counts a burst until all are hidden', () => {
    const { arrivals, arrive, timers, at } = setUp();
    arrive(2);
    at(1_000);
    arrive(3);
    expect(arrivals.count).toBe(2);
    expect(timers[0]?.ms).toBe(5000);
    timers[0]?.task();
    expect(seqs(arrivals)).toEqual([3]);
    // The newest still stands for both: the headset's "and 1 more" lasts until the burst is over.
    expect(arrivals.count).toBe(2);
    timers[1]?.task();
    expect(seqs(arrivals)).toEqual([]);
    expect(arrivals.count).toBe(0);
    arrive(4);
    expect(arrivals.count).toBe(1);
  });

  it('counts past maxVisible: the headset shows the newest of a burst bigger than the TV shows', () => {
    const { arrivals, arrive } = setUp();
    for (const seq of [2, 3, 4, 5]) arrive(seq);
    expect(seqs(arrivals)).toEqual([4, 5]);
    expect(arrivals.count).toBe(4);
  });

  it('stops listening and cancels every timer when disposed', () => {
    const { arrivals, arrive, timers, changes } = setUp();
    arrive(2);
    arrivals.dispose();
    expect(timers.every((t) => t.cleared)).toBe(true);
    arrive(3);
    expect(seqs(arrivals)).toEqual([]);
    expect(changes()).toBe(1);
  });
});

describe('milestone arrivals from a real feed client', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.dispose());

  it('makes no toast for the snapshot’s history, then one for a milestone posted while connected', async () => {
    const client = startFeedClient(server.url);
    const arrivals = createMilestoneArrivals(client.feed);
    try {
      await waitFor(() => client.store.getState().feed.status === 'live', 5_000, 'live');
      await waitFor(() => client.seqs().length > 0, 2_000, 'the snapshot’s milestones');
      expect(arrivals.toasts).toEqual([]);
      const res = await postMilestone(server.url, validMilestone(901));
      expect(res.status).toBe(201);
      const stored = (await res.json()) as { seq: number };
      await waitFor(() => arrivals.toasts.length === 1, 5_000, 'a toast');
      expect(arrivals.toasts[0]?.milestone).toMatchObject({ seq: stored.seq, title: { en: 'Scene 901 wrapped' } });
    } finally {
      arrivals.dispose();
      client.feed.stop();
    }
  });
});
