// The headset as a member of a circle (the chunk XrCircleMount loads after the first frame, with the circle's
// strings): joins the invite's circle as a headset, follows the circle's location, play/pause and time through the
// same follower as every member (src/react/useCircle), tells the circle where the head looks (the headset's pose is
// the app's view direction in VR), and shows the circle's state on the flat page. In VR the room shows the rest
// (XrCircleRoom): where the others look, "look here" both ways, and a compact panel.
import { useEffect, useMemo, useRef } from 'react';
import { browserStorage, createBackerTokenStore } from '../../../feed/backer-token-store';
import { CIRCLE_MESSAGES } from '../../../i18n/circles';
import { CIRCLE_XR_MESSAGES } from '../../../i18n/circles-xr';
import { addMessages } from '../../../i18n/translator';
import { useI18n } from '../../../react/AppContext';
import { useCircle, useCirclePresence } from '../../../react/useCircle';
import { useViewDirection } from '../../../react/useViewDirection';
import type { TourPlayer } from '../../../tour/tour-player';
import { circleMeetupLine } from '../../shared/circle-meetup-text';
import type { CircleHostValue } from '../../../react/CircleHost';
import { circleStateText } from './circle-state';
import type { XrCircleSession } from './XrCircleMount';
import { XrCircleReport } from './xr-circle-report';

addMessages(CIRCLE_MESSAGES);
addMessages(CIRCLE_XR_MESSAGES);

const backerTokens = createBackerTokenStore(browserStorage());
const readBackerToken = () => backerTokens.get();
/** The name the desktop's circle panel saved on this device, if any (a headset has no keyboard in VR to type one). */
const NAME_KEY = 'setvisit:circle-name';

export interface XrCircleBindingProps {
  /** The set tour's player, or the stage's while the circle has the headset at a meet-up. */
  player: TourPlayer;
  /** The meet-up whose stage `player` plays, when it is one. */
  meetupId?: string;
  /** The shell's circle host (XrCircleMount): the client outlives the player it follows. */
  host: CircleHostValue;
  code: string;
  onSession: (session: XrCircleSession | null) => void;
}

export default function XrCircleBinding({ player, meetupId, host, code, onSession }: XrCircleBindingProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = savedName() || t('circle.xr.name');
  const nameRef = useRef(name);
  const { binding, snapshot } = useCircle({ player, token: readBackerToken, name: () => nameRef.current, device: 'headset', host, ...(meetupId !== undefined ? { meetupId } : {}) });
  const direction = useViewDirection();
  const { presence } = useCirclePresence(binding, player, direction);
  const report = useMemo(() => new XrCircleReport(), []);
  useEffect(() => report.attach(), [report]);

  useEffect(() => {
    if (!binding) return;
    // Back after a reload (the invite is still in the address): as the same member, kept in this tab. Once: the
    // binding is made again when the circle moves the headset between the tour and a stage, on the same client.
    if (binding.client.current.status === 'idle') void binding.client.join(code, binding.kept());
    // Browser tests read the circle's time through this (the hook the store hangs on).
    const hook = (window as unknown as { __setvisit?: Record<string, unknown> }).__setvisit;
    if (hook) hook.circle = binding.client;
  }, [binding, code]);

  useEffect(() => {
    if (!binding || !presence) return;
    onSession({ client: binding.client, presence, report });
    return () => onSession(null);
  }, [binding, presence, report, onSession]);

  const state = circleStateText(t, snapshot);
  // In (or just back from) a meet-up: watching it together, staying on the tour and why, or it ended.
  const meetupLine = binding && !snapshot.view?.waiting && !state.warn ? circleMeetupLine(t, binding.client, (s) => i18n.number(s)) : null;
  const { text, warn } = meetupLine ?? state;
  const inCircle = snapshot.status === 'joined' || snapshot.status === 'offline';
  return (
    <section className="card" style={{ maxWidth: '36rem', width: '100%' }} aria-labelledby="xr-circle-title" data-testid="xr-circle" data-circle-status={snapshot.status}>
      <h2 id="xr-circle-title" className="panel__title">
        {t('circle.title')}
        {inCircle && snapshot.view && ` · ${snapshot.view.members.filter((m) => m.online).length}`}
      </h2>
      <p>{t('circle.xr.invited', { name })}</p>
      <p role={warn ? 'alert' : 'status'} data-testid="xr-circle-state">
        {text}
      </p>
      {inCircle && <p className="muted">{t('circle.xr.inVr')}</p>}
      {inCircle && binding && (
        <button type="button" className="button button--small" onClick={() => void binding.client.leave()}>
          {t('circle.leave')}
        </button>
      )}
    </section>
  );
}

function savedName(): string {
  try {
    return localStorage.getItem(NAME_KEY)?.trim() ?? '';
  } catch {
    return '';
  }
}
