// Why a meet-up kept the backer out, as lines of text for the XR shell's flat page and its panel in VR alike:
// the tier needed (and theirs), a backer code to enter, or the server's own reason — and what the person can do.
import type { Translator } from '../i18n/translator';
import type { MeetupRefusal } from '../meetup/meetup-room';

export interface RefusalLines {
  title: string;
  body: string[];
  /** What the flat page offers: the backer-code form, a retry, or nothing (only a better tier helps). */
  action: 'sign-in' | 'retry' | 'none';
}

export function refusalLines(refusal: MeetupRefusal, i18n: Translator): RefusalLines {
  const { t } = i18n;
  if (refusal.code === 'forbidden' && refusal.requiredTier) {
    const required = t(`tier.${refusal.requiredTier}`);
    return {
      title: t('meetup.refused.tierTitle'),
      body: [refusal.yourTier ? t('meetup.refused.tier', { required, yours: t(`tier.${refusal.yourTier}`) }) : t('meetup.refused.tierUnknown', { required }), t('meetup.refused.tierHint', { required })],
      action: 'none',
    };
  }
  if (refusal.code === 'unauthorized' || refusal.code === 'forbidden') {
    return {
      title: t('feed.signIn.title'),
      body: [refusal.requiredTier ? t('meetup.refused.signInTier', { required: t(`tier.${refusal.requiredTier}`) }) : t('meetup.refused.signIn')],
      action: 'sign-in',
    };
  }
  return {
    title: refusal.code === 'not-found' ? t('meetup.refused.notFound') : t('meetup.refused.generic', { message: refusal.message }),
    body: [],
    action: 'retry',
  };
}
