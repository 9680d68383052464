// The TV as a member of a circle: opened with an invite (`#circle=` in its address, as a phone or a link hands
// it over), it joins under the name "TV", follows the circle's location, play/pause and time through the same
// follower as every member, tells the circle where it looks, and takes "look here" by turning its view there (a
// remote has no spare button to accept it with; the notice says who turned it). A badge in the corner says the
// circle's state truthfully. Loaded after the first frame with its strings: the TV's first screen has a budget.
import { useEffect, useState } from 'react';
import { browserStorage, createBackerTokenStore } from '../../../feed/backer-token-store';
import { CIRCLE_MESSAGES } from '../../../i18n/circles';
import { addMessages } from '../../../i18n/translator';
import { circleCodeFromHash } from '../../../protocol/circle';
import { useI18n } from '../../../react/AppContext';
import { useCircle, useCirclePresence } from '../../../react/useCircle';
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
}

export default function TvCircle({ player, lookAt }: TvCircleProps) {
  const { t } = useI18n();
  const [code] = useState(() => circleCodeFromHash(window.location.hash));
  const { binding, snapshot } = useCircle({ player, token: readBackerToken, name: () => t('circle.tvName'), device: 'tv' });
  const direction = useViewDirection();
  const presence = useCirclePresence(binding, player, direction);
  const [turnedBy, setTurnedBy] = useState<string>();

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
  const host = view?.members.find((m) => m.id === view.hostId);
  const waitingFor = view?.waiting ? view.members.find((m) => m.id === view.waiting!.memberId) : undefined;
  const text =
    snapshot.status === 'refused' && snapshot.refusal
      ? t(`circle.refused.${snapshot.refusal.reason}`, { message: snapshot.refusal.message, max: view?.maxMembers ?? 50 })
      : snapshot.status === 'closed'
        ? t(`circle.closed.${snapshot.closedReason ?? 'left'}`)
        : snapshot.status === 'offline'
          ? t('circle.offline')
          : snapshot.status !== 'joined' || !view
            ? t('circle.connecting')
            : waitingFor
              ? t('circle.waiting', { name: waitingFor.name })
              : t(view.playback.playing ? 'circle.tvPlaying' : 'circle.tvPaused', { name: host?.name ?? '', count: view.members.length });
  return (
    <div className="tv-circle" data-testid="tv-circle" data-circle-status={snapshot.status}>
      <p role="status" className="tv-circle__state">
        {text}
      </p>
      {turnedBy && (
        <p role="status" className="tv-circle__turned">
          {t('circle.tvTurned', { name: turnedBy })}
        </p>
      )}
    </div>
  );
}
