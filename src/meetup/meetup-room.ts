// What the page knows about the meet-up it has open: the record, whether it got in (or why not), the audience,
// reactions, questions and the live latency. The meet-up client is its only writer (the store's meetup slice).
import type { BackerTier, ProtocolError } from '../protocol';
import type { HostStats, Meetup, Question, ReactionKind } from '../protocol/meetup';

/**
 * idle: no meet-up open. connecting/joining: on the way in. joined: in the room. refused: the server said no
 * (see `refusal`). reconnecting: the connection dropped while in the room; the client rejoins by itself.
 */
export type MeetupPhase = 'idle' | 'connecting' | 'joining' | 'joined' | 'refused' | 'reconnecting';

export type ReactionCounts = Partial<Record<ReactionKind, number>>;

/** Why the server refused entry, and, for a tier refusal, the tier that would open the door. */
export interface MeetupRefusal {
  code: ProtocolError['code'];
  message: string;
  requiredTier?: BackerTier;
  yourTier?: BackerTier;
}

/** One aggregation window as the replay's reactions timeline keeps it. */
export interface TimelinePoint {
  /** Milliseconds since the meet-up started. */
  at: number;
  total: number;
}

export interface LiveStreamPosition {
  /** Seconds behind the live edge (hls.js `latency`, or live edge minus currentTime). */
  latencySeconds: number;
  /** The live edge in media time: it moves forward while the stream is live. */
  edgeSeconds: number;
  /** The playhead in media time. */
  currentSeconds: number;
}

export interface MeetupRoom {
  meetupId: string | null;
  phase: MeetupPhase;
  meetup: Meetup | null;
  role: 'audience' | 'host' | null;
  refusal: MeetupRefusal | null;
  audience: number;
  totals: ReactionCounts;
  /** The server's latest aggregation window: the burst renders its counts. */
  lastWindow: { seq: number; counts: ReactionCounts } | null;
  /** Reaction totals per window since joining (bounded), for the reactions timeline. */
  timeline: TimelinePoint[];
  /** Open and answered questions in board order (most votes first); dismissed ones are gone. */
  questions: Question[];
  /** The question the host put on screen for everyone, or null. */
  spotlight: Question | null;
  /** The last ask/upvote/moderate the server refused, shown next to the board until the next success. */
  actionError: ProtocolError | null;
  live: LiveStreamPosition | null;
  /** Audience, reaction rate and open questions, for the host console (hosts only). */
  hostStats: HostStats | null;
  /** The "add to my TV" reminder of a scheduled meet-up: armed until its start, then due (banner shown). */
  reminder: { meetupId: string; state: 'armed' | 'due' } | null;
}

export function initialMeetupRoom(): MeetupRoom {
  return {
    meetupId: null,
    phase: 'idle',
    meetup: null,
    role: null,
    refusal: null,
    audience: 0,
    totals: {},
    lastWindow: null,
    timeline: [],
    questions: [],
    spotlight: null,
    actionError: null,
    live: null,
    hostStats: null,
    reminder: null,
  };
}

/**
 * How many are watching, for the views: a live meet-up's audience only. Before the start nobody is watching yet,
 * and in a replay the room's count is of other replay viewers, not an audience ("1 watching" would be the viewer).
 */
export function liveAudience(room: Pick<MeetupRoom, 'meetup' | 'audience'>): number | null {
  return room.meetup?.state === 'live' ? room.audience : null;
}
