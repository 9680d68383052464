// `?stats=1`: what the media session measures, for people tuning streams and for the benchmark.
import { useEffect, useState } from 'react';
import type { TourPlayer } from '../../tour/tour-player';
import { useMedia } from '../../react/AppContext';

export function StatsOverlay({ player }: { player: TourPlayer }) {
  const media = useMedia();
  const [dropped, setDropped] = useState({ dropped: 0, total: 0 });
  useEffect(() => {
    const timer = setInterval(() => {
      const frames = player.state.current.session.frames;
      if (frames) setDropped(frames);
    }, 1_000);
    return () => clearInterval(timer);
  }, [player]);
  const { rendition, timeToFirstFrameMs, stalls } = media.metrics;
  return (
    <dl className="stats" data-testid="stats">
      <dt>engine</dt>
      <dd>{media.engine ?? '–'}</dd>
      <dt>first frame</dt>
      <dd>{timeToFirstFrameMs === null ? '–' : `${timeToFirstFrameMs} ms`}</dd>
      <dt>rendition</dt>
      <dd>{rendition ? `${rendition.height}p · ${Math.round(rendition.bitrate / 1000)} kb/s` : '–'}</dd>
      <dt>stalls</dt>
      <dd>{stalls}</dd>
      <dt>cap</dt>
      <dd data-testid="stats-cap">
        {media.cap
          ? `${media.cap.size ? `${media.cap.size.width}×${media.cap.size.height}` : `≤ ${media.cap.maxPixels} px`} · ${media.cap.reason}${media.cap.droppedAt ? ` (drops at ${media.cap.droppedAt.width}×${media.cap.droppedAt.height})` : ''}`
          : 'none'}
      </dd>
      <dt>dropped</dt>
      <dd>
        {dropped.dropped} / {dropped.total}
      </dd>
    </dl>
  );
}
