// What every shell says about a circle in a meet-up: why this member (or another) cannot follow it there, and the
// line that goes with each state (watching together, staying on the tour, back because the meet-up ended). The
// server decides who may enter; this only words its answer in the reader's language.
import type { CircleClient } from '../../circles';
import type { Translator } from '../../i18n/translator';
import type { MeetupEntryRefusal } from '../../protocol/circle';

/** Why a member cannot follow: the tier that opens the door, or the server's words. */
export function meetupRefusalText(t: Translator['t'], refusal: MeetupEntryRefusal): string {
  if (refusal.error.code === 'protocol-version') return t('circle.meetup.update');
  if (refusal.requiredTier && refusal.yourTier) return t('circle.meetup.tier', { tier: t(`tier.${refusal.requiredTier}`), yours: t(`tier.${refusal.yourTier}`) });
  if (refusal.requiredTier) return t('circle.meetup.signIn', { tier: t(`tier.${refusal.requiredTier}`) });
  return refusal.error.message;
}

/**
 * This member's meet-up line, or null when the circle has nothing to say about one: `warn` when they stay behind.
 * `seconds`: the circle's latency behind live, as the shell writes numbers.
 */
export function circleMeetupLine(t: Translator['t'], client: CircleClient, seconds: (s: number) => string): { text: string; warn: boolean } | null {
  const snapshot = client.current;
  const view = snapshot.view;
  if (snapshot.status !== 'joined' || !view) return null;
  const live = view.playback.live;
  if (!live) return snapshot.meetupLeft?.circleId === view.id ? { text: t('circle.meetup.ended'), warn: false } : null;
  const entry = client.meetupEntry();
  if (entry?.kind === 'refused') return { text: t('circle.meetup.youBehind', { reason: meetupRefusalText(t, entry.refusal) }), warn: true };
  if (entry?.kind === 'admitted') return { text: t('circle.meetup.watching', { seconds: seconds(live.latencyS) }), warn: false };
  return null;
}
