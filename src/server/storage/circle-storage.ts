// What circles need from a database: the circle (its shared playback, host, setting, state) and its members.
// Its own interface beside FeedStorage and MeetupStorage, so a deployment can keep it in PostgreSQL for several
// nodes; async for the same reason. Every change of a circle is checked against its `rev` (optimistic), so two
// nodes acting on one circle at once never lose an update: the loser reads again and retries.
import type { CircleControl, CircleDevice, CirclePlayback, CircleView } from '../../protocol/circle';
import type { CircleMessageStorage } from './circle-message-storage';

export type { CircleMessageRecord, CircleMessageStorage } from './circle-message-storage';

export type CircleStatus = 'open' | 'ended' | 'expired';

export interface CircleRecord {
  id: string;
  /** Normalized (capitals, no dash); unique among all circles ever made. */
  code: string;
  projectId: string;
  hostId: string;
  control: CircleControl;
  maxMembers: number;
  playback: CirclePlayback;
  waiting?: CircleView['waiting'];
  status: CircleStatus;
  rev: number;
  createdAt: number;
  /** Last join, leave or change (ms since the epoch): an empty circle expires a while after it. */
  activeAt: number;
}

export interface MemberRecord {
  circleId: string;
  id: string;
  name: string;
  device: CircleDevice;
  /** sha256 of the member key: the key itself is never stored. */
  keyHash: string;
  joinedAt: number;
  /** Set when the host removed them: their key no longer brings them back. */
  removed: boolean;
}

/** What a change may set; `rev` grows by one with each. */
export type CircleChanges = Partial<Pick<CircleRecord, 'hostId' | 'control' | 'playback' | 'status' | 'activeAt'>> & { waiting?: CircleView['waiting'] | null };

export type AddMemberResult = 'added' | 'full' | 'closed';

/** The circle, its members, and its recent messages (circle-message-storage.ts). */
export interface CircleStorage extends CircleMessageStorage {
  /** 'code-taken' when another circle has the code (the caller makes a new one and tries again). */
  createCircle(circle: CircleRecord, host: MemberRecord): Promise<'created' | 'code-taken'>;
  getCircle(circleId: string): Promise<CircleRecord | undefined>;
  findByCode(code: string): Promise<CircleRecord | undefined>;
  /** Members in the order they joined; removed ones left out unless asked for. */
  members(circleId: string, includeRemoved?: boolean): Promise<MemberRecord[]>;
  getMember(circleId: string, memberId: string): Promise<MemberRecord | undefined>;
  /** Adds a member if the circle is open and has room, in one transaction (so two joins cannot pass the limit). */
  addMember(member: MemberRecord, maxMembers: number): Promise<AddMemberResult>;
  /** A member who left: gone from the circle (they may join again by its code, as someone new). */
  deleteMember(circleId: string, memberId: string): Promise<boolean>;
  /** The host removed them: kept, marked, so their key is refused. */
  markRemoved(circleId: string, memberId: string): Promise<boolean>;
  /** Applies the changes if the circle is still at `expectedRev`; undefined when it moved on (or is gone). */
  updateCircle(circleId: string, expectedRev: number, changes: CircleChanges): Promise<CircleRecord | undefined>;
  /** Open circles with no change, join or leave since `before` (ms since the epoch): expiry candidates. */
  idleCircles(before: number, limit: number): Promise<string[]>;
  close(): Promise<void>;
}
