// The desktop's "visit together" panel: start a circle, the invite (link, code, QR), join by code or by an
// invite link's fragment, the members, and every state the circle can be in, each saying what is true. Loaded
// with its strings only when the tour view is on screen (its chunk registers them).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { browserStorage, createBackerTokenStore } from '../../../feed/backer-token-store';
import { addMessages } from '../../../i18n/translator';
import { CIRCLE_MESSAGES } from '../../../i18n/circles';
import { circleCodeFromHash, circleInviteLink, formatCircleCode, type CircleView } from '../../../protocol/circle';
import type { CircleBinding } from '../../../react/useCircle';
import { useCircle, useCirclePresence } from '../../../react/useCircle';
import { useViewDirection } from '../../../react/useViewDirection';
import type { CirclePresence } from '../../../circles';
import { CircleCompass } from './CircleCompass';
import type { CircleSnapshot } from '../../../circles';
import { useI18n, useServices } from '../../../react/AppContext';
import type { TourPlayer } from '../../../tour/tour-player';
import { InviteQr } from './InviteQr';
import { useCircleChat } from '../../../react/useCircleChat';
import type { CircleChat, ChatSnapshot } from '../../../circles';
import { CircleChatBox } from './CircleChatBox';
import { CircleFlashes } from './CircleFlashes';
import { CircleMeetup } from './CircleMeetup';
import { useCircleHost, useCircleMeetup } from '../../../react/CircleHost';
import { exposeCircleLiveLatency } from '../../shared/circle-live-probe';
import { circleRefusalText } from './circle-text';
import './circle.css';

addMessages(CIRCLE_MESSAGES);

const backerTokens = createBackerTokenStore(browserStorage());
const readBackerToken = () => backerTokens.get();
const NAME_KEY = 'setvisit:circle-name';
const device = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches ? 'phone' : 'desktop';

/** The phone layout's width (circle.css, tour-chrome.css). */
const narrowView = () => typeof matchMedia === 'function' && matchMedia('(max-width: 800px)').matches;

export interface CirclePanelProps {
  player: TourPlayer;
  /** Turns this member's view (a "look here" cue taken). */
  lookAt: (yaw: number, pitch: number) => void;
  /** Set on a meet-up's stage: the panel shows there only when the circle took this member to this meet-up. */
  meetupId?: string;
}

export default function CirclePanel(props: CirclePanelProps) {
  const circleMeetup = useCircleMeetup();
  if (props.meetupId !== undefined && props.meetupId !== circleMeetup) return null;
  return <CirclePanelShown {...props} />;
}

function CirclePanelShown({ player, lookAt, meetupId }: CirclePanelProps) {
  const { t } = useI18n();
  const [name, setName] = useState(() => readName());
  const nameRef = useRef(name);
  useEffect(() => void (nameRef.current = name), [name]);
  const host = useCircleHost();
  const { binding, snapshot } = useCircle({ player, token: readBackerToken, name: () => nameRef.current.trim(), device, host, ...(meetupId !== undefined ? { meetupId } : {}) });
  const [invited] = useState(() => circleCodeFromHash(window.location.hash));
  const [open, setOpen] = useState(invited !== undefined);
  const direction = useViewDirection();
  const presence = useCirclePresence(binding, player, direction);
  const chat = useCircleChat(binding);
  // On a phone the open panel covers the picture: in a circle it folds to its title bar (the compass, the cues and
  // the messages over the view stay), until the member opens it. Elsewhere it stays open unless folded.
  const [folded, setFolded] = useState<boolean | null>(null);

  // Back in this tab after a reload: rejoin as the same member.
  useEffect(() => {
    const kept = binding?.kept();
    // Only a client not yet in a circle: back from a meet-up, the page's client is in it already.
    if (binding && kept && binding.client.current.status === 'idle') void binding.client.join(kept.code, kept);
    // Browser tests read the circle's time and cut the connection through this (the hook the store hangs on).
    const hook = (window as unknown as { __setvisit?: Record<string, unknown> }).__setvisit;
    if (hook && binding) hook.circle = binding.client;
  }, [binding]);
  // On a meet-up's stage, browser tests read this page's latency behind live in the page.
  useEffect(() => (binding && meetupId !== undefined ? exposeCircleLiveLatency(binding.client, player) : undefined), [binding, meetupId, player]);

  if (!binding) return null;
  if (!open && snapshot.status === 'idle') {
    return (
      <button type="button" className="button button--small circle__open" onClick={() => setOpen(true)}>
        {t('circle.open')}
      </button>
    );
  }
  const inCircle = snapshot.status === 'joined' || snapshot.status === 'offline';
  const isFolded = inCircle && (folded ?? narrowView());
  return (
    <>
    {inCircle && presence.presence && <CircleCompass presence={presence.presence} snapshot={presence.snapshot} direction={direction} lookAt={lookAt} />}
    {inCircle && <CircleFlashes snapshot={chat.snapshot} />}
    {/* Drags on the card are not drags of the view behind it. */}
    <section className="card circle" aria-labelledby="circle-title" data-circle-status={snapshot.status} data-folded={isFolded} onPointerDown={(e) => e.stopPropagation()}>
      <div className="circle__header">
        <h2 id="circle-title" className="circle__title">
          {t('circle.title')}
          {inCircle && snapshot.view && ` · ${snapshot.view.members.filter((m) => m.online).length}`}
        </h2>
        {inCircle && (
          <button type="button" className="button button--small circle__fold" aria-expanded={!isFolded} onClick={() => setFolded(!isFolded)}>
            {t(isFolded ? 'circle.unfold' : 'circle.fold')}
          </button>
        )}
      </div>
      {(snapshot.status === 'idle' || snapshot.status === 'refused') && (
        <StartOrJoin binding={binding} player={player} snapshot={snapshot} name={name} setName={setName} invited={invited} onClose={() => setOpen(false)} />
      )}
      {snapshot.status === 'connecting' && <p role="status">{t('circle.connecting')}</p>}
      {inCircle && snapshot.view && !isFolded && <InCircle binding={binding} presence={presence.presence} chat={chat.chat} chatSnapshot={chat.snapshot} snapshot={snapshot} view={snapshot.view} />}
      {snapshot.status === 'closed' && (
        <>
          <p role="status">{t(`circle.closed.${snapshot.closedReason ?? 'left'}`)}</p>
          <button type="button" className="button button--small" onClick={() => window.location.reload()}>
            {t('circle.close')}
          </button>
        </>
      )}
    </section>
    </>
  );
}

interface StartOrJoinProps {
  binding: CircleBinding;
  player: TourPlayer;
  snapshot: CircleSnapshot;
  name: string;
  setName: (name: string) => void;
  invited: string | undefined;
  onClose: () => void;
}

function StartOrJoin({ binding, player, snapshot, name, setName, invited, onClose }: StartOrJoinProps) {
  const { t } = useI18n();
  const { projectId } = useServices();
  const [code, setCode] = useState(invited ? formatCircleCode(invited) : '');
  const named = name.trim().length > 0;
  const start = () => {
    saveName(name);
    const current = player.state.current;
    void binding.client.start({ projectId, locationId: current.location.id, mediaTime: current.session.currentTime, playing: !current.session.paused });
  };
  const join = (e: FormEvent) => {
    e.preventDefault();
    saveName(name);
    void binding.client.join(code);
  };
  return (
    <>
      <p>{t('circle.intro')}</p>
      {snapshot.refusal && <RefusalText snapshot={snapshot} />}
      <label className="field">
        <span>{t('circle.name')}</span>
        <input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} autoComplete="nickname" />
      </label>
      <button type="button" className="button" disabled={!named} onClick={start}>
        {t('circle.start')}
      </button>
      <form className="circle__join" onSubmit={join}>
        <label className="field">
          <span>{t('circle.code')}</span>
          <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} autoCapitalize="characters" maxLength={12} />
        </label>
        <button type="submit" className="button" disabled={!named || code.trim().length < 8}>
          {t('circle.join')}
        </button>
      </form>
      <button type="button" className="button button--small" onClick={onClose}>
        {t('circle.close')}
      </button>
    </>
  );
}

function RefusalText({ snapshot }: { snapshot: CircleSnapshot }) {
  const { t } = useI18n();
  const refusal = snapshot.refusal!;
  return (
    <p role="alert" className="circle__refusal">
      {circleRefusalText(t, refusal, snapshot.view)}
    </p>
  );
}

interface InCircleProps {
  binding: CircleBinding;
  presence: CirclePresence | undefined;
  chat: CircleChat | undefined;
  chatSnapshot: ChatSnapshot;
  snapshot: CircleSnapshot;
  view: CircleView;
}

function InCircle({ binding, presence, chat, chatSnapshot, snapshot, view }: InCircleProps) {
  const { t } = useI18n();
  const { client } = binding;
  const you = snapshot.you;
  const isHost = view.hostId === you;
  const host = view.members.find((m) => m.id === view.hostId);
  const waitingFor = view.waiting ? view.members.find((m) => m.id === view.waiting!.memberId) : undefined;
  const link = circleInviteLink(window.location.origin, view.projectId, view.code);
  const [copied, setCopied] = useState(false);
  const [pointed, setPointed] = useState(false);
  const canControl = view.control === 'anyone' || isHost;
  const seekBy = (delta: number) => {
    const now = client.circleTime();
    if (now) void client.control({ kind: 'seek', mediaTime: Math.max(0, now.mediaTime + delta) });
  };
  return (
    <>
      <div role="status" className="circle__state" data-testid="circle-state">
        {snapshot.status === 'offline'
          ? t('circle.offline')
          : waitingFor
            ? t('circle.waiting', { name: waitingFor.name })
            : host && !host.online
              ? t('circle.hostLeft', { name: host.name })
              : view.members.length < 2
                ? t('circle.alone')
                : view.playback.playing
                ? t('circle.playing')
                : t('circle.paused')}
      </div>
      {snapshot.refusal && <RefusalText snapshot={snapshot} />}
      <CircleMeetup client={client} view={view} you={you} isHost={isHost} />
      <p>{t('circle.invite')}</p>
      <div className="circle__invite">
        <InviteQr link={link} label={t('circle.qr')} />
        <div className="circle__invite-text">
          <p className="circle__code" aria-label={t('circle.code')} data-testid="circle-code">
            {formatCircleCode(view.code)}
          </p>
          <label className="field">
            <span>{t('circle.link')}</span>
            <input readOnly value={link} onFocus={(e) => e.target.select()} />
          </label>
          <button
            type="button"
            className="button button--small"
            onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true), () => undefined)}
          >
            {copied ? t('circle.copied') : t('circle.copy')}
          </button>
        </div>
      </div>
      {canControl && !view.playback.live && (
        <div className="circle__controls">
          <button type="button" className="button button--small" onClick={() => seekBy(-10)}>
            {t('circle.back')}
          </button>
          <button type="button" className="button button--small" onClick={() => void client.control({ kind: view.playback.playing ? 'pause' : 'play' })}>
            {view.playback.playing ? t('circle.pause') : t('circle.play')}
          </button>
          <button type="button" className="button button--small" onClick={() => seekBy(10)}>
            {t('circle.forward')}
          </button>
        </div>
      )}
      <div className="circle__controls">
        <button
          type="button"
          className="button button--small"
          disabled={!presence || snapshot.status !== 'joined'}
          onClick={() => void presence?.point().then((outcome) => setPointed(outcome.ok))}
        >
          {t('circle.lookHere')}
        </button>
        {pointed && <span className="muted" role="status">{t('circle.lookHereSent')}</span>}
      </div>
      {chat && <CircleChatBox chat={chat} client={client} snapshot={chatSnapshot} view={view} you={you} online={snapshot.status === 'joined'} />}
      <h3 className="circle__members-title">{t('circle.members', { count: view.members.length })}</h3>
      <ul className="circle__members">
        {view.members.map((m) => (
          <li key={m.id} data-online={m.online}>
            <span className="circle__member-name">{m.name}</span>{' '}
            <span className="muted">
              {[t(`circle.device.${m.device}`), m.id === view.hostId ? t('circle.host') : '', m.id === you ? t('circle.you') : '', m.online ? '' : t('circle.memberOffline')]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {isHost && m.id !== you && (
              <span className="circle__member-actions">
                <button type="button" className="button button--small" onClick={() => void client.manage({ kind: 'hand-over', memberId: m.id })}>
                  {t('circle.handOver')}
                </button>
                <button type="button" className="button button--small" onClick={() => void client.manage({ kind: 'remove', memberId: m.id })}>
                  {t('circle.remove')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="circle__controls">
        {isHost && (
          <>
            <label className="circle__setting">
              <input
                type="checkbox"
                checked={view.control === 'host'}
                onChange={(e) => void client.manage({ kind: 'control', control: e.target.checked ? 'host' : 'anyone' })}
              />{' '}
              {t('circle.hostOnly')}
            </label>
            <button type="button" className="button button--small" onClick={() => void client.manage({ kind: 'end' })}>
              {t('circle.end')}
            </button>
          </>
        )}
        <button type="button" className="button button--small" onClick={() => void client.leave()}>
          {t('circle.leave')}
        </button>
      </div>
    </>
  );
}

function readName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

function saveName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name.trim());
  } catch {
    // Not kept: asked again next time.
  }
}
