// Why the server kept the backer out, in the UI language: the tier needed (and theirs), a backer code to enter,
// or the server's own reason with a retry. The sign-in form is the app's own, so the code goes to Web Storage.
import type { MeetupRefusal } from '../../../meetup/meetup-room';
import { useFeed, useI18n } from '../../../react/AppContext';
import { BackerSignIn } from '../BackerSignIn';

export function RefusalCard({ refusal, onRetry }: { refusal: MeetupRefusal; onRetry: () => void }) {
  const { t } = useI18n();
  const feed = useFeed();
  const projectAsksForCode = feed.error?.code === 'unauthorized' || feed.error?.code === 'forbidden';
  // Signed in, but the tier is too low: what is needed, what they have.
  if (refusal.code === 'forbidden' && refusal.requiredTier) {
    const required = t(`tier.${refusal.requiredTier}`);
    return (
      <div className="card meetup-refusal" role="alert" data-testid="meetup-refusal">
        <h2>{t('meetup.refused.tierTitle')}</h2>
        <p>{refusal.yourTier ? t('meetup.refused.tier', { required, yours: t(`tier.${refusal.yourTier}`) }) : t('meetup.refused.tierUnknown', { required })}</p>
        <p className="muted">{t('meetup.refused.tierHint', { required })}</p>
      </div>
    );
  }
  // Not signed in (or a code the server does not know): the app's sign-in form. It stores the code and
  // reconnects the feed; its submit then bubbles here, and the meet-up client connects again with the new code.
  if (refusal.code === 'unauthorized' || refusal.code === 'forbidden') {
    const reason = refusal.requiredTier ? t('meetup.refused.signInTier', { required: t(`tier.${refusal.requiredTier}`) }) : t('meetup.refused.signIn');
    // A backers-only project the page is not signed in to: its panel asks for the code already, and that one code
    // opens the project and its meet-ups. A second form here would ask twice.
    if (projectAsksForCode) {
      return (
        <p className="card meetup-refusal" data-testid="meetup-refusal">
          {reason}
        </p>
      );
    }
    return (
      <div className="meetup-refusal" data-testid="meetup-refusal" onSubmit={onRetry}>
        <BackerSignIn rejected={refusal.code === 'forbidden'} title={reason} />
      </div>
    );
  }
  return (
    <div className="card meetup-refusal" role="alert" data-testid="meetup-refusal">
      <p>{refusal.code === 'not-found' ? t('meetup.refused.notFound') : t('meetup.refused.generic', { message: refusal.message })}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('meetup.retry')}
      </button>
    </div>
  );
}
