// What the meet-ups need from a database: the records and their state machine, the questions with one vote per
// caller, and the reactions timeline. A separate interface from FeedStorage so that a deployment can keep it in
// another engine (PostgreSQL for several nodes); async for the same reason.
import type { Meetup, MeetupInput, MeetupState, Question, ReactionKind } from '../../protocol/meetup';
import type { IdempotencyClaim } from './feed-storage';

export type ReactionCounts = Partial<Record<ReactionKind, number>>;

/** A meet-up as stored: the client record without its stream URL, plus the secret key the URL is made of. */
export interface MeetupRecord extends Omit<Meetup, 'streamUrl'> {
  /** Unguessable; the live and replay paths are built from it and handed only to those let in. */
  streamKey: string;
}

export type ScheduleResult =
  | { kind: 'stored'; meetup: MeetupRecord }
  /** The same input was scheduled before under this id: nothing changed. */
  | { kind: 'replayed'; meetup: MeetupRecord }
  /** The id is taken by a different meet-up (or another project's). */
  | { kind: 'id-taken'; meetup: MeetupRecord };

export type TransitionResult =
  | { kind: 'changed'; meetup: MeetupRecord }
  /** A retry of a transition stored before under the same idempotency claim. */
  | { kind: 'replayed'; meetup: MeetupRecord }
  | { kind: 'not-found' }
  /** The meet-up is not in the state the transition starts from. */
  | { kind: 'wrong-state'; meetup: MeetupRecord }
  | { kind: 'key-conflict' };

export type VoteResult = { kind: 'voted'; question: Question } | { kind: 'already-voted'; question: Question } | { kind: 'not-found' };

export type ModerateAction = 'spotlight' | 'answered' | 'dismiss';
/** Every question whose status changed, the moderated one first. */
export type ModerateResult = { kind: 'changed'; questions: Question[] } | { kind: 'not-found' };

export interface NewQuestion {
  id: string;
  text: string;
  askedBy?: string;
  /** Who asked (Access.callerId): never shown, kept for moderation. */
  callerId: string;
  askedAt: string;
}

export interface MeetupStorage {
  /** Schedules a meet-up; the id is the natural idempotency key (same input again: `replayed`). */
  scheduleMeetup(projectId: string, input: MeetupInput, streamKey: string): Promise<ScheduleResult>;
  getMeetup(meetupId: string): Promise<MeetupRecord | undefined>;
  findByStreamKey(streamKey: string): Promise<MeetupRecord | undefined>;
  /** Replaces the stream key (the host revoked the old one): paths and passes made of it stop working. */
  replaceStreamKey(meetupId: string, streamKey: string): Promise<MeetupRecord | undefined>;
  /** The project's meet-ups, soonest scheduled first. */
  listMeetups(projectId: string): Promise<MeetupRecord[]>;
  /** scheduled → live (sets startedAt) or live → ended (sets endedAt), atomically. */
  transition(meetupId: string, to: Exclude<MeetupState, 'scheduled'>, at: Date, idempotency?: IdempotencyClaim): Promise<TransitionResult>;

  addQuestion(meetupId: string, question: NewQuestion): Promise<Question>;
  /** Questions in board order (most votes first, then oldest); dismissed ones only when asked for. */
  questions(meetupId: string, includeDismissed: boolean): Promise<Question[]>;
  /** One vote per caller and question. */
  upvote(meetupId: string, questionId: string, callerId: string): Promise<VoteResult>;
  /** Spotlight is exclusive: the previous spotlight becomes answered in the same transaction. */
  moderate(meetupId: string, questionId: string, action: ModerateAction): Promise<ModerateResult>;

  /** Stores one aggregation window and adds it to the totals; resolves with the new totals. */
  appendReactionWindow(meetupId: string, at: number, counts: ReactionCounts): Promise<ReactionCounts>;
  reactionTotals(meetupId: string): Promise<ReactionCounts>;
  /** Every stored window, oldest first, with the totals. */
  reactionTimeline(meetupId: string): Promise<{ windows: { at: number; counts: ReactionCounts }[]; totals: ReactionCounts }>;
  close(): Promise<void>;
}
