// The flat-pan view's element: a host the driver (src/tv/flat-pan) puts the location's <video> into and pans.
import { useLayoutEffect, useRef } from 'react';
import type { HotspotProjector } from '../../../panorama/hotspot-projector';
import type { LookController } from '../../../panorama/look-controller';
import type { MediaSession } from '../../../media/media-session';
import { startFlatPan, type FlatPanSource } from '../../../tv/flat-pan';

export function FlatPanView({ session, look, projector, source }: { session: MediaSession; look: LookController; projector: HotspotProjector; source: FlatPanSource }) {
  const hostRef = useRef<HTMLDivElement>(null);
  // A layout effect: when the sphere's host leaves the page, the <video> inside it goes too, and a video out of the
  // document past the current task is paused by the browser. Re-hosting it in the same task keeps it playing.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    return startFlatPan({ host, video: session.video, mount: (into) => session.mountIn(into), look, projector, source });
  }, [session, look, projector, source]);
  return <div className="watch-flat" ref={hostRef} />;
}
