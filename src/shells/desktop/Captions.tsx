// Captions (WebVTT) of the location on screen, drawn inside the view in the UI language (falling back to the
// other language). The browser parses and times the cues through a hidden <track>; we only draw the text.
import { useEffect, useState } from 'react';
import type { TourPlayer } from '../../tour/tour-player';
import { useI18n } from '../../react/AppContext';
import { usePlayerState } from '../../react/useTourPlayer';

export function Captions({ player }: { player: TourPlayer }) {
  const { language } = useI18n();
  const { current } = usePlayerState(player);
  const [text, setText] = useState('');
  const tracks = current.location.captions;
  const track = tracks.find((t) => t.language === language) ?? tracks[0];
  const video = current.session.video;

  useEffect(() => {
    if (!track) return;
    const element = document.createElement('track');
    element.kind = 'subtitles';
    element.srclang = track.language;
    element.src = track.src;
    video.append(element);
    const textTrack = element.track;
    textTrack.mode = 'hidden';
    const onCueChange = () => {
      const cues = Array.from(textTrack.activeCues ?? []) as VTTCue[];
      setText(cues.map((cue) => cue.text).join('\n'));
    };
    textTrack.addEventListener('cuechange', onCueChange);
    return () => {
      textTrack.removeEventListener('cuechange', onCueChange);
      element.remove();
      setText('');
    };
  }, [video, track]);

  if (!text) return null;
  return (
    <p className="captions" lang={track?.language} data-testid="captions">
      {text}
    </p>
  );
}
