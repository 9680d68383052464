// The demo's sample project, its first milestones and demo backer tokens, created on the first start of an
// empty database (a real deployment's projects and tokens come from its platform and operators).
import type { Project, ProjectUpdateInput } from '../protocol';
import type { AccessStorage, BackerGrant, FeedStorage } from './storage/feed-storage';

export const SAMPLE_PROJECT: Project = {
  id: 'lantern-keeper',
  title: { en: 'The Lantern Keeper', 'zh-CN': '守灯人' },
  currency: 'CNY',
  fundingGoal: 3_000_000,
  fundingRaised: 2_610_000,
  backers: 12_480,
  phase: 'shooting',
  shootingDays: { done: 23, planned: 40 },
  visibility: 'public',
  annotations: [],
};

const FIRST_EVENTS: ProjectUpdateInput[] = [
  { type: 'milestone', kind: 'funding', title: { en: 'Funding passed 85 %', 'zh-CN': '众筹进度突破 85%' } },
  { type: 'milestone', kind: 'shooting-day', title: { en: 'Shooting day 23 of 40 on the backlot', 'zh-CN': '第 23 天拍摄（共 40 天）：外景街' } },
  { type: 'milestone', kind: 'scene-wrapped', title: { en: 'Scene 44 wrapped: the night market', 'zh-CN': '第 44 场杀青：夜市' } },
];

/** Well-known tokens for trying the demo; only ever registered together with the sample project. */
export const DEMO_BACKER_TOKENS: Record<string, BackerGrant> = {
  // Granted the sample project only: a well-known code must never open a real backers-only project.
  'demo-supporter': { label: 'Demo supporter', tier: 'supporter', projects: ['lantern-keeper'] },
  'demo-gold': { label: 'Demo gold backer', tier: 'gold', projects: ['lantern-keeper'] },
};

export async function seedSampleProject(storage: FeedStorage & AccessStorage): Promise<void> {
  const created = await storage.ensureProject(SAMPLE_PROJECT);
  if (!created) return;
  for (const event of FIRST_EVENTS) await storage.appendEvent(SAMPLE_PROJECT.id, event, new Date());
  for (const [token, grant] of Object.entries(DEMO_BACKER_TOKENS)) await storage.ensureBackerToken(token, grant);
}
