// Live toasts in the headset: old news makes none, a new milestone opens one that hides by itself, several
// together show the newest with a count, and a replayed list (a resync) repeats nothing.
import { describe, expect, it } from 'vitest';
import { MilestoneToasts } from '../../src/xr/milestone-toasts';

const m = (seq: number) => ({ seq, title: `Scene ${seq} wrapped` });

describe('milestone toasts', () => {
  it('shows nothing for the milestones already there when VR starts', () => {
    const toasts = new MilestoneToasts({ showMs: 5_000 });
    expect(toasts.observe([m(1), m(2), m(3)], 0)).toBe(false);
    expect(toasts.current(0)).toBeNull();
  });

  it('shows a new milestone, then hides it by itself', () => {
    const toasts = new MilestoneToasts({ showMs: 5_000 });
    toasts.observe([m(1)], 0);
    expect(toasts.observe([m(1), m(2)], 1_000)).toBe(true);
    expect(toasts.current(1_000)).toMatchObject({ milestone: { seq: 2 }, count: 1, hidesAt: 6_000 });
    expect(toasts.current(5_999)).not.toBeNull();
    expect(toasts.current(6_000)).toBeNull();
  });

  it('shows the newest of several with how many came, and keeps counting while it is open', () => {
    const toasts = new MilestoneToasts({ showMs: 5_000 });
    toasts.observe([m(1)], 0);
    toasts.observe([m(1), m(2), m(3)], 100);
    expect(toasts.current(100)).toMatchObject({ milestone: { seq: 3 }, count: 2 });
    toasts.observe([m(1), m(2), m(3), m(4)], 4_000);
    // Refreshed: it stays for showMs after the last arrival.
    expect(toasts.current(8_999)).toMatchObject({ milestone: { seq: 4 }, count: 3 });
    // Once hidden, the next one starts a fresh count.
    toasts.observe([m(5), m(4)], 20_000);
    expect(toasts.current(20_000)).toMatchObject({ milestone: { seq: 5 }, count: 1 });
  });

  it('repeats nothing when the same list comes again (a resync) or old milestones drop off', () => {
    const toasts = new MilestoneToasts({ showMs: 5_000 });
    toasts.observe([m(1), m(2)], 0);
    expect(toasts.observe([m(1), m(2)], 10)).toBe(false);
    expect(toasts.observe([m(2)], 20)).toBe(false);
    expect(toasts.current(20)).toBeNull();
  });
});
