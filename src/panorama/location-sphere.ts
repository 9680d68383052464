// One location's footage as three.js objects: its video on the inside of a sphere (360) or the front hemisphere
// (180), one mesh per eye for stereo footage on the eye's layer (WebXRManager's left camera sees layer 1, the right
// one layer 2; a flat screen's camera enables layer 1), fading out on top of the next location when asked.
// The single definition behind the desktop/TV renderer and the XR sphere path, so all agree on where yaw 0 and
// each hotspot are. Named imports only: the desktop view's bundle keeps just the parts of three.js it uses.
import { FrontSide, Group, Mesh, MeshBasicMaterial, SRGBColorSpace, SphereGeometry, VideoTexture } from 'three';
import type { Projection, StereoLayout } from '../protocol/tour-schema';
import { eyeWindow, type Eye } from './projection';

/** Three.js layers of WebXRManager's eye cameras. Mono footage goes on layer 0, which both eyes see. */
export const EYE_LAYER: Record<Eye, number> = { left: 1, right: 2 };
/** Far enough to sit behind every panel and hotspot, inside the camera's far plane. */
const SPHERE_RADIUS = 50;
/** Draw order: the incoming location first, the outgoing one over it while it fades. */
const RENDER_ORDER = { showing: -2, fading: -1 } as const;

export interface LocationFootage {
  projection: Projection;
  stereo: StereoLayout;
  video: HTMLVideoElement;
}

export class LocationSphere {
  /** Add this to a scene; it holds one mesh per eye. */
  readonly object = new Group();
  readonly video: HTMLVideoElement;
  private readonly geometry: SphereGeometry;
  private readonly textures: VideoTexture[] = [];
  private readonly materials: MeshBasicMaterial[] = [];
  private readonly stopFrames: () => void;
  private fading = false;

  /** `onVideoFrame` hears of each newly decoded frame: an on-demand canvas draws then, not at display rate. */
  constructor(footage: LocationFootage, onVideoFrame: () => void) {
    this.video = footage.video;
    this.geometry = sphereGeometry(footage.projection);
    const eyes: Eye[] = footage.stereo === 'mono' ? ['left'] : ['left', 'right'];
    for (const eye of eyes) {
      const texture = eyeTexture(footage.video, footage.stereo, eye);
      const material = new MeshBasicMaterial({ map: texture, side: FrontSide, toneMapped: false, depthTest: false, depthWrite: false });
      const mesh = new Mesh(this.geometry, material);
      // The quarter turn puts the footage's centre straight ahead (−Z). Behind everything: no depth writes.
      mesh.rotation.y = -Math.PI / 2;
      mesh.layers.set(footage.stereo === 'mono' ? 0 : EYE_LAYER[eye]);
      mesh.renderOrder = RENDER_ORDER.showing;
      this.textures.push(texture);
      this.materials.push(material);
      this.object.add(mesh);
    }
    const stopWatching = watchVideoFrames(footage.video, onVideoFrame);
    // A first frame decoded while the <video> is hidden or still outside the page reaches the frame callback late
    // (Chromium presents such frames on a slow background timer: 100–900 ms at 1× CPU, see media/first-frame.ts).
    // 'loadeddata' says the frame at the playhead is there: upload it now rather than waiting for that callback.
    const onData = () => {
      for (const texture of this.textures) texture.needsUpdate = true;
      onVideoFrame();
    };
    footage.video.addEventListener('loadeddata', onData);
    this.stopFrames = () => {
      stopWatching();
      footage.video.removeEventListener('loadeddata', onData);
    };
  }

  /** The texture a flat screen shows (the left eye's, or the only one): what a pixel check samples. */
  get texture(): VideoTexture {
    return this.textures[0]!;
  }

  /** Shown under the next location (`opacity` null), or fading out on top of it. */
  setFade(opacity: number | null): void {
    const fading = opacity !== null;
    if (fading !== this.fading) {
      this.fading = fading;
      for (const material of this.materials) {
        material.transparent = fading;
        material.needsUpdate = true;
      }
      for (const mesh of this.object.children) mesh.renderOrder = fading ? RENDER_ORDER.fading : RENDER_ORDER.showing;
    }
    for (const material of this.materials) material.opacity = opacity ?? 1;
  }

  dispose(): void {
    this.stopFrames();
    this.object.removeFromParent();
    for (const texture of this.textures) texture.dispose();
    for (const material of this.materials) material.dispose();
    this.geometry.dispose();
  }
}

/** A sphere or front hemisphere mirrored in x (faces inward, footage reading left to right). */
function sphereGeometry(projection: Projection): SphereGeometry {
  return (projection === 'equirect360' ? new SphereGeometry(SPHERE_RADIUS, 64, 32) : new SphereGeometry(SPHERE_RADIUS, 32, 32, Math.PI / 2, Math.PI)).scale(-1, 1, 1);
}

function eyeTexture(video: HTMLVideoElement, stereo: StereoLayout, eye: Eye): VideoTexture {
  // VideoTexture uploads only when the video presents a new frame (requestVideoFrameCallback), not per draw.
  const texture = new VideoTexture(video);
  texture.colorSpace = SRGBColorSpace;
  // A video that already shows a frame and is paused (the person paused while the view loaded) presents no new
  // frame, so the callback above would never fire and the sphere would stay black: upload the frame it has.
  if (video.readyState >= video.HAVE_CURRENT_DATA) texture.needsUpdate = true;
  const window = eyeWindow(stereo, eye);
  texture.offset.set(...window.offset);
  texture.repeat.set(...window.repeat);
  return texture;
}

/**
 * Calls `onFrame` per decoded frame (requestVideoFrameCallback; 30 times a second while playing where it is missing),
 * and once more when a pause or a seek settles the picture's time: no new frame need follow, and what depends on the
 * time (a hotspot's window) must match the still picture, not the last frame drawn before it.
 */
function watchVideoFrames(video: HTMLVideoElement, onFrame: () => void): () => void {
  const settled = () => onFrame();
  video.addEventListener('pause', settled);
  video.addEventListener('seeked', settled);
  const stopSettled = () => {
    video.removeEventListener('pause', settled);
    video.removeEventListener('seeked', settled);
  };
  if (typeof video.requestVideoFrameCallback !== 'function') {
    const timer = setInterval(() => !video.paused && onFrame(), 1000 / 30);
    return () => {
      clearInterval(timer);
      stopSettled();
    };
  }
  let handle = video.requestVideoFrameCallback(function next() {
    onFrame();
    handle = video.requestVideoFrameCallback(next);
  });
  return () => {
    video.cancelVideoFrameCallback(handle);
    stopSettled();
  };
}
