// The watch overlay's scrub bar, as TV players have one: where the footage is and how long it runs, focusable with the
// D-pad; while it has the focus, Left and Right seek 10 s back and on (WatchLocation routes them here), and the
// media keys do too. Hidden for a live stream (no end to show).
import { useEffect, useState } from 'react';
import type { MediaSession } from '../../../media/media-session';
import { useI18n } from '../../../react/AppContext';
import { useFocusable } from '../useFocusable';
import { FOCUS, WATCH_OVERLAY } from './focus-ids';

/** "1:05" / "1:02:05": positions as every player writes them. */
export function clock(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function usePosition(video: HTMLVideoElement): { time: number; duration: number } {
  const [position, setPosition] = useState({ time: video.currentTime, duration: video.duration });
  useEffect(() => {
    const update = () => setPosition({ time: video.currentTime, duration: video.duration });
    const events = ['timeupdate', 'durationchange', 'seeked', 'loadedmetadata'];
    for (const name of events) video.addEventListener(name, update);
    update();
    return () => {
      for (const name of events) video.removeEventListener(name, update);
    };
  }, [video]);
  return position;
}

export function ScrubBar({ session }: { session: MediaSession }) {
  const { t } = useI18n();
  const { time, duration } = usePosition(session.video);
  const { props } = useFocusable<HTMLDivElement>(FOCUS.scrub, { section: WATCH_OVERLAY });
  if (!Number.isFinite(duration) || duration <= 0) return null;
  const share = Math.min(1, Math.max(0, time / duration));
  return (
    <div
      {...props}
      className="watch__scrub"
      role="slider"
      aria-label={t('watch.position')}
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={Math.round(time)}
      aria-valuetext={`${clock(time)} / ${clock(duration)}`}
      data-testid="tv-scrub"
    >
      <span className="watch__scrub-time">{clock(time)}</span>
      <span className="watch__scrub-track">
        <span className="watch__scrub-fill" style={{ width: `${(share * 100).toFixed(2)}%` }} />
        <span className="watch__scrub-knob" style={{ left: `${(share * 100).toFixed(2)}%` }} />
      </span>
      <span className="watch__scrub-time">{clock(duration)}</span>
    </div>
  );
}
