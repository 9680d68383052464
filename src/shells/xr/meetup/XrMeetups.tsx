// The project's star meet-ups on the XR shell's flat page, before entering VR: the list (join a live one, watch an
// ended one's replay, see when a coming one starts) and the one opened: joining, refused (the tier that would let
// the backer in, or the backer-code form), or joined — then Enter VR stands the person on its stage. The backer's
// code is the one the app stored (Web Storage), as on the desktop.
import { useState, type FormEvent } from 'react';
import type { MeetupRefusal } from '../../../meetup/meetup-room';
import type { Meetup } from '../../../protocol/meetup';
import { useI18n, useServices } from '../../../react/AppContext';
import { useMeetupRoom, useMeetupServices, type MeetupListState } from '../../../react/useMeetup';
import { refusalLines } from '../../../xr/meetup-refusal';
import { startTimeText } from '../../shared/start-time';
import { desktopHref } from '../support-message';

type MeetupList = [MeetupListState, () => void];

/** `list`: the project's meet-ups and a reload (the shell reads them once, for this list and the entry in VR).
 * `vr`: whether this browser can start VR; where it cannot, a meet-up opens in the 360° view of this browser
 * (the desktop shell) instead of offering "Join in VR" under "this browser cannot start VR". */
export function XrMeetups({ meetupId, list, onOpen, onClose, vr = true }: { meetupId: string | null; list: MeetupList; onOpen: (id: string) => void; onClose: () => void; vr?: boolean }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="xr-meetups-title" data-testid="xr-meetups">
      <h2 id="xr-meetups-title">{t('xr.meetup.title')}</h2>
      {meetupId ? <OpenMeetup onClose={onClose} /> : <Meetups list={list} onOpen={onOpen} vr={vr} />}
    </section>
  );
}

function Meetups({ list: [list, reload], onOpen, vr }: { list: MeetupList; onOpen: (id: string) => void; vr: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (list.kind === 'loading') return <p className="muted" role="status">{t('meetup.list.loading')}</p>;
  if (list.kind === 'error') {
    return (
      <div role="alert">
        <p>{t('meetup.list.error', { message: list.failure.message })}</p>
        <button type="button" className="button button--small" onClick={reload}>
          {t('meetup.retry')}
        </button>
      </div>
    );
  }
  if (list.meetups.length === 0) return <p className="muted">{t('meetup.list.empty')}</p>;
  return (
    <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '0.75rem' }}>
      {list.meetups.map((m) => (
        <li key={m.id} data-meetup={m.id}>
          <strong>{i18n.pick(m.title)}</strong> <span className="muted">{t('meetup.with', { star: i18n.pick(m.star) })}</span>
          <br />
          <span className="muted">
            {t(`meetup.state.${m.state}`)} · {t('meetup.tierNeeded', { tier: t(`tier.${m.requiredTier}`) })}
          </span>{' '}
          <MeetupAction meetup={m} onOpen={() => onOpen(m.id)} vr={vr} />
        </li>
      ))}
    </ul>
  );
}

function MeetupAction({ meetup, onOpen, vr }: { meetup: Meetup; onOpen: () => void; vr: boolean }) {
  const i18n = useI18n();
  if (meetup.state === 'scheduled') return <span className="muted">{i18n.t('meetup.startsAt', { time: startTimeText(i18n.language, Date.parse(meetup.scheduledStart)) })}</span>;
  if (!vr) {
    const href = new URL(desktopHref(window.location.href), window.location.href);
    href.searchParams.set('meetup', meetup.id);
    return (
      <a className="button button--small" href={href.pathname + href.search} data-testid="xr-meetup-open-360">
        {meetup.state === 'live' ? i18n.t('meetup.joinLive') : i18n.t('meetup.watchReplay')}
      </a>
    );
  }
  return (
    <button type="button" className="button button--small" onClick={onOpen}>
      {meetup.state === 'live' ? i18n.t('xr.meetup.join') : i18n.t('xr.meetup.replay')}
    </button>
  );
}

function OpenMeetup({ onClose }: { onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const room = useMeetupRoom();
  const { client } = useMeetupServices();
  const back = (
    <button type="button" className="button button--small" onClick={onClose}>
      {t('xr.meetup.leave')}
    </button>
  );
  if (room.phase === 'refused' && room.refusal) {
    return (
      <div data-testid="xr-meetup-refusal">
        <Refusal refusal={room.refusal} onRetry={() => client.retryWithNewToken()} />
        {back}
      </div>
    );
  }
  if (room.phase === 'joined' && room.meetup) {
    return (
      <div data-testid="xr-meetup-joined">
        <p role="status">{t('xr.meetup.joined', { title: i18n.pick(room.meetup.title) })}</p>
        {back}
      </div>
    );
  }
  return (
    <div aria-busy="true">
      <p role="status">{room.phase === 'reconnecting' ? t('meetup.reconnecting') : t('meetup.joining')}</p>
      {back}
    </div>
  );
}

function Refusal({ refusal, onRetry }: { refusal: MeetupRefusal; onRetry: () => void }) {
  const i18n = useI18n();
  const lines = refusalLines(refusal, i18n);
  return (
    <div role="alert">
      <p>
        <strong>{lines.title}</strong>
      </p>
      {lines.body.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {lines.action === 'sign-in' && <SignIn rejected={refusal.code === 'forbidden'} onSignedIn={onRetry} />}
      {lines.action === 'retry' && (
        <button type="button" className="button button--small" onClick={onRetry}>
          {i18n.t('meetup.retry')}
        </button>
      )}
    </div>
  );
}

/** The backer code, as the app's own sign-in stores it (Web Storage and the feed's handshake, never the URL). */
function SignIn({ rejected, onSignedIn }: { rejected: boolean; onSignedIn: () => void }) {
  const { signIn } = useServices();
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return;
    signIn(code.trim());
    onSignedIn();
  };
  return (
    <form onSubmit={submit}>
      {rejected && <p>{t('feed.signIn.wrongCode')}</p>}
      <label className="field">
        <span>{t('feed.signIn.label')}</span>
        <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} />
      </label>
      <button type="submit" className="button button--small">
        {t('feed.signIn.submit')}
      </button>
    </form>
  );
}
