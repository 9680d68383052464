// "Watch the set" on a TV: the project's 360 tour with the remote alone. Opens the WebGL sphere where it can show
// video, and the flat-pan view where it cannot (no WebGL, a black or frozen texture, a lost context: found by the
// pixel check and remembered for this TV, or forced with ?tv360=flat). The TV shell lazy-loads this screen.
import { useCallback, useEffect, useState } from 'react';
import { browserStorage } from '../../../feed/backer-token-store';
import { consoleLogger } from '../../../feed/logger';
import { addMessages } from '../../../i18n/translator';
import { TV_WATCH_MESSAGES } from '../../../i18n/tv-watch';
import { useI18n, useServices } from '../../../react/AppContext';
import { useProjectTour } from '../../../react/useProjectTour';
import type { Tour } from '../../../protocol/tour-schema';
import { chooseTv360View, forgetFlatPan, rememberFlatPan, webglAvailable, type FlatPanReason, type PixelVerdict, type Tv360Choice } from '../../../tv/flat-pan';
import { useFocusable } from '../useFocusable';
import { useTvShell } from '../TvShellContext';
import { FOCUS, WATCH_OVERLAY } from './focus-ids';
import { useTvTourPlayer } from './useTvTourPlayer';
import { WatchLocation } from './WatchLocation';
import { WatchStats } from './WatchStats';
import { CircleRowProvider } from '../circle/circle-row';
import './watch.css';

// The watch screen's strings come with its chunk, before anything of it renders (off the first screen's budget).
addMessages(TV_WATCH_MESSAGES);

/** How long the "switched to the flat view" notice stays: long enough to read from the sofa, then out of the way. */
const SWITCH_NOTICE_MS = 12_000;

export default function WatchScreen() {
  const { t } = useI18n();
  const result = useProjectTour();
  if (!result) return <WatchNotice text={t('tv.watch.loading')} />;
  if (result.kind === 'none') return <WatchNotice text={t('watch.empty')} />;
  if (result.kind === 'invalid') return <WatchNotice text={t('tour.invalid', { reason: result.reason })} alert />;
  if (result.kind === 'locked') return <WatchNotice text={t('tour.lockedTour')} />;
  return <WatchTour tour={result.tour} />;
}

function WatchTour({ tour }: { tour: Tour }) {
  const { t } = useI18n();
  const player = useTvTourPlayer(tour);
  const { launch } = useServices();
  const [choice, setChoice] = useState<Tv360Choice>(() => chooseTv360View({ asked: launch.tv360, storage: browserStorage(), webgl: webglAvailable() }));
  const [switched, setSwitched] = useState(false);
  // What the sphere's pixel check has decided so far (null: no check on this view), for ?stats=1.
  const [pixel, setPixel] = useState<PixelVerdict | null>(null);
  const fallBack = useCallback((reason: FlatPanReason) => {
    consoleLogger.warn('tv: the 360 sphere cannot show video here; switching to the flat view', { reason });
    rememberFlatPan(browserStorage(), reason);
    setChoice({ view: 'flat', reason, remembered: false });
    setSwitched(true);
  }, []);
  // A black or frozen verdict can be wrong (a dark or still scene): the family can try the sphere again at once,
  // which runs the check again.
  const tryThreeD = useCallback(() => {
    forgetFlatPan(browserStorage());
    setPixel(null);
    setSwitched(false);
    setChoice({ view: 'webgl', remembered: false, recheck: true });
  }, []);
  const canTryThreeD = choice.view === 'flat' && (choice.reason === 'black' || choice.reason === 'frozen' || choice.reason === 'context-lost');
  useEffect(() => {
    if (!switched) return;
    const timer = setTimeout(() => setSwitched(false), SWITCH_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [switched]);
  if (!player) return <WatchNotice text={t('tv.watch.loading')} />;
  return (
    <div className="watch-screen" data-view-reason={choice.reason ?? ''}>
      {/* The overlay's circle row (WatchControls) and the circle's chunk (TvCircle, in WatchLocation) meet here. */}
      <CircleRowProvider>
        <WatchLocation
          player={player}
          view={choice.view}
          switchedNotice={switched}
          onSphereFailed={fallBack}
          onPixelVerdict={setPixel}
          onTryThreeD={canTryThreeD ? tryThreeD : undefined}
        />
      </CircleRowProvider>
      {launch.stats && <WatchStats choice={choice} pixel={pixel} />}
    </div>
  );
}

/** Loading, empty and broken tours: the message, and Back focused (focus is never on nothing). */
function WatchNotice({ text, alert = false }: { text: string; alert?: boolean }) {
  const { t } = useI18n();
  const shell = useTvShell();
  const { props } = useFocusable<HTMLButtonElement>(FOCUS.back, { section: WATCH_OVERLAY, onSelect: shell.back });
  useEffect(() => {
    shell.focus.setFocus(FOCUS.back);
  }, [shell.focus]);
  return (
    <div className="watch watch--notice">
      <div className="watch__card" role={alert ? 'alert' : 'status'}>
        <p>{text}</p>
        <button {...props} type="button" className="watch-button">
          ← {t('tv.back')}
        </button>
      </div>
    </div>
  );
}
