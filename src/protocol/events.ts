// The project's event log: what the platform or operator posts (inputs, strict) and what the feed carries
// (events, tolerant of fields a newer server adds). Each event has a per-project sequence number.
import * as z from 'zod/mini';
import { Currency, LocalizedLongText, LocalizedText, ProjectId, StoredText, count, isoTime, sequence } from './primitives';

export const MILESTONE_KINDS = ['shooting-day', 'scene-wrapped', 'funding', 'announcement'] as const;
export const MilestoneKind = z.enum(MILESTONE_KINDS);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

export const PRODUCTION_PHASES = ['pre-production', 'shooting', 'post-production', 'release'] as const;
export const ProductionPhase = z.enum(PRODUCTION_PHASES);
export type ProductionPhase = z.infer<typeof ProductionPhase>;

const milestoneFields = {
  kind: MilestoneKind,
  title: LocalizedText,
  body: z.optional(LocalizedLongText),
  /** When it happened on set; defaults to when the server received it. */
  occurredAt: z.optional(isoTime),
};

/** A milestone as posted to `/milestones`. Strict: an unknown field is an error, not silently dropped. */
export const MilestoneInput = z.strictObject(milestoneFields);
export type MilestoneInput = z.infer<typeof MilestoneInput>;


/**
 * A live note pinned to a spot of a set location ("scene 45 is being shot here"), pushed by the operator and
 * shown on top of the tour until removed or until `until`.
 */
export const AnnotationInput = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes')),
  locationId: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes')),
  yaw: z.number().check(z.gte(-180), z.lte(180)),
  pitch: z.number().check(z.gte(-90), z.lte(90)),
  label: LocalizedText,
  until: z.optional(isoTime),
});
export const Annotation = z.object({
  id: z.string(),
  locationId: z.string(),
  yaw: z.number(),
  pitch: z.number(),
  label: StoredText,
  until: z.optional(isoTime),
});
export type Annotation = z.infer<typeof Annotation>;

/** Live annotations a project keeps at once; the oldest goes when a new one would exceed it. */
export const MAX_ANNOTATIONS = 20;

const ProjectChanges = z.strictObject({ title: z.optional(LocalizedText), fundingGoal: z.optional(count), currency: z.optional(Currency) }).check(
  z.refine((c) => c.title !== undefined || c.fundingGoal !== undefined || c.currency !== undefined, { message: 'change at least one of title, fundingGoal, currency' }),
);

/** Anything posted to `/events`: one change to the project, told apart by `type`. */
export const ProjectUpdateInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('milestone'), ...milestoneFields }),
  /** `occurredAt`: when the total was reached (a platform sending its earlier totals); defaults to when received. */
  z.strictObject({ type: z.literal('funding'), fundingRaised: count, backers: count, occurredAt: z.optional(isoTime) }),
  z.strictObject({ type: z.literal('phase'), phase: ProductionPhase }),
  z.strictObject({ type: z.literal('shooting-days'), done: count, planned: count }).check(
    z.refine((days) => days.done <= days.planned, { message: 'cannot be more than planned', path: ['done'] }),
  ),
  z.strictObject({ type: z.literal('project-edit'), changes: ProjectChanges }),
  z.strictObject({ type: z.literal('annotation'), annotation: AnnotationInput }),
  z.strictObject({ type: z.literal('annotation-removed'), id: z.string().check(z.minLength(1), z.maxLength(64)) }),
]);
export type ProjectUpdateInput = z.infer<typeof ProjectUpdateInput>;

/** A stored milestone, as the feed carries it. */
export const Milestone = z.object({
  id: z.string().check(z.minLength(1)),
  seq: sequence,
  kind: MilestoneKind,
  title: StoredText,
  body: z.optional(StoredText),
  occurredAt: isoTime,
  receivedAt: isoTime,
});
export type Milestone = z.infer<typeof Milestone>;

const envelope = { projectId: ProjectId, seq: sequence, /** When the server stored it. */ at: isoTime };

export const FEED_EVENT_TYPES = ['milestone', 'funding', 'phase', 'shooting-days', 'project-edit', 'annotation', 'annotation-removed'] as const;

/** One entry of a project's ordered event log. `seq` is per project, gap-free, starting at 1. */
export const FeedEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('milestone'), ...envelope, milestone: Milestone }),
  z.object({ type: z.literal('funding'), ...envelope, fundingRaised: count, backers: count, occurredAt: z.optional(isoTime) }),
  z.object({ type: z.literal('phase'), ...envelope, phase: ProductionPhase }),
  z.object({ type: z.literal('shooting-days'), ...envelope, done: count, planned: count }),
  z.object({
    type: z.literal('project-edit'),
    ...envelope,
    changes: z.object({ title: z.optional(StoredText), fundingGoal: z.optional(count), currency: z.optional(z.string()) }),
  }),
  z.object({ type: z.literal('annotation'), ...envelope, annotation: Annotation }),
  z.object({ type: z.literal('annotation-removed'), ...envelope, id: z.string() }),
]);
export type FeedEvent = z.infer<typeof FeedEvent>;

/**
 * What every event has, whatever its type. A client checks this first: an event of a type it does not know
 * (from a newer server) still takes its place in the sequence, as a no-op, instead of opening a hole.
 */
export const FeedEventEnvelope = z.looseObject({ type: z.string(), ...envelope });
export type FeedEventEnvelope = z.infer<typeof FeedEventEnvelope>;
