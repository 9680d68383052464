// Request bodies of the HTTP API beyond the feed events (see events.ts): shared by the server and the operator CLI.
import * as z from 'zod/mini';
import { BackerTier } from './project';
import { ProjectId } from './primitives';

export const BackerTokenRequest = z.strictObject({
  /** Who the token is for, for the operator's records ("Li Wei, gold"). */
  label: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  tier: BackerTier,
  /** Non-public projects the token may follow; '*' for all. */
  projects: z.union([z.literal('*'), z.array(ProjectId).check(z.minLength(1), z.maxLength(100))]),
});
export type BackerTokenRequest = z.infer<typeof BackerTokenRequest>;

/** An idempotency key: any printable ASCII, 1–128 characters (a UUID is typical). */
export const IdempotencyKey = z.string().check(z.regex(/^[\x21-\x7e]{1,128}$/, '1–128 printable ASCII characters'));

/** The id of a backer code, for listing, revoking and re-issuing it (never the code itself). */
export const BackerCodeId = z.string().check(z.regex(/^bc_[0-9a-f]{16}$/, 'expected a backer code id: "bc_" and 16 hex digits'));

/** A backer code as the operator lists it: its last four characters, never the code after issuance. */
export const BackerCodeRecord = z.object({
  id: BackerCodeId,
  label: z.string(),
  tier: BackerTier,
  projects: z.union([z.literal('*'), z.array(z.string())]),
  createdAt: z.string(),
  revokedAt: z.nullable(z.string()),
  hint: z.string(),
  /** The code this one replaced (re-issue), and the one that replaced it. */
  replaces: z.nullable(z.string()),
  replacedBy: z.nullable(z.string()),
});
export type BackerCodeRecord = z.infer<typeof BackerCodeRecord>;

/** The answer to an issuance or a re-issue: the record and, this once, the code itself. */
export const IssuedBackerCode = z.extend(BackerCodeRecord, { token: z.string().check(z.minLength(1)) });
export type IssuedBackerCode = z.infer<typeof IssuedBackerCode>;
