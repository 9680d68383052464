// The one row mapper per circle table, shared by the SQLite and PostgreSQL stores: both select these columns
// and hand the rows here, so a column added or read differently changes in one place.
import type { CircleControl, CircleDevice, CirclePlayback } from '../../protocol/circle';
import type { CircleChanges, CircleRecord, CircleStatus, MemberRecord } from './circle-storage';

export const CIRCLE_COLUMNS = 'id, code, project_id, host_id, control, max_members, playback_json, waiting_json, status, rev, created_at, active_at';
export const MEMBER_COLUMNS = 'circle_id, id, name, device, key_hash, joined_at, removed';

/** A row of `circles` (CIRCLE_COLUMNS). Times are ms since the epoch (bigint in PostgreSQL: read as strings). */
export interface CircleRow {
  id: string;
  code: string;
  project_id: string;
  host_id: string;
  control: string;
  max_members: number;
  playback_json: string;
  waiting_json: string | null;
  status: string;
  rev: number;
  created_at: number | string;
  active_at: number | string;
}

/** A row of `circle_members` (MEMBER_COLUMNS). */
export interface MemberRow {
  circle_id: string;
  id: string;
  name: string;
  device: string;
  key_hash: string;
  joined_at: number | string;
  removed: number | boolean;
}

export function circleOfRow(row: CircleRow): CircleRecord {
  return {
    id: row.id,
    code: row.code,
    projectId: row.project_id,
    hostId: row.host_id,
    control: row.control as CircleControl,
    maxMembers: Number(row.max_members),
    playback: JSON.parse(row.playback_json) as CirclePlayback,
    ...(row.waiting_json ? { waiting: JSON.parse(row.waiting_json) as CircleRecord['waiting'] } : {}),
    status: row.status as CircleStatus,
    rev: Number(row.rev),
    createdAt: Number(row.created_at),
    activeAt: Number(row.active_at),
  };
}

export function memberOfRow(row: MemberRow): MemberRecord {
  return {
    circleId: row.circle_id,
    id: row.id,
    name: row.name,
    device: row.device as CircleDevice,
    keyHash: row.key_hash,
    joinedAt: Number(row.joined_at),
    removed: Boolean(row.removed),
  };
}

/** The values of a new `circles` row, in CIRCLE_COLUMNS order. */
export function circleValues(c: CircleRecord): unknown[] {
  return [c.id, c.code, c.projectId, c.hostId, c.control, c.maxMembers, JSON.stringify(c.playback), c.waiting ? JSON.stringify(c.waiting) : null, c.status, c.rev, c.createdAt, c.activeAt];
}

/** The values of a new `circle_members` row, in MEMBER_COLUMNS order (removed as 0/1: both engines take it). */
export function memberValues(m: MemberRecord): unknown[] {
  return [m.circleId, m.id, m.name, m.device, m.keyHash, m.joinedAt, m.removed ? 1 : 0];
}

/** A change applied to a record, as both stores write it back whole (rev + 1). */
export function applyChanges(record: CircleRecord, changes: CircleChanges): CircleRecord {
  const { waiting, ...rest } = changes;
  const next: CircleRecord = { ...record, ...rest, rev: record.rev + 1 };
  if (waiting === null) delete next.waiting;
  else if (waiting !== undefined) next.waiting = waiting;
  return next;
}
