// The TV's circle on a meet-up's stage: the circle took this TV here (tv-circle-host.ts), so the same client follows
// the live stream the circle's latency behind live, and the badge says so. When the circle leaves the meet-up (the
// host took it back, or the meet-up ended), the meet-up screen goes back to the watch screen (MeetupScreen.tsx),
// where TvCircle follows the tour again. Loaded after the stage's first frame, only when a circle brought the TV here.
import { useEffect } from 'react';
import { browserStorage, createBackerTokenStore } from '../../../feed/backer-token-store';
import { CIRCLE_MESSAGES } from '../../../i18n/circles';
import { addMessages } from '../../../i18n/translator';
import { useI18n } from '../../../react/AppContext';
import { useCircle } from '../../../react/useCircle';
import type { TourPlayer } from '../../../tour/tour-player';
import { exposeCircleLiveLatency } from '../../shared/circle-live-probe';
import { circleMeetupLine } from '../../shared/circle-meetup-text';
import { tvCircleHost } from './tv-circle-host';
import './tv-circle.css';

addMessages(CIRCLE_MESSAGES);

const backerTokens = createBackerTokenStore(browserStorage());
const readBackerToken = () => backerTokens.get();

export default function TvStageCircle({ player, meetupId }: { player: TourPlayer; meetupId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { binding, snapshot } = useCircle({ player, token: readBackerToken, name: () => t('circle.tvName'), device: 'tv', meetupId, host: tvCircleHost });
  // Browser tests read the circle (and this page's latency behind live) through the page's hook.
  useEffect(() => {
    const hook = (window as unknown as { __setvisit?: Record<string, unknown> }).__setvisit;
    if (hook && binding) hook.circle = binding.client;
    return binding ? exposeCircleLiveLatency(binding.client, player) : undefined;
  }, [binding, player]);
  const line = binding && snapshot.status === 'joined' ? circleMeetupLine(t, binding.client, (s) => i18n.number(s)) : null;
  const text = line?.text ?? (snapshot.status === 'offline' ? t('circle.offline') : t('circle.connecting'));
  return (
    <div className="tv-circle tv-circle--stage" data-testid="tv-stage-circle" data-circle-status={snapshot.status}>
      <p role="status" className="tv-circle__state" data-tone={line?.warn || snapshot.status === 'offline' ? 'warn' : undefined}>
        {text}
      </p>
    </div>
  );
}
