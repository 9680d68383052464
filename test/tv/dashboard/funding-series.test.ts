// The funding chart's points: the project's recorded totals in time order, then the live total.
import { describe, expect, it } from 'vitest';
import type { Project } from '../../../src/protocol';
import { chartCoordinates, fundingSeries, goalLineY } from '../../../src/tv/dashboard/funding-series';

const project = (fundingHistory?: Project['fundingHistory']): Project => ({ fundingGoal: 1000, fundingRaised: 900, fundingHistory }) as Project;

describe('funding series', () => {
  it('draws the recorded amounts as shares of the goal in time order and ends on the live total', () => {
    const points = fundingSeries(
      project([
        { at: '2026-03-02T00:00:00Z', raised: 500 },
        { at: '2026-03-01T00:00:00Z', raised: 250 },
        { at: '2026-03-04T00:00:00+08:00', raised: 850 },
        { at: 'not a time', raised: 999 },
      ]),
      Date.parse('2026-03-10T00:00:00Z'),
    );
    expect(points.map((p) => [p.share, p.live])).toEqual([
      [0.25, false],
      [0.5, false],
      [0.85, false],
      [0.9, true],
    ]);
    expect(points.map((p) => p.at)).toEqual(['2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z', '2026-03-03T16:00:00Z', '2026-03-10T00:00:00Z'].map(Date.parse));
  });

  it('keeps the live point after the last recorded one when the TV clock is behind', () => {
    const points = fundingSeries(project([{ at: '2026-03-05T00:00:00Z', raised: 900 }]), Date.parse('2026-03-01T00:00:00Z'));
    expect(points.at(-1)).toEqual({ at: Date.parse('2026-03-05T00:00:00Z'), share: 0.9, live: true });
  });

  it('is the live point alone without a history (or an empty one), and copes with a zero goal', () => {
    expect(fundingSeries(project(), 1000)).toEqual([{ at: 1000, share: 0.9, live: true }]);
    expect(fundingSeries(project([]), 1000)).toHaveLength(1);
    expect(fundingSeries({ fundingGoal: 0, fundingRaised: 5, fundingHistory: [{ at: '2026-03-01T00:00:00Z', raised: 5 }] } as Project, 1000).map((p) => p.share)).toEqual([0, 0]);
  });

  it('maps points into the box with the goal visible even below 100 %', () => {
    const box = { width: 100, height: 50 };
    const coordinates = chartCoordinates(
      [
        { at: 0, share: 0.5, live: false },
        { at: 10, share: 1, live: true },
      ],
      box,
    );
    expect(coordinates).toEqual([
      { x: 0, y: 25 },
      { x: 100, y: 0 },
    ]);
    expect(goalLineY([{ at: 0, share: 2, live: true }], box)).toBe(25);
    expect(chartCoordinates([{ at: 5, share: 0.2, live: true }], box)).toEqual([{ x: 100, y: 40 }]);
  });
});
