// The funding chart's points: funding milestones with a percentage, in time order, then the live total.
import { describe, expect, it } from 'vitest';
import type { Milestone, Project } from '../../../src/protocol';
import { chartCoordinates, fundingSeries, goalLineY } from '../../../src/tv/dashboard/funding-series';

const project = { fundingGoal: 1000, fundingRaised: 900 } as Project;

function milestone(seq: number, kind: Milestone['kind'], en: string, occurredAt: string, zh?: string): Milestone {
  return { id: `m${seq}`, seq, kind, title: zh ? { en, 'zh-CN': zh } : { en }, occurredAt, receivedAt: occurredAt };
}

describe('funding series', () => {
  it('takes the percentage of each funding milestone in time order and ends on the live total', () => {
    const points = fundingSeries(
      project,
      [
        milestone(1, 'funding', 'Funding passed 50 %', '2026-03-02T00:00:00Z'),
        milestone(2, 'scene-wrapped', 'Scene 45 wrapped (100 % done)', '2026-03-03T00:00:00Z'),
        milestone(3, 'funding', 'Funding passed 25%', '2026-03-01T00:00:00Z'),
        milestone(4, 'funding', 'Stretch goal news', '2026-03-04T00:00:00Z', '众筹进度突破 85％'),
        milestone(5, 'funding', 'Thank you all!', '2026-03-05T00:00:00Z'),
      ],
      Date.parse('2026-03-10T00:00:00Z'),
    );
    expect(points.map((p) => [p.share, p.live])).toEqual([
      [0.25, false],
      [0.5, false],
      [0.85, false],
      [0.9, true],
    ]);
    expect(points[3]?.at).toBe(Date.parse('2026-03-10T00:00:00Z'));
  });

  it('is the live point alone without funding milestones, and copes with a zero goal', () => {
    expect(fundingSeries({ fundingGoal: 0, fundingRaised: 5 } as Project, [], 1000)).toEqual([{ at: 1000, share: 0, live: true }]);
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
