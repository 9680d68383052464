// Captions (WebVTT) of the location on screen, drawn inside the view in the UI language, at the place the person
// chose (caption-place.ts): at the bottom they sit in the view's dock above the locations, never under them; at the
// top, under the section switch. CaptionPlaceButton, in the player controls, moves them.
import type { TourPlayer } from '../../tour/tour-player';
import { useI18n } from '../../react/AppContext';
import { useCaptionCue } from '../../react/useCaptionCue';
import { usePlayerState } from '../../react/useTourPlayer';
import type { CaptionPlace } from './caption-place';

export function Captions({ player, place }: { player: TourPlayer; place: CaptionPlace }) {
  const { current } = usePlayerState(player);
  const { text, track } = useCaptionCue(current.session.video, current.location.captions);
  if (!text) return null;
  return (
    <p className={`captions captions--${place}`} lang={track?.language} data-testid="captions" data-place={place}>
      {text}
    </p>
  );
}

export function CaptionPlaceButton({ place, onMove }: { place: CaptionPlace; onMove: (place: CaptionPlace) => void }) {
  const { t } = useI18n();
  const label = place === 'bottom' ? t('captions.moveUp') : t('captions.moveDown');
  return (
    <button type="button" className="player__button" onClick={() => onMove(place === 'bottom' ? 'top' : 'bottom')} title={label} data-testid="caption-place">
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <rect x="2.5" y="4.5" width="19" height="15" rx="2" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <rect x="6" y={place === 'bottom' ? 7.5 : 14} width="12" height="2.5" rx="1" fill="currentColor" />
      </svg>
      <span className="player__label">{label}</span>
    </button>
  );
}
