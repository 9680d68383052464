// What the reference server needs from a database: projects, their ordered gap-free event logs, the
// idempotency keys of posts, and backer tokens. Async so that a networked engine (PostgreSQL) can stand
// behind the same interface as SQLite.
import type { BackerTier, FeedEvent, Project, ProjectSnapshot, ProjectUpdateInput } from '../../protocol';
import type { BackerCodeStorage } from './backer-code-storage';

/** A retried POST is recognized by (caller, key); the hash tells a true retry from a reused key. */
export interface IdempotencyClaim {
  callerId: string;
  key: string;
  requestHash: string;
}

export type AppendResult =
  | { kind: 'stored'; event: FeedEvent }
  /** The same request was stored before under this key: here is what it stored. */
  | { kind: 'replayed'; event: FeedEvent }
  | { kind: 'unknown-project' }
  /** The key was used before for a different request. */
  | { kind: 'key-conflict' };

export interface FeedStorage {
  getProject(projectId: string): Promise<Project | undefined>;
  /** The sequence number of the project's latest event (0 before the first), or undefined for an unknown project. */
  latestSeq(projectId: string): Promise<number | undefined>;
  /** Creates the project if it does not exist (true); leaves an existing one and its log untouched (false). */
  ensureProject(project: Project): Promise<boolean>;
  /**
   * Stores one change as the project's next event — assigning the sequence number and updating the project
   * record in the same transaction — unless the idempotency claim shows it was stored already.
   */
  appendEvent(projectId: string, input: ProjectUpdateInput, receivedAt: Date, idempotency?: IdempotencyClaim): Promise<AppendResult>;
  /** Events with seq > afterSeq, oldest first, at most `limit`. */
  eventsAfter(projectId: string, afterSeq: number, limit: number): Promise<FeedEvent[]>;
  /** The project with its latest `milestoneLimit` milestones, or undefined for an unknown project. */
  snapshot(projectId: string, milestoneLimit: number): Promise<ProjectSnapshot | undefined>;
  close(): Promise<void>;
}

/** What a backer token allows. */
export interface BackerGrant {
  label: string;
  tier: BackerTier;
  /** Projects this token may follow beyond the public ones; '*' for all. */
  projects: string[] | '*';
}

export interface AccessStorage {
  /** The codes as the operator manages them (issue, list, revoke, re-issue) and as access checks them. */
  readonly backerCodes: BackerCodeStorage;
  /** Makes a new random token for the grant and returns it: the only time it is ever readable. */
  createBackerToken(grant: BackerGrant): Promise<string>;
  /** Registers a known token (the demo's) if absent. */
  ensureBackerToken(token: string, grant: BackerGrant): Promise<void>;
  /** The grant of an active backer code; undefined for an unknown or revoked one. */
  findBackerToken(token: string): Promise<BackerGrant | undefined>;
}
