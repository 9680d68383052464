// The protocol's runtime validation: what it accepts, and the paths and messages it gives for what it refuses.
import { describe, expect, it } from 'vitest';
import { FeedEvent, MilestoneInput, describeIssues, summarizeIssues } from '../../src/protocol';

function issuesOf(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return describeIssues(result.error as Parameters<typeof describeIssues>[0]);
}

describe('protocol schemas', () => {
  it('accepts a milestone in either language and trims its text', () => {
    const parsed = MilestoneInput.parse({ kind: 'funding', title: { 'zh-CN': '  众筹突破九成 ' } });
    expect(parsed.title['zh-CN']).toBe('众筹突破九成');
  });

  it('names nested and array paths', () => {
    const issues = issuesOf(FeedEvent, { type: 'milestone', projectId: 'p', seq: 1, milestone: { id: 'x', seq: 1, kind: 'funding', title: { en: 5 } } });
    const paths = issues.map((i) => i.path);
    expect(paths).toContain('milestone.title.en');
    expect(paths).toContain('milestone.occurredAt');
  });

  it('names each unknown field by its own path', () => {
    const issues = issuesOf(MilestoneInput, { kind: 'funding', title: { en: 'x', fr: 'y' }, extra: 1 });
    expect(issues).toEqual(expect.arrayContaining([{ path: 'title.fr', message: 'unknown field' }, { path: 'extra', message: 'unknown field' }]));
  });

  it('explains bad values in words', () => {
    const summary = summarizeIssues(issuesOf(MilestoneInput, { kind: 'party', title: { en: '' } }));
    expect(summary).toMatch(/kind: expected one of "shooting-day"/);
    expect(summary).toMatch(/title\.en: must have at least 1 characters/);
  });

  it('refuses a title with no language', () => {
    expect(summarizeIssues(issuesOf(MilestoneInput, { kind: 'funding', title: {} }))).toMatch(/title: give at least one of en, zh-CN/);
  });
});
