// The demo's sample project and its first milestones, created on the first start of an empty database.
import type { MilestoneInput, Project } from '../protocol';
import type { FeedStorage } from './storage/feed-storage';

export const SAMPLE_PROJECT: Project = {
  id: 'lantern-keeper',
  title: { en: 'The Lantern Keeper', 'zh-CN': '守灯人' },
  currency: 'CNY',
  fundingGoal: 3_000_000,
  fundingRaised: 2_610_000,
  backers: 12_480,
  phase: 'shooting',
  shootingDays: { done: 23, planned: 40 },
};

const FIRST_MILESTONES: MilestoneInput[] = [
  { kind: 'funding', title: { en: 'Funding passed 85 %', 'zh-CN': '众筹进度突破 85%' } },
  { kind: 'shooting-day', title: { en: 'Shooting day 23 of 40 on the backlot', 'zh-CN': '第 23 天拍摄（共 40 天）：外景街' } },
  { kind: 'scene-wrapped', title: { en: 'Scene 44 wrapped: the night market', 'zh-CN': '第 44 场杀青：夜市' } },
];

export async function seedSampleProject(storage: FeedStorage): Promise<void> {
  const created = await storage.ensureProject(SAMPLE_PROJECT);
  if (!created) return;
  for (const milestone of FIRST_MILESTONES) await storage.appendMilestone(SAMPLE_PROJECT.id, milestone, new Date());
}
