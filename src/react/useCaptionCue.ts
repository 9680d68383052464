// The caption text showing now for a location's video, in the UI language (else the other one: a caption in
// Chinese beats none). The browser parses and times the WebVTT through a hidden <track>; views only draw text.
import { useEffect, useState } from 'react';
import type { CaptionTrack } from '../protocol/tour-schema';
import { useI18n } from './AppContext';

export function useCaptionCue(video: HTMLVideoElement, tracks: CaptionTrack[]): { text: string; track: CaptionTrack | undefined } {
  const { language } = useI18n();
  const track = tracks.find((t) => t.language === language) ?? tracks[0];
  const [text, setText] = useState('');
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
  return { text, track };
}
