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
