// The TV as a member of a circle: opened with an invite (`#circle=` in its address, as a phone or a link hands
// it over), it joins under the name "TV", follows the circle's location, play/pause and time through the same
// follower as every member, tells the circle where it looks, and takes "look here" by turning its view there (a
// remote has no spare button to accept it with; the notice says who turned it). A badge in the corner says the
// circle's state truthfully; messages and reactions from the circle show under it for a few seconds, and with the
// on-screen controls up the TV answers with quick replies (TvQuickReplies.tsx). Loaded after the first frame with its strings: the TV's first screen has a budget.
import { useEffect, useState } from 'react';
import { browserStorage, createBackerTokenStore } from '../../../feed/backer-token-store';
import { CIRCLE_MESSAGES } from '../../../i18n/circles';
import { addMessages } from '../../../i18n/translator';
import { circleCodeFromHash } from '../../../protocol/circle';
import { useI18n } from '../../../react/AppContext';
import { useCircle, useCirclePresence } from '../../../react/useCircle';
import { useCircleChat } from '../../../react/useCircleChat';
import { CIRCLE_MESSAGE_MAX_LENGTH, type CircleView } from '../../../protocol/circle';
import type { CircleRefusalNotice, CircleSnapshot } from '../../../circles/circle-client';
import type { Translator } from '../../../i18n/translator';
import { TvChatFlashes } from './TvChatFlashes';
import { TvQuickReplies } from './TvQuickReplies';
import { useViewDirection } from '../../../react/useViewDirection';
import type { TourPlayer } from '../../../tour/tour-player';
import './tv-circle.css';

addMessages(CIRCLE_MESSAGES);

const backerTokens = createBackerTokenStore(browserStorage());
const readBackerToken = () => backerTokens.get();
/** How long "Ana turned the view here" stays on screen. */
const TURNED_NOTICE_MS = 4_000;

export interface TvCircleProps {
  player: TourPlayer;
  /** Turns the TV's view (a "look here" from the circle). */
  lookAt: (yaw: number, pitch: number) => void;
  /** The on-screen controls show: the quick replies show with them, in their focus section. */
  overlay: boolean;
}

export default function TvCircle({ player, lookAt, overlay }: TvCircleProps) {
  const { t } = useI18n();
  const [code] = useState(() => circleCodeFromHash(window.location.hash));
  const { binding, snapshot } = useCircle({ player, token: readBackerToken, name: () => t('circle.tvName'), device: 'tv' });
  const direction = useViewDirection();
  const presence = useCirclePresence(binding, player, direction);
  const [turnedBy, setTurnedBy] = useState<string>();
  const chat = useCircleChat(binding);
  const [problem, setProblem] = useState<CircleRefusalNotice>();

  useEffect(() => {
    if (!binding || !code) return;
    const kept = binding.kept();
    void binding.client.join(code, kept);
    const hook = (window as unknown as { __setvisit?: Record<string, unknown> }).__setvisit;
    if (hook) hook.circle = binding.client;
  }, [binding, code]);

  // A "look here" turns the view at once and says who turned it.
  const cues = presence.presence;
  useEffect(() => {
    if (!cues) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = cues.subscribe(({ cue }) => {
      if (!cue) return;
      lookAt(cue.yaw, cue.pitch);
      cues.dismissCue();
      setTurnedBy(cue.name);
      clearTimeout(timer);
      timer = setTimeout(() => setTurnedBy(undefined), TURNED_NOTICE_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [cues, lookAt]);

  if (!code) return null;
  const view = snapshot.view;
  const { text, warn } = stateText(t, snapshot, view);
  return (
    <div className="tv-circle" data-testid="tv-circle" data-circle-status={snapshot.status}>
      <p role="status" className="tv-circle__state" data-tone={warn ? 'warn' : undefined}>
        {text}
      </p>
      {turnedBy && (
        <p role="status" className="tv-circle__turned">
          {t('circle.tvTurned', { name: turnedBy })}
        </p>
      )}
      <TvChatFlashes snapshot={chat.snapshot} />
      {/* The quick replies take the top right, away from the badge and what arrives: a column holding all of them
          would reach down to the controls bar on a small screen, and Up from the bar would no longer find them. */}
      {overlay && snapshot.status === 'joined' && chat.chat && (
        <div className="tv-circle__quick">
          <TvQuickReplies chat={chat.chat} onRefused={(outcome) => setProblem(outcome.refusal)} />
          {problem && (
            <p role="alert" className="tv-circle__state" data-tone="warn">
              {t(`circle.refused.${problem.reason}`, { message: problem.message, max: problem.reason === 'too-long' ? CIRCLE_MESSAGE_MAX_LENGTH : (view?.maxMembers ?? 50) })}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** The badge: every state the circle can be in, each saying what is true; `warn` for the ones that need a look. */
function stateText(t: Translator['t'], snapshot: CircleSnapshot, view: CircleView | undefined): { text: string; warn: boolean } {
  const host = view?.members.find((m) => m.id === view.hostId);
  const waitingFor = view?.waiting ? view.members.find((m) => m.id === view.waiting!.memberId) : undefined;
  if (snapshot.status === 'refused' && snapshot.refusal) {
    return { text: t(`circle.refused.${snapshot.refusal.reason}`, { message: snapshot.refusal.message, max: view?.maxMembers ?? 50 }), warn: true };
  }
  if (snapshot.status === 'closed') return { text: t(`circle.closed.${snapshot.closedReason ?? 'left'}`), warn: true };
  if (snapshot.status === 'offline') return { text: t('circle.offline'), warn: true };
  if (snapshot.status !== 'joined' || !view) return { text: t('circle.connecting'), warn: false };
  if (waitingFor) return { text: t('circle.waiting', { name: waitingFor.name }), warn: false };
  if (host && !host.online) return { text: t('circle.tvHostLeft', { name: host.name, count: view.members.length }), warn: true };
  if (view.members.length < 2) return { text: t('circle.tvAlone'), warn: false };
  return { text: t(view.playback.playing ? 'circle.tvPlaying' : 'circle.tvPaused', { name: host?.name ?? '', count: view.members.length }), warn: false };
}
