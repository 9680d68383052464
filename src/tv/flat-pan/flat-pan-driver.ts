// Drives the flat-pan view in the page: puts the location's <video> under a host element, sizes it to the equirect
// frame for the field of view, and moves it with a CSS transform on each animation frame while an arrow is held —
// nothing at all while the view is still (the TV composites the video plane by itself). No WebGL, no canvas.
import type { LookController } from '../../panorama/look-controller';
import { clampFlatView, flatPanLayout, layoutTransform, type FlatPanSource } from './flat-pan-geometry';

/** How often time-windowed hotspots are re-checked while the view is still. */
const HOTSPOT_REFRESH_MS = 500;

export interface FlatPanDriverOptions {
  host: HTMLElement;
  /** Owned by the media session; the driver only moves it into `host` and styles it, and undoes both. */
  video: HTMLVideoElement;
  /** Puts the video into the host (MediaSession.mountIn); returns the undo. */
  mount: (host: HTMLElement) => () => void;
  /** Starts playback again through the session (MediaSession.play), never through the element. */
  play: () => unknown;
  look: LookController;
  /** After each move, with the view's size and the video's time: the hotspots follow, the view direction too. */
  onFrame: (width: number, height: number, videoSeconds: number) => void;
  source: FlatPanSource;
}

/** Starts the view; returns its teardown. */
export function startFlatPan({ host, video, mount, play, look, onFrame, source }: FlatPanDriverOptions): () => void {
  // Moving a playing video between hosts (the sphere's, then this one after a fallback) can leave it paused: the
  // family pressed nothing, so it must go on playing.
  const wasPlaying = !video.paused;
  const unmount = mount(host);
  video.className = 'watch-flat__video';
  if (wasPlaying && video.paused) play();
  let viewport = { width: host.clientWidth, height: host.clientHeight };
  let frame = 0;
  let lastFrameAt: number | null = null;
  let size = '';
  /** The yaw on screen after the last frame: a pan across the seam is told from a view set there. */
  let shownYaw: number | undefined;

  const draw = (now: number) => {
    frame = 0;
    const moving = look.update(now - (lastFrameAt ?? now), now);
    lastFrameAt = moving ? now : null;
    // Clamped in place (not through lookAt) so the correction does not schedule yet another frame.
    const clamped = clampFlatView(look, viewport, source, shownYaw);
    shownYaw = clamped.yaw;
    look.yaw = clamped.yaw;
    look.pitch = clamped.pitch;
    const layout = flatPanLayout(look, viewport, source);
    const nextSize = `${layout.width.toFixed(1)}x${layout.height.toFixed(1)}`;
    if (nextSize !== size) {
      // The size changes only with the screen: panning itself never triggers layout, only compositing.
      size = nextSize;
      video.style.width = `${layout.width.toFixed(1)}px`;
      video.style.height = `${layout.height.toFixed(1)}px`;
    }
    video.style.transform = layoutTransform(layout);
    onFrame(viewport.width, viewport.height, video.currentTime);
    if (moving) schedule();
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const unsubscribe = look.subscribe(schedule);
  const stopWatchingSize = watchSize(host, () => {
    viewport = { width: host.clientWidth, height: host.clientHeight };
    schedule();
  });
  const refresh = setInterval(schedule, HOTSPOT_REFRESH_MS);
  schedule();

  return () => {
    cancelAnimationFrame(frame);
    unsubscribe();
    stopWatchingSize();
    clearInterval(refresh);
    unmount();
    video.className = '';
    video.style.removeProperty('width');
    video.style.removeProperty('height');
    video.style.removeProperty('transform');
  };
}

/**
 * Calls `changed` when the host's size may have changed. ResizeObserver came with Chromium 64: 2018 sets (webOS 4:
 * Chromium 53, Tizen 4: 56) have none, and there the view fills the window, so the window's resize stands in.
 */
function watchSize(host: HTMLElement, changed: () => void): () => void {
  if (typeof ResizeObserver === 'function') {
    const observer = new ResizeObserver(changed);
    observer.observe(host);
    return () => observer.disconnect();
  }
  const view = host.ownerDocument.defaultView;
  view?.addEventListener('resize', changed);
  return () => view?.removeEventListener('resize', changed);
}
