// The hotspot labels of the flat preview (a browser without a headset), as page text over the preview canvas. In the
// preview a label drawn on the set is a 2 m sign 8 m away seen through a card-sized window: its letters come out 3–5
// px tall. Here it is text at a size people read, pinned under the hotspot's ring (the sign's own text is hidden
// under it); the ring itself stays the thing to click. Not shown in a session: the headset shows the signs.
import { useEffect, useRef } from 'react';
import type { Hotspot } from '../../protocol/tour-schema';
import { useI18n } from '../../react/AppContext';
import { projectToScreen, type ScreenPoint } from '../../panorama/screen-projection';
import { isHotspotShown } from '../../tour/hotspot-timing';

/** The preview camera's vertical field of view (VrEntry's canvas uses it; the labels project with the same). */
export const PREVIEW_FOV_DEG = 75;
/** Readable on a phone and a laptop alike: the size the page's own small text has. */
const LABEL_PX = 15;
/** Keeps a label inside the preview when its hotspot is near an edge. */
const EDGE_PX = 6;
const VIEW = { yaw: 0, pitch: 0, fov: PREVIEW_FOV_DEG };

export function PreviewHotspotLabels({ hotspots, video }: { hotspots: readonly Hotspot[]; video: HTMLVideoElement }) {
  const i18n = useI18n();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = host.current;
    if (!box) return;
    const point: ScreenPoint = { x: 0, y: 0 };
    let frame = 0;
    // The preview's camera does not move: a label moves only when the preview is resized or its time window opens
    // or closes. Checked once a frame, written only when something changed.
    const place = () => {
      frame = requestAnimationFrame(place);
      const width = box.clientWidth;
      const height = box.clientHeight;
      const labels = box.children;
      for (let i = 0; i < labels.length; i++) {
        const label = labels[i] as HTMLElement;
        const hotspot = hotspots[i];
        const at = hotspot && isHotspotShown(hotspot, video.currentTime) ? projectToScreen(hotspot.yaw, hotspot.pitch, VIEW, width / Math.max(1, height), point) : null;
        const shown = at !== null && Math.abs(at.x) <= 1 && Math.abs(at.y) <= 1;
        if (label.hidden !== !shown) label.hidden = !shown;
        if (!shown) continue;
        const half = label.offsetWidth / 2;
        const left = Math.min(width - EDGE_PX - half, Math.max(EDGE_PX + half, ((at.x + 1) / 2) * width));
        const top = Math.min(height - EDGE_PX - label.offsetHeight, ((1 - at.y) / 2) * height);
        const transform = `translate(${Math.round(left - half)}px, ${Math.round(top)}px)`;
        if (label.style.transform !== transform) label.style.transform = transform;
      }
    };
    place();
    return () => cancelAnimationFrame(frame);
  }, [hotspots, video]);
  return (
    <div ref={host} style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: '100%', pointerEvents: 'none', overflow: 'hidden' }}>
      {hotspots.map((hotspot, i) => (
        <span
          key={i}
          hidden
          data-testid="xr-preview-label"
          data-target={hotspot.target}
          style={{
            position: 'absolute',
            top: 0,
            left: 0,
            maxWidth: '70%',
            padding: '0.2em 0.6em',
            borderRadius: '0.4em',
            background: 'rgba(13, 15, 20, 0.82)',
            color: '#fff',
            fontSize: `${LABEL_PX}px`,
            fontWeight: 600,
            lineHeight: 1.3,
            textAlign: 'center',
          }}
        >
          {i18n.pick(hotspot.label)}
        </span>
      ))}
    </div>
  );
}
