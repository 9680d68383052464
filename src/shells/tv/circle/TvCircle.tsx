// The TV as a member of a circle. It joins from an invite (`#circle=` in its address, as a phone or a link hands it
// over) or by its code, typed on the overlay's keypad with the remote (TvCodeKeypad.tsx); under the name "TV" it
// follows the circle's location, play/pause and time through the same follower as every member, tells the circle
// where it looks, and takes "look here" by turning its view there (a remote has no spare button to accept it with;
// a notice says who turned it). A badge in the corner says the circle's state truthfully; what the circle (and a
// paired phone) sends flashes over the picture for a few seconds (TvChatFlashes.tsx); the overlay's circle row
// (circle-row.tsx) holds the quick replies, or "Join a circle…" outside one. Loaded after the first frame with its
// strings: the TV's first screen has a budget. A circle that goes into a live meet-up takes the TV to that meet-up's
// stage (the page's circle host, tv-circle-host.ts, keeps the client across the screens; TvStageCircle follows there)
// once the server has let the TV in with its own backer code; a TV that may not enter stays here and says why.
import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { browserStorage, createBackerTokenStore } from '../../../feed/backer-token-store';
import { CIRCLE_MESSAGES } from '../../../i18n/circles';
import { PAIRING_MESSAGES } from '../../../i18n/pairing';
import { addMessages } from '../../../i18n/translator';
import { circleCodeFromHash } from '../../../protocol/circle';
import { useI18n } from '../../../react/AppContext';
import { useCircle, useCirclePresence } from '../../../react/useCircle';
import { useCircleChat } from '../../../react/useCircleChat';
import type { CircleView } from '../../../protocol/circle';
import type { CircleRefusalNotice, CircleSnapshot } from '../../../circles/circle-client';
import type { ProtocolError } from '../../../protocol';
import type { Translator } from '../../../i18n/translator';
import { useFocusable } from '../useFocusable';
import { useTvShell } from '../TvShellContext';
import { WATCH_OVERLAY } from '../watch/focus-ids';
import { useCircleRow } from './circle-row';
import { refusalText } from './refusal-text';
import { TvChatFlashes } from './TvChatFlashes';
import { TvCodeKeypad } from './TvCodeKeypad';
import { QUICK_FOCUS, TvQuickReplies } from './TvQuickReplies';
import { usePhoneReactions } from './usePhoneReactions';
import { usePairedPhoneCircleCodes, type PairedCircleJoin } from '../pairing/usePairedPhoneCircleCodes';
import { circleMeetupLine } from '../../shared/circle-meetup-text';
import { tvCircleHost } from './tv-circle-host';
import { useViewDirection } from '../../../react/useViewDirection';
import type { TourPlayer } from '../../../tour/tour-player';
import './tv-circle.css';

addMessages(CIRCLE_MESSAGES);
// A paired phone's reactions are named in the pairing's words.
addMessages(PAIRING_MESSAGES);

const backerTokens = createBackerTokenStore(browserStorage());
const readBackerToken = () => backerTokens.get();
/** How long "Ana turned the view here" stays on screen. */
const TURNED_NOTICE_MS = 4_000;
/** A circle's refusal as the phone hears it (it words the reason itself). */
const PHONE_REFUSAL_CODES: Partial<Record<CircleRefusalNotice['reason'], ProtocolError['code']>> = {
  'unknown-code': 'not-found',
  expired: 'not-found',
  ended: 'not-found',
  'no-access': 'forbidden',
  flood: 'rate-limited',
};
/** The overlay's "Join a circle…" button. */
export const JOIN_FOCUS = 'circle-join';

export interface TvCircleProps {
  player: TourPlayer;
  /** Turns the TV's view (a "look here" from the circle). */
  lookAt: (yaw: number, pitch: number) => void;
  /** The on-screen controls show: the circle's row shows in them. */
  overlay: boolean;
}

export default function TvCircle({ player, lookAt, overlay }: TvCircleProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const shell = useTvShell();
  const row = useCircleRow();
  const { binding, snapshot } = useCircle({ player, token: readBackerToken, name: () => t('circle.tvName'), device: 'tv', host: tvCircleHost });
  // The circle went into a meet-up this TV may enter: its room opens over this screen, on the stage.
  useEffect(() => tvCircleHost.subscribe((meetupId) => (meetupId !== undefined ? shell.open('meetup') : undefined)), [shell]);
  const direction = useViewDirection();
  const presence = useCirclePresence(binding, player, direction);
  const [turnedBy, setTurnedBy] = useState<string>();
  const chat = useCircleChat(binding);
  const phone = usePhoneReactions();
  const [problem, setProblem] = useState<CircleRefusalNotice>();

  // An invite link joins at once; only a client in no circle yet (back from a meet-up, the page's client is in it).
  useEffect(() => {
    const code = circleCodeFromHash(window.location.hash);
    if (!binding || !code || binding.client.current.status !== 'idle') return;
    void binding.client.join(code, binding.kept());
  }, [binding]);
  // A paired phone typed a circle's code: the TV joins with its own circle client and backer code; a refusal shows
  // in the badge here (the client's state) as well as on the phone.
  const joinFromPhone = useCallback<PairedCircleJoin>(
    async (code) => {
      if (!binding) return { ok: false, error: { code: 'internal', message: 'the TV has no circle client' } };
      const outcome = await binding.client.join(code, binding.kept());
      if (outcome.ok) return outcome;
      return { ok: false, error: { code: PHONE_REFUSAL_CODES[outcome.refusal.reason] ?? 'invalid-request', message: outcome.refusal.message } };
    },
    [binding],
  );
  usePairedPhoneCircleCodes(binding ? joinFromPhone : null);
  useEffect(() => {
    const hook = (window as unknown as { __setvisit?: Record<string, unknown> }).__setvisit;
    if (hook && binding) hook.circle = binding.client;
  }, [binding]);

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

  const { setKeypad } = row;
  const closeKeypad = useCallback(
    (focusId: string) => {
      setKeypad(false);
      shell.focus.setScope(WATCH_OVERLAY);
      shell.focus.setFocus(focusId);
    },
    [setKeypad, shell.focus],
  );
  // The overlay closed (or this screen went): the keypad goes with it.
  useEffect(() => {
    if (!overlay) setKeypad(false);
  }, [overlay, setKeypad]);

  const view = snapshot.view;
  const maxMembers = view?.maxMembers ?? 50;
  const joined = snapshot.status === 'joined' && chat.chat;
  let rowContent = null;
  if (overlay && row.slot) {
    if (joined) {
      rowContent = (
        <TvQuickReplies
          chat={chat.chat!}
          onRefused={(outcome) => setProblem(outcome.refusal)}
          problem={problem && refusalText(t, problem, maxMembers)}
          onLeave={() => {
            setProblem(undefined);
            void binding?.client.leave();
            shell.focus.setFocus(JOIN_FOCUS);
          }}
        />
      );
    } else if (row.keypad && binding) {
      rowContent = (
        <TvCodeKeypad
          join={(code) => binding.client.join(code, binding.kept())}
          onClose={() => closeKeypad(binding.client.current.status === 'joined' ? QUICK_FOCUS('heart') : JOIN_FOCUS)}
          maxMembers={maxMembers}
        />
      );
    } else if (snapshot.status === 'connecting' || snapshot.status === 'offline') {
      rowContent = <span className="tv-quick__title">{stateText(t, snapshot, view).text}</span>;
    } else {
      rowContent = <JoinButton onSelect={() => setKeypad(true)} />;
    }
  }

  const inCircle = snapshot.status !== 'idle';
  const state = stateText(t, snapshot, view);
  // In (or just back from) a meet-up, the badge says that instead: watching it, staying behind and why, or it ended.
  const meetupLine = binding && !view?.waiting ? circleMeetupLine(t, binding.client, (s) => i18n.number(s)) : null;
  const { text, warn } = meetupLine && !state.warn ? meetupLine : state;
  return (
    <>
      {inCircle && !row.keypad && (
        <div className="tv-circle" data-testid="tv-circle" data-circle-status={snapshot.status}>
          <p role="status" className="tv-circle__state" data-tone={warn ? 'warn' : undefined}>
            {text}
          </p>
        </div>
      )}
      <TvChatFlashes snapshot={chat.snapshot} phone={phone} notice={turnedBy && t('circle.tvTurned', { name: turnedBy })} />
      {rowContent && createPortal(rowContent, row.slot!)}
    </>
  );
}

function JoinButton({ onSelect }: { onSelect: () => void }) {
  const { t } = useI18n();
  const { props } = useFocusable<HTMLButtonElement>(JOIN_FOCUS, { section: WATCH_OVERLAY, onSelect });
  return (
    <button type="button" className="watch-button tv-quick__button" data-testid="tv-circle-join" {...props}>
      {t('circle.tv.join')}
    </button>
  );
}

/** The badge: every state the circle can be in, each saying what is true; `warn` for the ones that need a look. */
function stateText(t: Translator['t'], snapshot: CircleSnapshot, view: CircleView | undefined): { text: string; warn: boolean } {
  const host = view?.members.find((m) => m.id === view.hostId);
  const waitingFor = view?.waiting ? view.members.find((m) => m.id === view.waiting!.memberId) : undefined;
  if (snapshot.status === 'refused' && snapshot.refusal) return { text: refusalText(t, snapshot.refusal, view?.maxMembers ?? 50), warn: true };
  if (snapshot.status === 'closed') return { text: t(`circle.closed.${snapshot.closedReason ?? 'left'}`), warn: true };
  if (snapshot.status === 'offline') return { text: t('circle.offline'), warn: true };
  if (snapshot.status !== 'joined' || !view) return { text: t('circle.connecting'), warn: false };
  if (waitingFor) return { text: t('circle.waiting', { name: waitingFor.name }), warn: false };
  if (host && !host.online) return { text: t('circle.tvHostLeft', { name: host.name, count: view.members.length }), warn: true };
  if (view.members.length < 2) return { text: t('circle.tvAlone'), warn: false };
  return { text: t(view.playback.playing ? 'circle.tvPlaying' : 'circle.tvPaused', { name: host?.name ?? '', count: view.members.length }), warn: false };
}
