// The 360 sphere on a TV: the shared PanoramaCanvas (plain three.js, on-demand frames: one draw per decoded video
// frame or view change) at device pixel ratio 1, with the pixel probe reading its draws.
import { lazy, useLayoutEffect, useRef } from 'react';
import type { HotspotProjector } from '../../../panorama/hotspot-projector';
import type { LookController } from '../../../panorama/look-controller';
import type { TourPlayer } from '../../../tour/tour-player';
import type { FlatPanReason } from '../../../tv/flat-pan';
import { lazyView } from '../../../react/lazyView';
import { watchTestHooks } from './test-hooks';

// three.js and the probe load only when the sphere is used: the flat view never fetches them.
const PanoramaCanvas = lazyView(() => import('../../../react/PanoramaCanvas'));
const PixelProbe = lazy(() => import('./PixelProbe').then((m) => ({ default: m.PixelProbe })));

export function WebGlView({ player, look, projector, onFailure }: { player: TourPlayer; look: LookController; projector: HotspotProjector; onFailure: (reason: FlatPanReason) => void }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const session = player.state.current.session;
  // Layout effects here and in FlatPanView: on a switch, this one lets go of the video before the flat view takes
  // it, in the same task, so the video never sits outside the page (where the browser would pause it).
  useLayoutEffect(() => (hostRef.current ? session.mountIn(hostRef.current) : undefined), [session]);
  return (
    <div className="watch-sphere" ref={hostRef}>
      <PanoramaCanvas player={player} look={look} maxDpr={1} onFrame={(w, h, time) => projector.update(w, h, time)} onUnavailable={() => onFailure('no-webgl')}>
        <PixelProbe currentVideo={() => player.state.current.session.video} onFailure={onFailure} forceBlack={watchTestHooks().pixelCheck === 'fail'} />
      </PanoramaCanvas>
    </div>
  );
}
