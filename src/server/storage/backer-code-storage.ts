// Backer codes as the operator manages them: issued (idempotently), listed, revoked and re-issued. A code is
// stored as its SHA-256 only; after issuance nothing readable of it is kept but its last four characters.
// A revoked code opens nothing: every lookup (findBackerCode, isBackerTokenActive) answers only for active codes.
import { createHash, randomBytes } from 'node:crypto';
import type { BackerGrant } from './feed-storage';

export interface BackerCode extends BackerGrant {
  /** Stable id for listing, revoking and re-issuing; reveals nothing of the code. */
  id: string;
  createdAt: string;
  revokedAt: string | null;
  /** The code's last four characters, to tell codes apart with the backer on the phone. */
  hint: string;
  /** The code this one replaced (re-issue), and the one that replaced it. */
  replaces: string | null;
  replacedBy: string | null;
}

/**
 * An issuance under an Idempotency-Key: the key itself is stored only as a hash, and the new code only sealed
 * with a key derived from it (backer-codes/replay-seal.ts), so a retry can be answered with the same code while
 * the database alone never holds a readable one.
 */
export interface IssueClaim {
  callerId: string;
  keyHash: string;
  requestHash: string;
  sealed: string;
}

export type IssueResult =
  | { kind: 'issued'; code: BackerCode }
  /** The same request was answered before under this key: this is the code it issued, still sealed. */
  | { kind: 'replayed'; code: BackerCode; sealed: string }
  | { kind: 'key-conflict' }
  | { kind: 'unknown-code' }
  /** Re-issue of a code that was re-issued before: one replacement per code. */
  | { kind: 'already-reissued'; code: BackerCode };

export type RevokeResult = { kind: 'revoked'; code: BackerCode } | { kind: 'already-revoked'; code: BackerCode } | { kind: 'unknown-code' };

export interface BackerCodeStorage {
  /** Stores a new code (made by the caller) for the grant, unless the claim shows it was issued already. */
  issueBackerCode(token: string, grant: BackerGrant, at: Date, claim?: IssueClaim): Promise<IssueResult>;
  /** Revokes code `id` (if active) and stores `token` with the same grant in its place, in one transaction. */
  reissueBackerCode(id: string, token: string, at: Date, claim?: IssueClaim): Promise<IssueResult>;
  /** Every code, newest first. */
  listBackerCodes(): Promise<BackerCode[]>;
  revokeBackerCode(id: string, at: Date): Promise<RevokeResult>;
  /** The active code a token is, with its grant; undefined for an unknown or revoked token. */
  findBackerCode(token: string): Promise<{ id: string; grant: BackerGrant } | undefined>;
  /** Whether a token is a backer code that is still active: what a refresh of signed media access asks. */
  isBackerTokenActive(token: string): Promise<boolean>;
  /** Of these code ids, those still active: what live sessions are re-checked against. */
  activeBackerCodes(ids: readonly string[]): Promise<Set<string>>;
}

/** How long a retried issuance with the same Idempotency-Key is recognized (as for posts). */
export const ISSUE_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** A new backer code: 192 random bits, so guessing one is hopeless whatever the rate limits. */
export function newBackerToken(): string {
  return `sv_${randomBytes(24).toString('base64url')}`;
}

export const newCodeId = (): string => `bc_${randomBytes(8).toString('hex')}`;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The grant as stored (grant_json): the label, tier and projects only. */
export function grantOf(grant: BackerGrant): BackerGrant {
  return { label: grant.label, tier: grant.tier, projects: grant.projects };
}

export function hintOf(token: string): string {
  return token.slice(-4);
}

/** The row of backer_tokens, as both engines return it (times in ms since the epoch). */
export interface BackerCodeRow {
  id: string;
  grant_json: string;
  created_at: number | string;
  revoked_at: number | string | null;
  hint: string | null;
  replaces: string | null;
  replaced_by: string | null;
}

/** The one row mapper of backer_tokens, for SQLite and PostgreSQL alike. */
export function backerCodeOf(row: BackerCodeRow): BackerCode {
  return {
    id: row.id,
    ...grantOf(JSON.parse(row.grant_json) as BackerGrant),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    revokedAt: row.revoked_at === null ? null : new Date(Number(row.revoked_at)).toISOString(),
    hint: row.hint ?? '????',
    replaces: row.replaces,
    replacedBy: row.replaced_by,
  };
}

export const BACKER_CODE_COLUMNS = 'id, grant_json, created_at, revoked_at, hint, replaces, replaced_by';
