// Whether a video is paused, however it changed (a media key, an on-screen control, the TV pausing it): the
// play/pause label of "Watch the set"'s control bar and of the meet-up replay's row.
import { useEffect, useState } from 'react';

export function usePaused(video: HTMLVideoElement): boolean {
  const [paused, setPaused] = useState(video.paused);
  useEffect(() => {
    const update = () => setPaused(video.paused);
    // Read again here: the video may have started or stopped between the render and this effect.
    update();
    video.addEventListener('play', update);
    video.addEventListener('pause', update);
    return () => {
      video.removeEventListener('play', update);
      video.removeEventListener('pause', update);
    };
  }, [video]);
  return paused;
}
