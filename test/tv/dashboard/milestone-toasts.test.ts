// Toasts for milestones that arrive while the TV is on: never the history a snapshot brings, a few at a time,
// each hidden after its time; watched only while shown.
import { describe, expect, it } from 'vitest';
import type { Milestone } from '../../../src/protocol';
import { createAppStore, patchFeed } from '../../../src/store/app-store';
import { createMilestoneToasts } from '../../../src/tv/dashboard/milestone-toasts';
import type { ProjectData } from '../../../src/protocol/project-state';

function milestone(seq: number): Milestone {
  const at = new Date(seq * 1000).toISOString();
  return { id: `m${seq}`, seq, kind: 'scene-wrapped', title: { en: `Scene ${seq}` }, occurredAt: at, receivedAt: at };
}

function data(seqs: number[]): ProjectData {
  return { project: {} as ProjectData['project'], milestones: seqs.map(milestone), seq: seqs[seqs.length - 1] ?? 0 };
}

function setUp(initial: ProjectData | null) {
  const store = createAppStore(0);
  if (initial) patchFeed(store, { data: initial });
  const timers: { task: () => void; ms: number; cleared: boolean }[] = [];
  const toasts = createMilestoneToasts(store, {
    visibleMs: 5000,
    maxVisible: 2,
    setTimer: (task, ms) => timers.push({ task, ms, cleared: false }) - 1,
    clearTimer: (index) => {
      const timer = timers[index as number];
      if (timer) timer.cleared = true;
    },
  });
  let changes = 0;
  const off = toasts.subscribe(() => changes++);
  return { store, toasts, timers, off, changes: () => changes };
}

const seqs = (toasts: { toasts: readonly { milestone: Milestone }[] }) => toasts.toasts.map((t) => t.milestone.seq);

describe('milestone toasts', () => {
  it('shows nothing for the milestones already there, then each new one', () => {
    const { store, toasts, changes } = setUp(data([1, 2, 3]));
    expect(seqs(toasts)).toEqual([]);
    patchFeed(store, { data: data([1, 2, 3, 4]) });
    expect(seqs(toasts)).toEqual([4]);
    expect(changes()).toBe(1);
  });

  it('takes the first snapshot (or the offline cache) as the baseline when the store starts empty', () => {
    const { store, toasts } = setUp(null);
    patchFeed(store, { data: data([1, 2]) });
    expect(seqs(toasts)).toEqual([]);
    patchFeed(store, { data: data([1, 2, 3]) });
    expect(seqs(toasts)).toEqual([3]);
  });

  it('keeps at most maxVisible, the newest, and cancels the dropped ones’ timers', () => {
    const { store, toasts, timers } = setUp(data([1]));
    patchFeed(store, { data: data([1, 2]) });
    patchFeed(store, { data: data([1, 2, 3, 4]) });
    expect(seqs(toasts)).toEqual([3, 4]);
    expect(timers.map((t) => t.cleared)).toEqual([true, false, false]);
  });

  it('hides each toast when its timer fires', () => {
    const { store, toasts, timers } = setUp(data([1]));
    patchFeed(store, { data: data([1, 2]) });
    expect(timers[0]?.ms).toBe(5000);
    timers[0]?.task();
    expect(seqs(toasts)).toEqual([]);
  });

  it('ignores store changes that bring no new milestone (a funding update, a status change)', () => {
    const { store, toasts, changes } = setUp(data([1, 2]));
    patchFeed(store, { status: 'reconnecting' });
    patchFeed(store, { data: data([1, 2]) });
    expect(seqs(toasts)).toEqual([]);
    expect(changes()).toBe(0);
  });

  it('stops watching the store when nobody shows the toasts, and catches up when someone does again', () => {
    const { store, toasts, off } = setUp(data([1]));
    off();
    patchFeed(store, { data: data([1, 2]) });
    expect(seqs(toasts)).toEqual([]);
    toasts.subscribe(() => undefined);
    expect(seqs(toasts)).toEqual([2]);
    toasts.dispose();
  });
});
