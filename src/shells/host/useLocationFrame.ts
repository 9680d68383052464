// The location's frame at the scrubbed time, for the heat-map's backdrop (src/attention/location-frames.ts): one
// hidden video per location on screen, disposed with it. None for the whole video (the poster stands for it);
// while a new time loads, the last frame stays; a stream that cannot give a frame is `failed` (the panel then
// shows the poster and says so).
import { useEffect, useMemo, useState } from 'react';
import { LocationFrames, type LocationFrame } from '../../attention';

export type FrameState = { kind: 'none' } | { kind: 'loading' } | { kind: 'frame'; frame: LocationFrame } | { kind: 'failed' };

interface Answer {
  frames: LocationFrames;
  time: number;
  frame: LocationFrame | null;
  duration: number;
}

export function useLocationFrame(stream: string | undefined, time: number | null): { state: FrameState; duration: number } {
  const frames = useMemo(() => (stream ? new LocationFrames(stream) : null), [stream]);
  useEffect(() => () => frames?.dispose(), [frames]);
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (!frames || time === null) return undefined;
    let current = true;
    void frames.frameAt(time).then((frame) => {
      if (current) setAnswer({ frames, time, frame, duration: frames.duration });
    });
    return () => {
      current = false;
    };
  }, [frames, time]);
  const mine = answer && answer.frames === frames ? answer : null;
  const duration = mine?.duration ?? Number.NaN;
  if (!frames || time === null) return { state: { kind: 'none' }, duration };
  if (mine?.time === time) return { state: mine.frame ? { kind: 'frame', frame: mine.frame } : { kind: 'failed' }, duration };
  return { state: mine?.frame ? { kind: 'frame', frame: mine.frame } : { kind: 'loading' }, duration };
}
