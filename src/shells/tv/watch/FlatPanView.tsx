// The flat-pan view's element: a host the driver (src/tv/flat-pan) puts the location's <video> into and pans.
import { useEffect, useRef } from 'react';
import type { HotspotProjector } from '../../../panorama/hotspot-projector';
import type { LookController } from '../../../panorama/look-controller';
import type { MediaSession } from '../../../media/media-session';
import { startFlatPan, type FlatPanSource } from '../../../tv/flat-pan';

export function FlatPanView({ session, look, projector, source }: { session: MediaSession; look: LookController; projector: HotspotProjector; source: FlatPanSource }) {
  const hostRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    return startFlatPan({ host, video: session.video, mount: (into) => session.mountIn(into), look, projector, source });
  }, [session, look, projector, source]);
  return <div className="watch-flat" ref={hostRef} />;
}
