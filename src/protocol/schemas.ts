// The feed protocol's data shapes, validated at runtime on both ends (server and every client).
// Written with zod/mini so the TV's first screen can carry the same definitions cheaply.
import * as z from 'zod/mini';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

const shortText = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const longText = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));

/** Text in the UI languages; at least one must be given, the client falls back to the other. */
export const LocalizedText = z.strictObject({ en: z.optional(shortText), 'zh-CN': z.optional(shortText) }).check(
  z.refine((text) => text.en !== undefined || text['zh-CN'] !== undefined, { message: 'give at least one of en, zh-CN' }),
);
export type LocalizedText = z.infer<typeof LocalizedText>;

export const LocalizedLongText = z.strictObject({ en: z.optional(longText), 'zh-CN': z.optional(longText) }).check(
  z.refine((text) => text.en !== undefined || text['zh-CN'] !== undefined, { message: 'give at least one of en, zh-CN' }),
);

export const ProjectId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes, at most 64'));

export const PRODUCTION_PHASES = ['pre-production', 'shooting', 'post-production', 'release'] as const;
export const ProductionPhase = z.enum(PRODUCTION_PHASES);
export type ProductionPhase = z.infer<typeof ProductionPhase>;

const count = z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));
/** Sequence numbers start at 1 for a project's first event; 0 means "nothing yet". */
const sequence = count;
const isoTime = z.iso.datetime({ offset: true });

export const Project = z.object({
  id: ProjectId,
  title: LocalizedText,
  /** ISO 4217 code; amounts are whole units of it. */
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  fundingGoal: count,
  fundingRaised: count,
  backers: count,
  phase: ProductionPhase,
  shootingDays: z.object({ done: count, planned: count }),
});
export type Project = z.infer<typeof Project>;

export const MILESTONE_KINDS = ['shooting-day', 'scene-wrapped', 'funding', 'announcement'] as const;
export const MilestoneKind = z.enum(MILESTONE_KINDS);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

/** What the platform or operator posts. Strict: an unknown field is an error, not silently dropped. */
export const MilestoneInput = z.strictObject({
  kind: MilestoneKind,
  title: LocalizedText,
  body: z.optional(LocalizedLongText),
  /** When it happened on set; defaults to when the server received it. */
  occurredAt: z.optional(isoTime),
});
export type MilestoneInput = z.infer<typeof MilestoneInput>;

/** A stored milestone, as the feed carries it. Tolerant of fields a newer server may add. */
export const Milestone = z.object({
  id: z.string().check(z.minLength(1)),
  seq: sequence,
  kind: MilestoneKind,
  title: z.object({ en: z.optional(z.string()), 'zh-CN': z.optional(z.string()) }),
  body: z.optional(z.object({ en: z.optional(z.string()), 'zh-CN': z.optional(z.string()) })),
  occurredAt: isoTime,
  receivedAt: isoTime,
});
export type Milestone = z.infer<typeof Milestone>;

/** One entry of a project's ordered event log. `seq` is per project, gap-free, starting at 1. */
export const FeedEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('milestone'), projectId: ProjectId, seq: sequence, milestone: Milestone }),
]);
export type FeedEvent = z.infer<typeof FeedEvent>;

/** A project's state at `seq`: what a client needs to show it without any earlier event. */
export const ProjectSnapshot = z.object({
  project: Project,
  /** The latest milestones, oldest first. */
  milestones: z.array(Milestone),
  seq: sequence,
});
export type ProjectSnapshot = z.infer<typeof ProjectSnapshot>;
