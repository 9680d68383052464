// The headset shell (`?mode=xr`): a flat page with Enter VR — enabled only where an immersive-vr session can
// start — the project's meet-ups and its status; in VR, the set tour in 360°/180° with hotspots, the milestone
// panel and captions, or an open meet-up's live stage with its question board and a reactions palette on the
// hand. Lazy-loaded with three.js, R3F and @react-three/xr; nothing here is imported by other shells. Opened from
// the desktop's Enter VR (desktop browsers with immersive-vr), it takes the session and the video started in that
// click (see vr-handoff) and goes straight into VR; leaving VR then returns to the desktop shell.
import type { XRStore } from '@react-three/xr';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { browserStorage, createBackerTokenStore } from '../../feed/backer-token-store';
import { useI18n, useServices } from '../../react/AppContext';
import { patchTour } from '../../store/app-store';
import { MeetupProvider, useMeetupList, useMeetupRoom } from '../../react/useMeetup';
import { useProjectTour } from '../../react/useProjectTour';
import type { Tour } from '../../protocol/tour-schema';
import { dropHandOff, requestedVrSession, type VrHandOff } from '../../xr/vr-handoff';
import { XrMeetups } from './meetup/XrMeetups';
import { XrCircleMount } from './circle/XrCircleMount';
import { ProjectStatus } from './ProjectStatus';
import { canOffer360, desktopHref, supportMessage } from './support-message';
import { useImmersiveSupport, type ImmersiveSupport } from './useImmersiveSupport';
import { useStagePlayer, useXrTourPlayer } from './useXrPlayers';
import { VrEntry } from './VrEntry';
import { createSetVisitXrStore } from './xr-store';
import type { XrMeetupMode } from './meetup/MeetupScene';

// The backer's code as the app's sign-in form stored it (Web Storage, never the URL), read at every connect: the
// same code the desktop's meet-ups use.
const backerTokens = createBackerTokenStore(browserStorage());
const readBackerToken = () => backerTokens.get();

export default function XrShell({ onLeaveVr }: { onLeaveVr?: () => void }) {
  const { t } = useI18n();
  const result = useProjectTour();
  const support = useImmersiveSupport();
  // Read at mount: a session (and video) the desktop's Enter VR started in its click.
  const [handOff] = useState(requestedVrSession);
  // No tour to stand in: a handed-over session would be an empty room, so it ends (the page says why).
  const noTour = result !== null && result.kind !== 'tour';
  useEffect(() => {
    if (handOff && noTour) dropHandOff(handOff);
  }, [handOff, noTour]);

  return (
    <main className="xr-shell" style={{ minHeight: '100%', display: 'grid', alignContent: 'start', justifyItems: 'center', gap: '1.25rem', padding: '2rem 1rem' }}>
      {!result && <EntryCard support={support} message={t('tour.loading')} />}
      {result?.kind === 'none' && <EntryCard support={support} message={t('tour.empty')} />}
      {result?.kind === 'invalid' && <EntryCard support={support} message={t('tour.invalid', { reason: result.reason })} alert />}
      {result?.kind === 'tour' && (
        <MeetupProvider token={readBackerToken}>
          <TourEntry tour={result.tour} support={support} handOff={handOff} onLeaveVr={onLeaveVr} />
        </MeetupProvider>
      )}
      <ProjectStatus />
    </main>
  );
}

function TourEntry({ tour, support, handOff, onLeaveVr }: { tour: Tour; support: ImmersiveSupport; handOff: VrHandOff | null; onLeaveVr: (() => void) | undefined }) {
  const { store, projectId, launch } = useServices();
  const tourPlayer = useXrTourPlayer(tour, handOff);
  const xrStore = useXrStore();
  // The meet-up open in this shell (?meetup=<id>, or chosen on the page or in the room), else the set tour.
  const [meetupId, setMeetupId] = useState(() => launch.meetupId ?? null);
  const stage = useStagePlayer(meetupId);
  const room = useMeetupRoom();
  const closeMeetup = useCallback(() => setMeetupId(null), []);
  // A circle the headset is in takes it to the meet-up it watches (once the server let it in) and back.
  const followCircle = useCallback((id: string | undefined) => setMeetupId(id ?? null), []);
  const i18n = useI18n();
  const meetups = useMeetupList(projectId);
  // The first live meet-up (the list puts live ones first), offered in the room while on the set tour.
  const [list] = meetups;
  const live = list.kind === 'loaded' ? list.meetups.find((m) => m.state === 'live') : undefined;
  const invite = useMemo(() => (live ? { meetupId: live.id, title: i18n.pick(live.title), onOpen: () => setMeetupId(live.id) } : null), [live, i18n]);

  // The set's video waits, silent, while the person is at the meet-up; the stage is what the store reports then.
  useEffect(() => {
    if (!stage || !tourPlayer) return undefined;
    const { session, location } = tourPlayer.state.current;
    session.reportTo(null);
    session.pause();
    return () => {
      session.reportTo(store);
      patchTour(store, { locationId: location.id });
      void session.play();
    };
  }, [stage, tourPlayer, store]);

  if (!tourPlayer || !xrStore) return <EntryCard support={support} message={null} />;
  const meetup: XrMeetupMode | null = stage ? 'stage' : meetupId && room.phase === 'refused' ? 'refused' : null;
  return (
    <XrCircleMount player={tourPlayer} stage={stage && meetupId ? { player: stage, meetupId } : null} onMeetup={followCircle}>
      <VrEntry player={stage ?? tourPlayer} xrStore={xrStore} support={support} meetup={meetup} invite={meetupId ? null : invite} onLeaveMeetup={closeMeetup} handOff={handOff} onLeaveVr={onLeaveVr}>
        <XrMeetups meetupId={meetupId} list={meetups} onOpen={setMeetupId} onClose={closeMeetup} vr={!canOffer360(support)} />
      </VrEntry>
    </XrCircleMount>
  );
}

/** One store per shell, destroyed with it (made in an effect so StrictMode's double mount does not reuse a dead one). */
function useXrStore(): XRStore | null {
  const [store, setStore] = useState<XRStore | null>(null);
  useEffect(() => {
    const created = createSetVisitXrStore();
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStore(created);
    return () => created.destroy();
  }, []);
  return store;
}

function EntryCard({ support, message, alert = false }: { support: ImmersiveSupport; message: string | null; alert?: boolean }) {
  const { t } = useI18n();
  return (
    <section className="card" style={{ maxWidth: '36rem', width: '100%' }} aria-labelledby="xr-title">
      <h1 id="xr-title" className="panel__title">
        {t('xr.title')}
      </h1>
      <p role="status" data-testid="xr-support" data-support={support}>
        {supportMessage(support, t)}
      </p>
      {message && <p role={alert ? 'alert' : undefined}>{message}</p>}
      {canOffer360(support) ? (
        <a className="button" href={desktopHref(window.location.href)} data-testid="open-360">
          {t('xr.open360')}
        </a>
      ) : (
        <button type="button" className="button" disabled data-testid="enter-vr">
          {t('xr.enter')}
        </button>
      )}
    </section>
  );
}
