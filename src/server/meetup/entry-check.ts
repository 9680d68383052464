// Who may enter a meet-up: decided here, on the server, from the caller's token; the refusal says why and,
// for a tier too low, which tier would open the door.
import { BACKER_TIERS, type BackerTier, type Project, type ProtocolError } from '../../protocol';
import { canFollow, type Access } from '../access';
import type { MeetupRecord } from '../storage/meetup-storage';

export type EntryDecision =
  | { ok: true; role: 'audience' | 'host' }
  | { ok: false; error: ProtocolError; requiredTier?: BackerTier; yourTier?: BackerTier };

export function tierAtLeast(tier: BackerTier, required: BackerTier): boolean {
  return BACKER_TIERS.indexOf(tier) >= BACKER_TIERS.indexOf(required);
}

/** `project` is the meet-up's project, or undefined if it is gone (then nobody but the operator may enter). */
export function checkEntry(meetup: MeetupRecord, project: Project | undefined, access: Access): EntryDecision {
  if (access.kind === 'operator') return { ok: true, role: 'host' };
  const required = meetup.requiredTier;
  if (access.kind === 'anonymous') {
    return { ok: false, error: { code: 'unauthorized', message: `this meet-up is for backers of tier ${required} or higher: sign in with your backer code` }, requiredTier: required };
  }
  // A project the token may not see answers like a missing meet-up, as the HTTP API does.
  if (!project || !canFollow(project, access)) return { ok: false, error: { code: 'not-found', message: `no meet-up "${meetup.id}"` } };
  const yours = access.grant.tier;
  if (!tierAtLeast(yours, required)) {
    return { ok: false, error: { code: 'forbidden', message: `this meet-up is for backers of tier ${required} or higher; your tier is ${yours}` }, requiredTier: required, yourTier: yours };
  }
  return { ok: true, role: 'audience' };
}
