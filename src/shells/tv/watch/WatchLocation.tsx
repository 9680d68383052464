// One location on screen in "Watch the set": the view (sphere or flat), its hotspots, the media states, and the
// remote. Two modes: panning (held arrows turn the view, OK shows the overlay) and the overlay (arrows move the one
// focus among the visible hotspots and the controls, OK selects, Back closes it). Media keys work in both; Back
// while panning is the shell's.
import { lazy, useCallback, useEffect, useRef, useState } from 'react';
import { AfterFirstFrame } from '../../../react/AfterFirstFrame';
import { TV_SPHERE } from '../../../panorama/panorama-view';
import { usePanoramaView } from '../../../react/Panorama360';
import { useCaptionCue } from '../../../react/useCaptionCue';
import { useI18n, useMedia } from '../../../react/AppContext';
import { usePlayerState } from '../../../react/useTourPlayer';
import type { TourPlayer } from '../../../tour/tour-player';
import { FLAT_PAN_MODE, type FlatPanReason, type PixelVerdict, type Tv360View } from '../../../tv/flat-pan';
import { useFocusable } from '../useFocusable';
import { useRemoteKeys, useTvShell } from '../TvShellContext';
import { FOCUS, WATCH_OVERLAY, WATCH_VIEW } from './focus-ids';
import { lookKeyOf, mediaCommandOf, runMediaCommand } from './remote-commands';
import { TvHotspots } from './TvHotspots';
import { TvPanorama } from './TvPanorama';
import { TvLockedLocation } from './TvLockedLocation';
import { WatchControls, type CaptionPlace } from './WatchControls';
import { recheckMediaPass } from '../../../tour/media-pass';
import { refusalRetryHelps } from '../../../react/useRefusalMessage';
import { WatchMediaStatus } from './WatchMediaStatus';
import { retryHelps } from '../../../media/stall-watch';
import { loadWhenOnline } from '../../../app/load-when-online';
import { useAttentionSampler } from '../../../react/useAttention';
import { LazyTvAttentionNotice, LazyTvAttentionRow } from './LazyTvAttentionNotice';
import { PairedPhoneLook } from '../pairing/PairedPhoneLook';

/** The TV as a circle member (opened with an invite): its own chunk, after the first frame. */
const TvCircle = lazy(() => loadWhenOnline(() => import('../circle/TvCircle')));

export interface WatchLocationProps {
  player: TourPlayer;
  view: Tv360View;
  /** Shown once, when this visit fell back to the flat view by itself. */
  switchedNotice: boolean;
  onSphereFailed: (reason: FlatPanReason) => void;
  onPixelVerdict?: (verdict: PixelVerdict) => void;
  /** Offered in the overlay while a pixel check's verdict keeps the flat view (it may be wrong). */
  onTryThreeD?: () => void;
}

export function WatchLocation({ player, view, switchedNotice, onSphereFailed, onPixelVerdict, onTryThreeD }: WatchLocationProps) {
  const i18n = useI18n();
  const shell = useTvShell();
  const media = useMedia();
  const { current } = usePlayerState(player);
  const { location, session } = current;
  // The remote turns the view: the sphere, or the flat-pan view once the sphere cannot show video here.
  const panorama = usePanoramaView(player, view === 'flat' ? FLAT_PAN_MODE : TV_SPHERE);
  const look = panorama.look;
  const lookAt = useCallback((yaw: number, pitch: number) => look.lookAt(yaw, pitch), [look]);
  // Where the family looks, sampled after the first frame (the sampler loads then) in either view.
  useAttentionSampler(player);
  // Null while panning; while the overlay shows, the control to focus once it has rendered (a new object per request).
  const [overlay, setOverlay] = useState<{ focus: string } | null>(null);
  // The overlay stays until the family picks "Look around" or a hotspot: it never hides under a focus that is
  // about to be used (a timer would turn the next OK into "show the overlay" instead of "select").
  const overlayRef = useRef(false);
  const [captionPlace, setCaptionPlace] = useState<CaptionPlace>(readCaptionPlace);
  const viewFocus = useFocusable<HTMLDivElement>(FOCUS.view, { section: WATCH_VIEW, onSelect: () => showOverlay() });

  const hideOverlay = useCallback(() => {
    overlayRef.current = false;
    shell.focus.setScope(null);
    shell.focus.setFocus(FOCUS.view);
    setOverlay(null);
  }, [shell.focus]);
  const showOverlay = useCallback(
    (focusId: string = FOCUS.playPause) => {
      look.releaseAllKeys();
      overlayRef.current = true;
      setOverlay({ focus: focusId });
    },
    [look],
  );
  // The controls register while they mount; focus goes to them after that render (keep D-pad focus inside them).
  useEffect(() => {
    if (!overlay) return;
    shell.focus.setScope(WATCH_OVERLAY);
    if (!shell.focus.setFocus(overlay.focus)) shell.focus.setFocus(FOCUS.playPause);
  }, [overlay, shell.focus]);

  // The view holds the focus while panning: exactly one element is focused at all times.
  useEffect(() => {
    if (!overlayRef.current) shell.focus.setFocus(FOCUS.view);
  }, [shell.focus, location]);
  // A stream that fails puts Retry in front of the family.
  useEffect(() => {
    if (media.status === 'error') showOverlay(FOCUS.retry);
  }, [media.status, showOverlay]);
  useEffect(
    () => () => {
      shell.focus.setScope(null);
    },
    [shell.focus],
  );
  // A key released while the page was hidden never sends keyup: stop panning rather than spin forever.
  useEffect(() => {
    const release = () => look.releaseAllKeys();
    window.addEventListener('blur', release);
    document.addEventListener('visibilitychange', release);
    return () => {
      window.removeEventListener('blur', release);
      document.removeEventListener('visibilitychange', release);
    };
  }, [look]);

  useRemoteKeys(({ action, phase, repeat }) => {
    const lookKey = lookKeyOf(action);
    if (lookKey) {
      if (phase === 'up') {
        look.keyUp(lookKey);
        return !overlayRef.current;
      }
      if (overlayRef.current && shell.focus.current() === FOCUS.scrub && (lookKey === 'ArrowLeft' || lookKey === 'ArrowRight')) {
        // The scrub bar has the focus: Left and Right seek (held, they repeat), Up and Down leave it.
        if (phase === 'down') runMediaCommand(session, lookKey === 'ArrowRight' ? 'fastForward' : 'rewind');
        return true;
      }
      if (overlayRef.current) {
        // Hotspots move with the view and appear with the video's time: measure afresh, then let focus move.
        shell.focus.invalidateLayout();
        return false;
      }
      // Held-key state, not repeats, drives the pan: the view accelerates per frame between repeat events.
      look.keyDown(lookKey, performance.now());
      return true;
    }
    const command = mediaCommandOf(action);
    if (command) {
      if (phase === 'down' && !repeat) runMediaCommand(session, command);
      return true;
    }
    if (action.action === 'ok') {
      if (!overlayRef.current) {
        if (phase === 'down' && !repeat) showOverlay();
        return true;
      }
      // A held OK must not select again and again; a single press goes to the focused item.
      return repeat || phase === 'up';
    }
    if (action.action === 'back') {
      look.releaseAllKeys();
      // Back closes the overlay first (what every TV player does); only while panning does it leave the set.
      // A held Back stays the TV's (the shell lets repeats through).
      if (overlayRef.current && !repeat) {
        if (phase === 'down') hideOverlay();
        return true;
      }
    }
    return false;
  });

  const caption = useCaptionCue(session.video, location.captions).text;
  const name = i18n.pick(location.name);
  return (
    <div className="watch" data-location={location.id} data-view={view} data-overlay={overlay !== null} onMouseMove={() => !overlayRef.current && showOverlay()}>
      <div {...viewFocus.props} className="watch__view" role="application" aria-label={i18n.t('watch.label', { location: name })}>
        <TvPanorama view={panorama} onFailure={onSphereFailed} onVerdict={onPixelVerdict} />
      </div>
      <TvHotspots player={player} projector={panorama.hotspots} onGo={hideOverlay} />
      {caption && (
        <p className="watch__captions" data-place={captionPlace}>
          {caption}
        </p>
      )}
      <WatchMediaStatus poster={location.poster} recheckPass={recheckMediaPass} reload={() => player.retry()} />
      <TvLockedLocation player={player} />
      <AfterFirstFrame>
        <TvCircle player={player} lookAt={lookAt} overlay={overlay !== null} />
      </AfterFirstFrame>
      <PairedPhoneLook lookAt={lookAt} />
      {switchedNotice && (
        <p className="watch__notice" role="status">
          {i18n.t('watch.switched')}
        </p>
      )}
      <LazyTvAttentionNotice overlay={overlay !== null} />
      {overlay ? (
        <WatchControls
          session={session}
          locationName={name}
          viewLabel={i18n.t(view === 'flat' ? 'watch.viewFlat' : 'watch.view360')}
          onBack={shell.back}
          onLookAround={hideOverlay}
          showRetry={(media.status === 'error' && refusalRetryHelps(media.error)) || retryHelps(media.stall)}
          onRetry={() => player.retry()}
          captions={captionPlace}
          onCaptions={(place) => {
            setCaptionPlace(place);
            writeCaptionPlace(place);
          }}
          onTryThreeD={
            onTryThreeD &&
            (() => {
              hideOverlay();
              onTryThreeD();
            })
          }
        >
          <LazyTvAttentionRow />
        </WatchControls>
      ) : (
        <p className="watch__hint">{i18n.t('watch.hint')}</p>
      )}
    </div>
  );
}

const CAPTION_PLACE_KEY = 'setvisit:tv-captions';

/** Where the family last put the captions on this TV (bottom unless moved). */
function readCaptionPlace(): CaptionPlace {
  try {
    return localStorage.getItem(CAPTION_PLACE_KEY) === 'top' ? 'top' : 'bottom';
  } catch {
    return 'bottom';
  }
}

function writeCaptionPlace(place: CaptionPlace): void {
  try {
    localStorage.setItem(CAPTION_PLACE_KEY, place);
  } catch {
    // Storage off: the captions stay where they are for this visit.
  }
}
