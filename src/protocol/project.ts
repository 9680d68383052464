// A project as every client shows it, who may see it, and the snapshot that stands for its whole history.
import * as z from 'zod/mini';
import { Currency, LocalizedText, ProjectId, count, isoTime, sequence } from './primitives';
import { Annotation, Milestone, ProductionPhase } from './events';

/** Backer tiers, lowest first: a tier includes everything the tiers before it may do. */
export const BACKER_TIERS = ['supporter', 'silver', 'gold', 'platinum'] as const;
export const BackerTier = z.enum(BACKER_TIERS);
export type BackerTier = z.infer<typeof BackerTier>;

/** `public`: anyone may follow the project; `backers`: only tokens granted this project. */
export const ProjectVisibility = z.enum(['public', 'backers']);
export type ProjectVisibility = z.infer<typeof ProjectVisibility>;

/** One point of the funding line: the total raised (whole units of the project's currency) at a moment. */
export const FundingPoint = z.object({ at: isoTime, raised: count });
export type FundingPoint = z.infer<typeof FundingPoint>;

/** Points a project keeps: the first (where the line starts) and the latest ones; enough for a chart, bounded. */
export const FUNDING_POINTS_KEPT = 120;

export const Project = z.object({
  id: ProjectId,
  title: LocalizedText,
  /** Amounts are whole units of this currency. */
  currency: Currency,
  fundingGoal: count,
  fundingRaised: count,
  backers: count,
  phase: ProductionPhase,
  shootingDays: z.object({ done: count, planned: count }),
  visibility: ProjectVisibility,
  /**
   * The funding total over time, oldest first, one point per funding event (see applyToProject). Absent on a
   * project stored before the history was kept, and from an older server: no line, only the total now.
   */
  fundingHistory: z.optional(z.array(FundingPoint)),
  /** Live notes pinned to spots of the tour, newest last. */
  annotations: z._default(z.array(Annotation), []),
});
export type Project = z.infer<typeof Project>;

/** A project's state at `seq`: what a client needs to show it without any earlier event. */
export const ProjectSnapshot = z.object({
  project: Project,
  /** The latest milestones, oldest first. */
  milestones: z.array(Milestone),
  seq: sequence,
});
export type ProjectSnapshot = z.infer<typeof ProjectSnapshot>;
