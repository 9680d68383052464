// Captions (WebVTT) of the location on screen, drawn inside the view in the UI language.
import type { TourPlayer } from '../../tour/tour-player';
import { useCaptionCue } from '../../react/useCaptionCue';
import { usePlayerState } from '../../react/useTourPlayer';

export function Captions({ player }: { player: TourPlayer }) {
  const { current } = usePlayerState(player);
  const { text, track } = useCaptionCue(current.session.video, current.location.captions);
  if (!text) return null;
  return (
    <p className="captions" lang={track?.language} data-testid="captions">
      {text}
    </p>
  );
}
