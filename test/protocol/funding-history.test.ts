// The funding line a project keeps: each funding event adds its (time, amount) point, in time order, bounded.
import { describe, expect, it } from 'vitest';
import { FUNDING_POINTS_KEPT, Project, ProjectUpdateInput, type FeedEvent, type FundingPoint } from '../../src/protocol';
import { addFundingPoint } from '../../src/protocol/funding-history';
import { applyToProject } from '../../src/protocol/project-state';

const base: Project = {
  id: 'film-a',
  title: { en: 'Film A' },
  currency: 'CNY',
  fundingGoal: 1000,
  fundingRaised: 0,
  backers: 0,
  phase: 'shooting',
  shootingDays: { done: 0, planned: 10 },
  visibility: 'public',
  annotations: [],
};

function funding(seq: number, fundingRaised: number, at: string, occurredAt?: string): FeedEvent {
  return { type: 'funding', projectId: 'film-a', seq, at, fundingRaised, backers: seq, ...(occurredAt ? { occurredAt } : {}) };
}

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T12:00:00.000Z`;

describe('funding history', () => {
  it('adds one point per funding event, at the time it occurred, and the total follows the latest', () => {
    let project = applyToProject(base, funding(1, 100, day(1)));
    project = applyToProject(project, funding(2, 300, day(3)));
    expect(project.fundingHistory).toEqual([
      { at: day(1), raised: 100 },
      { at: day(3), raised: 300 },
    ]);
    expect(project).toMatchObject({ fundingRaised: 300, backers: 2 });
    // A platform sending an earlier total: it joins the line in its place and leaves the total now alone.
    project = applyToProject(project, funding(3, 200, day(4), day(2)));
    expect(project.fundingHistory?.map((p) => p.raised)).toEqual([100, 200, 300]);
    expect(project).toMatchObject({ fundingRaised: 300, backers: 2 });
    // A corrected total for a moment already there replaces it.
    project = applyToProject(project, funding(4, 320, day(5), day(3)));
    expect(project.fundingHistory?.map((p) => p.raised)).toEqual([100, 200, 320]);
    expect(project).toMatchObject({ fundingRaised: 320, backers: 4 });
    expect(base.fundingHistory).toBeUndefined();
  });

  it('stays bounded, keeping where the line starts and the latest points', () => {
    let history: FundingPoint[] = [];
    for (let n = 0; n < FUNDING_POINTS_KEPT + 30; n++) history = addFundingPoint(history, { at: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString(), raised: n });
    expect(history).toHaveLength(FUNDING_POINTS_KEPT);
    expect(history[0]?.raised).toBe(0);
    expect(history[1]?.raised).toBe(31);
    expect(history.at(-1)?.raised).toBe(FUNDING_POINTS_KEPT + 29);
  });

  it('validates the time of a posted total and of a stored point', () => {
    expect(ProjectUpdateInput.safeParse({ type: 'funding', fundingRaised: 5, backers: 1, occurredAt: '2026-03-01T10:00:00Z' }).success).toBe(true);
    const bad = ProjectUpdateInput.safeParse({ type: 'funding', fundingRaised: 5, backers: 1, occurredAt: 'last Tuesday' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toContain('occurredAt');
    expect(Project.safeParse({ ...base, fundingHistory: [{ at: day(1), raised: -1 }] }).success).toBe(false);
    expect(Project.safeParse({ ...base, fundingHistory: [{ at: 'soon', raised: 1 }] }).success).toBe(false);
    expect(Project.parse(base).fundingHistory).toBeUndefined();
  });
});
