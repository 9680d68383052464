// Why the server kept the family out, at 10-foot size: the tier needed and theirs; no (or an unknown) backer code —
// then the keypad to type one; or the server's reason with Try again. Back (on screen and on the remote) leaves.
import { useLayoutEffect } from 'react';
import type { MeetupRefusal } from '../../../meetup/meetup-room';
import { useI18n } from '../../../react/AppContext';
import { useMeetupServices } from '../../../react/useMeetup';
import { useFocusable } from '../useFocusable';
import { useTvShell } from '../TvShellContext';
import { TvBackButton } from './TvBackButton';
import { TvBackerCode } from './TvBackerCode';

const SECTION = 'meetup-refusal';

export function TvRefusal({ refusal }: { refusal: MeetupRefusal }) {
  const { t } = useI18n();
  const { client, token } = useMeetupServices();
  const { focus } = useTvShell();
  const tierRefusal = refusal.code === 'forbidden' && refusal.requiredTier !== undefined;
  const needsCode = !tierRefusal && (refusal.code === 'unauthorized' || refusal.code === 'forbidden');
  const retry = useFocusable<HTMLButtonElement>('meetup-refusal-retry', { section: SECTION, onSelect: () => client.retryWithNewToken() });
  useLayoutEffect(() => {
    if (!needsCode) focus.setFocus(tierRefusal ? 'meetup-back' : 'meetup-refusal-retry');
  }, [focus, needsCode, tierRefusal]);

  let body;
  if (tierRefusal && refusal.requiredTier) {
    const required = t(`tier.${refusal.requiredTier}`);
    body = (
      <div className="tv-card tv-meetup-refusal" role="alert" data-testid="tv-meetup-refusal">
        <p className="tv-card__title">{t('meetup.refused.tierTitle')}</p>
        <p>{refusal.yourTier ? t('meetup.refused.tier', { required, yours: t(`tier.${refusal.yourTier}`) }) : t('meetup.refused.tierUnknown', { required })}</p>
        <p className="tv-muted">{t('meetup.refused.tierHint', { required })}</p>
      </div>
    );
  } else if (needsCode) {
    body = (
      <div className="tv-meetup-refusal" data-testid="tv-meetup-refusal">
        <p className="tv-card__title">{refusal.requiredTier ? t('meetup.refused.signInTier', { required: t(`tier.${refusal.requiredTier}`) }) : t('meetup.refused.signIn')}</p>
        {/* A code was sent and the server did not know it: say so above the keypad. */}
        <TvBackerCode rejected={token() !== undefined} />
      </div>
    );
  } else {
    body = (
      <div className="tv-card tv-meetup-refusal" role="alert" data-testid="tv-meetup-refusal">
        <p>{refusal.code === 'not-found' ? t('meetup.refused.notFound') : t('meetup.refused.generic', { message: refusal.message })}</p>
        <button type="button" className="tv-button tv-button--primary tv-focusable" {...retry.props}>
          {t('tv.retry')}
        </button>
      </div>
    );
  }
  return (
    <section className="tv-meetup-room" data-phase="refused">
      <header className="tv-meetup__header">
        <TvBackButton id="meetup-back" section="meetup-room" />
      </header>
      {body}
    </section>
  );
}
