// The desktop and TV 360 view on plain three.js: one WebGLRenderer, scene and camera drawing the tour player's
// locations (the outgoing one fading out over the next) as the LookController aims. Draws on demand only — a new
// decoded video frame, a look change, a fade step, a resize — and allocates nothing per frame.
// No React, no R3F: named imports from three.js, so the tour's bundle keeps only what is used here.
import { DataTexture, PerspectiveCamera, Scene, WebGLRenderer, type VideoTexture } from 'three';
import type { RenditionLimits } from '../media/rendition-cap';
import type { LocationPlayback, TourPlayer } from '../tour/tour-player';
import { FrameScheduler, fadeOpacity, renderPixelRatio, type FrameClock } from './frame-scheduler';
import { EYE_LAYER, LocationSphere } from './location-sphere';
import type { LookController } from './look-controller';

const DEG = Math.PI / 180;

export interface PanoramaRendererOptions {
  player: TourPlayer;
  look: LookController;
  /** Highest device pixel ratio to draw at (default 1.5; the TV passes 1: its GPU fills a 4K panel slowly). */
  maxDpr?: number;
  /** Called after each draw, e.g. to move hotspot overlays with the view. */
  onFrame?: (width: number, height: number, videoSeconds: number) => void;
  /** Tests drive the frames themselves; the browser's animation frames otherwise. */
  clock?: FrameClock;
  /** Told what this renderer can upload (its texture size) as soon as it exists: the 360 view passes it on. */
  onLimits?: (limits: Pick<RenditionLimits, 'maxTextureSize'>) => void;
  /** A renderer made ahead by the page's entry (its warm start, src/app/warm-start.ts); this view owns it from now on. */
  warmRenderer?: WebGLRenderer | null;
}

export class PanoramaRenderer {
  readonly canvas: HTMLCanvasElement;
  readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera: PerspectiveCamera;
  private readonly spheres = new Map<LocationPlayback, LocationSphere>();
  private readonly scheduler: FrameScheduler;
  private readonly afterDraw: (() => void)[] = [];
  private readonly contextLost: (() => void)[] = [];
  private readonly unbind: (() => void)[] = [];
  private width = 0;
  private height = 0;
  private lastFrame: number | null = null;
  private disposed = false;
  private look: LookController;
  private unbindLook: () => void;

  /** Puts a canvas filling `host` into it and starts drawing. Throws when the browser cannot give WebGL. */
  constructor(
    private readonly host: HTMLElement,
    private readonly options: PanoramaRendererOptions,
  ) {
    const { player, look } = options;
    this.look = look;
    this.renderer = options.warmRenderer ?? createWebGlRenderer();
    this.canvas = this.renderer.domElement;
    this.canvas.style.display = 'block';
    host.appendChild(this.canvas);
    this.camera = new PerspectiveCamera(look.fov, 1, 0.1, 100);
    this.camera.rotation.order = 'YXZ';
    // A flat screen shows the left eye of stereo footage (and mono footage, on layer 0).
    this.camera.layers.enable(EYE_LAYER.left);
    options.onLimits?.({ maxTextureSize: this.renderer.capabilities.maxTextureSize });
    this.scheduler = new FrameScheduler((now) => this.draw(now), options.clock);

    const redraw = () => this.scheduler.request();
    this.unbindLook = look.subscribe(redraw);
    this.unbind.push(
      player.subscribe(() => {
        this.showLocations();
        redraw();
      }),
    );
    // The observer reports the host's size with the page's own layout: no layout is forced here (at 4× CPU a forced
    // one cost ~50 ms while React was mounting the view), and its first report comes before the first paint.
    const resizes = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]!.contentRect;
      this.resize(box.width, box.height);
    });
    resizes.observe(host);
    this.unbind.push(() => resizes.disconnect());
    // three.js keeps the context restorable (it calls preventDefault); until it is back there is nothing to draw.
    const onLost = () => {
      this.scheduler.pause();
      for (const listener of this.contextLost) listener();
    };
    const onRestored = () => this.scheduler.resume();
    this.canvas.addEventListener('webglcontextlost', onLost);
    this.canvas.addEventListener('webglcontextrestored', onRestored);
    this.unbind.push(() => {
      this.canvas.removeEventListener('webglcontextlost', onLost);
      this.canvas.removeEventListener('webglcontextrestored', onRestored);
    });

    this.showLocations();
    // The first draw compiles the sphere's shader while the stream is still loading, off the first frame's path.
    redraw();
  }

  /** Aims with another LookController (the desktop makes one per location) without rebuilding the view. */
  setLook(look: LookController): void {
    if (look === this.look || this.disposed) return;
    this.unbindLook();
    this.look = look;
    this.unbindLook = look.subscribe(() => this.scheduler.request());
    this.scheduler.request();
  }

  /** The texture showing `video` now, or null: the TV's pixel check samples it (no second upload of the video). */
  videoTexture(video: HTMLVideoElement): VideoTexture | null {
    for (const sphere of this.spheres.values()) if (sphere.video === video) return sphere.texture;
    return null;
  }

  /** Runs `listener` after each draw, with the frame just drawn still current. */
  onAfterDraw(listener: () => void): () => void {
    return addTo(this.afterDraw, listener);
  }

  onContextLost(listener: () => void): () => void {
    return addTo(this.contextLost, listener);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.scheduler.pause();
    this.unbindLook();
    for (const undo of this.unbind) undo();
    for (const sphere of this.spheres.values()) sphere.dispose();
    this.spheres.clear();
    this.afterDraw.length = 0;
    this.contextLost.length = 0;
    releaseRenderer(this.renderer);
    this.canvas.remove();
  }

  /** One sphere per location on screen: the current one, and the one fading out (reused, not rebuilt). */
  private showLocations(): void {
    const { current, previous } = this.options.player.state;
    for (const [playback, sphere] of this.spheres) {
      if (playback === current || playback === previous) continue;
      sphere.dispose();
      this.spheres.delete(playback);
    }
    this.sphereOf(current).setFade(null);
    if (previous) this.sphereOf(previous).setFade(1);
  }

  private sphereOf(playback: LocationPlayback): LocationSphere {
    let sphere = this.spheres.get(playback);
    if (!sphere) {
      const { projection, stereo } = playback.location;
      sphere = new LocationSphere({ projection, stereo, video: playback.session.video }, () => this.scheduler.request());
      this.spheres.set(playback, sphere);
      this.scene.add(sphere.object);
    }
    return sphere;
  }

  private resize(width: number, height: number): void {
    const ratio = renderPixelRatio(window.devicePixelRatio, this.options.maxDpr ?? 1.5);
    if (width === this.width && height === this.height && ratio === this.renderer.getPixelRatio()) return;
    this.width = width;
    this.height = height;
    // Each of these reallocates the drawing buffer (setPixelRatio resizes too): only what changed.
    if (ratio !== this.renderer.getPixelRatio()) this.renderer.setPixelRatio(ratio);
    this.renderer.setSize(width, height);
    this.camera.aspect = height > 0 ? width / height : 1;
    this.camera.updateProjectionMatrix();
    this.scheduler.request();
  }

  private draw(now: number): void {
    const { player, onFrame } = this.options;
    const look = this.look;
    let again = look.update(now - (this.lastFrame ?? now), now);
    this.lastFrame = now;
    const { current, previous, fadeStartedAt } = player.state;
    const fading = previous ? this.spheres.get(previous) : undefined;
    if (fading) {
      const opacity = fadeOpacity(fadeStartedAt, player.fadeMs, now);
      fading.setFade(opacity);
      // Steps until the fade is done; before it starts (no picture from the next location yet) the outgoing
      // video's own frames are what redraws.
      if (fadeStartedAt !== null && opacity > 0) again = true;
    }
    const camera = this.camera;
    camera.rotation.set(look.pitch * DEG, -look.yaw * DEG, 0);
    if (camera.fov !== look.fov) {
      camera.fov = look.fov;
      camera.updateProjectionMatrix();
    }
    this.renderer.render(this.scene, camera);
    for (let i = 0; i < this.afterDraw.length; i++) this.afterDraw[i]!();
    // Before the first size report there is nothing to place overlays on.
    if (this.width > 0) onFrame?.(this.width, this.height, current.session.video.currentTime);
    if (again) this.scheduler.request();
  }
}

function createWebGlRenderer(): WebGLRenderer {
  return new WebGLRenderer({ canvas: document.createElement('canvas'), antialias: false, alpha: true, powerPreference: 'high-performance' });
}

export function releaseRenderer(renderer: WebGLRenderer): void {
  renderer.dispose();
  // Browsers keep only a few WebGL contexts alive: give this one back now rather than at garbage collection.
  renderer.forceContextLoss();
}

/**
 * Makes the view's WebGL renderer before the page has rendered the view. Creating a WebGL context takes a quarter
 * of a second of main thread at 4× CPU (a TV-class device): made once this chunk is in and the start stream's
 * requests are out (the entry asks, and keeps it in its warm start until the view takes it), it is ready when the
 * tour's first video frame is, instead of being made only after the shell has rendered.
 * Quietly answers null without WebGL: the view then tries itself and shows its notice.
 */
export function warmUpRenderer(): WebGLRenderer | null {
  let renderer: WebGLRenderer;
  try {
    renderer = createWebGlRenderer();
  } catch {
    return null;
  }
  // The first texture upload asks the context for its extensions (anisotropic filtering…), a tenth of a second
  // in Chromium at 4× CPU: ask now, with a one-pixel texture, rather than when the first video frame is waiting.
  // (Version 0 is "nothing to upload" to three.js, which would skip the upload and its questions: mark it.)
  const probe = new DataTexture(new Uint8Array(4), 1, 1);
  probe.needsUpdate = true;
  renderer.initTexture(probe);
  probe.dispose();
  return renderer;
}

function addTo(list: (() => void)[], listener: () => void): () => void {
  list.push(listener);
  return () => {
    const index = list.indexOf(listener);
    if (index >= 0) list.splice(index, 1);
  };
}
