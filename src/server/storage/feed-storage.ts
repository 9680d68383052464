// What the reference server needs from a database: projects and their ordered, gap-free event logs.
// Async so that a networked engine (PostgreSQL) can stand behind the same interface as SQLite.
import type { FeedEvent, MilestoneInput, Project, ProjectSnapshot } from '../../protocol';

export interface FeedStorage {
  getProject(projectId: string): Promise<Project | undefined>;
  /** The sequence number of the project's latest event (0 before the first), or undefined for an unknown project. */
  latestSeq(projectId: string): Promise<number | undefined>;
  /** Creates the project if it does not exist (true); leaves an existing one and its log untouched (false). */
  ensureProject(project: Project): Promise<boolean>;
  /**
   * Stores a milestone as the project's next event, atomically assigning the sequence number.
   * Returns undefined when the project does not exist.
   */
  appendMilestone(projectId: string, input: MilestoneInput, receivedAt: Date): Promise<FeedEvent | undefined>;
  /** Events with seq > afterSeq, oldest first, at most `limit`. */
  eventsAfter(projectId: string, afterSeq: number, limit: number): Promise<FeedEvent[]>;
  /** The project with its latest `milestoneLimit` milestones, or undefined for an unknown project. */
  snapshot(projectId: string, milestoneLimit: number): Promise<ProjectSnapshot | undefined>;
  close(): Promise<void>;
}

export class UnknownProjectError extends Error {
  constructor(readonly projectId: string) {
    super(`unknown project: ${projectId}`);
  }
}
