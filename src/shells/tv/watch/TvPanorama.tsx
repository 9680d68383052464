// The 360 view on a TV, either kind: the WebGL sphere (plain three.js, on-demand frames: one draw per decoded video
// frame or view change) at device pixel ratio 1 with the pixel probe reading its draws, or the flat-pan view where
// video in WebGL comes out black. The view (and which kind) is the caller's: see usePanoramaView.
import { lazy } from 'react';
import type { PanoramaView } from '../../../panorama/panorama-view';
import { Panorama360 } from '../../../react/Panorama360';
import type { FlatPanReason, PixelVerdict } from '../../../tv/flat-pan';
import { watchTestHooks } from './test-hooks';

// The probe loads only with the sphere (as a child of its canvas): the flat view never fetches it or three.js.
const PixelProbe = lazy(() => import('./PixelProbe').then((m) => ({ default: m.PixelProbe })));

export function TvPanorama({ view, onFailure, onVerdict }: { view: PanoramaView; onFailure: (reason: FlatPanReason) => void; onVerdict?: (verdict: PixelVerdict) => void }) {
  if (view.mode.kind === 'flat') return <Panorama360 view={view} className="watch-flat" />;
  return (
    <Panorama360 view={view} className="watch-sphere" onUnavailable={() => onFailure('no-webgl')}>
      <PixelProbe currentVideo={() => view.player.state.current.session.video} onFailure={onFailure} onVerdict={onVerdict} forceBytes={watchTestHooks().pixelCheck} />
    </Panorama360>
  );
}
