// The demo's sample project, its first milestones and demo backer tokens, created on the first start of an
// empty database (a real deployment's projects and tokens come from its platform and operators).
import { randomBytes } from 'node:crypto';
import type { FundingPoint, Project, ProjectUpdateInput } from '../protocol';
import type { MeetupInput } from '../protocol/meetup';
import type { AccessStorage, BackerGrant, FeedStorage } from './storage/feed-storage';
import type { MeetupRecord, MeetupStorage } from './storage/meetup-storage';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The campaign so far, as (days before the first start, total raised): a launch surge, a slow middle, the push
 * when shooting began. The last total is the project's fundingRaised.
 */
const SAMPLE_FUNDING: readonly (readonly [number, number])[] = [
  [63, 0],
  [60, 640_000],
  [56, 1_120_000],
  [49, 1_380_000],
  [42, 1_510_000],
  [35, 1_620_000],
  [28, 1_840_000],
  [21, 2_130_000],
  [14, 2_320_000],
  [7, 2_480_000],
  [2, 2_610_000],
];

/** The sample's funding line, dated back from `now` so that the demo always shows the last nine weeks. */
export function sampleFundingHistory(now: Date): FundingPoint[] {
  return SAMPLE_FUNDING.map(([daysAgo, raised]) => ({ at: new Date(now.getTime() - daysAgo * DAY_MS).toISOString(), raised }));
}

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
  fundingHistory: sampleFundingHistory(new Date()),
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
  const created = await storage.ensureProject({ ...SAMPLE_PROJECT, fundingHistory: sampleFundingHistory(new Date()) });
  if (!created) return;
  for (const event of FIRST_EVENTS) await storage.appendEvent(SAMPLE_PROJECT.id, event, new Date());
  for (const [token, grant] of Object.entries(DEMO_BACKER_TOKENS)) await storage.ensureBackerToken(token, grant);
}

/** The demo's star meet-up: gold and up, so demo-supporter is refused (with the reason) and demo-gold gets in. */
export const SAMPLE_MEETUP_ID = 'lantern-keeper-meetup';
const SAMPLE_MEETUP: Omit<MeetupInput, 'scheduledStart'> = {
  id: SAMPLE_MEETUP_ID,
  title: { en: 'Meet the Lantern Keeper on the backlot', 'zh-CN': '外景街见面会：守灯人' },
  star: { en: 'Lin Yue', 'zh-CN': '林悦' },
  requiredTier: 'gold',
};
/** How far after the first start the demo meet-up is scheduled: long enough to see the countdown. */
const SAMPLE_MEETUP_LEAD_MS = 5 * 60 * 1000;

/** Schedules the demo meet-up unless it exists (in any state: a finished one stays a replay); resolves with it. */
export async function seedSampleMeetup(meetups: MeetupStorage, now = new Date()): Promise<MeetupRecord> {
  const existing = await meetups.getMeetup(SAMPLE_MEETUP_ID);
  if (existing) return existing;
  const scheduledStart = new Date(now.getTime() + SAMPLE_MEETUP_LEAD_MS).toISOString();
  const result = await meetups.scheduleMeetup(SAMPLE_PROJECT.id, { ...SAMPLE_MEETUP, scheduledStart }, randomBytes(16).toString('base64url'));
  return result.meetup;
}
