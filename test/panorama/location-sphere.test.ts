// A location's footage as three.js objects, as the desktop/TV renderer and the XR scene both draw it: where yaw 0
// is (the quarter turn), the inward-facing mirrored sphere or hemisphere, each eye's layer and texture window, sRGB,
// no depth writes, and the outgoing location drawn on top while it fades.
import { FrontSide, SRGBColorSpace, type Mesh, type MeshBasicMaterial, type SphereGeometry, type VideoTexture } from 'three';
import { describe, expect, it } from 'vitest';
import { EYE_LAYER, LocationSphere } from '../../src/panorama/location-sphere';

/** What LocationSphere asks of a <video>: its frame callbacks (a node test has no DOM), counted, and its events
 * (Node's EventTarget). */
function videoElement(readyState = 0) {
  const calls = { requested: 0, cancelled: 0 };
  let frame: (() => void) | null = null;
  const events = new EventTarget();
  const video = {
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    dispatchEvent: events.dispatchEvent.bind(events),
    readyState,
    HAVE_CURRENT_DATA: 2,
    requestVideoFrameCallback(callback: () => void) {
      calls.requested++;
      frame = callback;
      return calls.requested;
    },
    cancelVideoFrameCallback() {
      calls.cancelled++;
    },
  };
  return { video: video as unknown as HTMLVideoElement, calls, presentFrame: () => frame?.() };
}

const meshes = (sphere: LocationSphere) => sphere.object.children as Mesh<SphereGeometry, MeshBasicMaterial>[];

describe('location sphere', () => {
  it('uploads the frame a paused video already shows; a video with no frame yet waits for its first', () => {
    // A person who paused while the view loaded: no new frame will come, and the sphere must not stay black.
    const paused = new LocationSphere({ projection: 'equirect360', stereo: 'mono', video: videoElement(2).video }, () => undefined);
    expect(paused.texture.version).toBeGreaterThan(0);
    const loading = new LocationSphere({ projection: 'equirect360', stereo: 'mono', video: videoElement(0).video }, () => undefined);
    expect(loading.texture.version).toBe(0);
    paused.dispose();
    loading.dispose();
  });

  it('mono 360: one mesh on layer 0, turned a quarter so the footage centre is straight ahead, mirrored to face inward', () => {
    const { video } = videoElement();
    const sphere = new LocationSphere({ projection: 'equirect360', stereo: 'mono', video }, () => undefined);
    const [mesh, ...rest] = meshes(sphere);
    expect(rest).toEqual([]);
    expect(mesh!.layers.mask).toBe(1);
    expect(mesh!.rotation.y).toBeCloseTo(-Math.PI / 2);
    expect(mesh!.geometry.parameters.phiLength).toBeCloseTo(Math.PI * 2);
    // Mirrored in x: every vertex's x is the negative of an unmirrored sphere's.
    mesh!.geometry.computeBoundingBox();
    expect(mesh!.geometry.boundingBox!.max.x).toBeCloseTo(50);
    const material = mesh!.material;
    expect(material.side).toBe(FrontSide);
    expect(material.depthWrite).toBe(false);
    expect(material.depthTest).toBe(false);
    expect(material.toneMapped).toBe(false);
    expect(material.transparent).toBe(false);
    expect((material.map as VideoTexture).colorSpace).toBe(SRGBColorSpace);
    expect(sphere.texture).toBe(material.map);
    sphere.dispose();
  });

  it('stereo top-bottom 180: each eye on its layer with its half of the frame, on a front hemisphere', () => {
    const { video } = videoElement();
    const sphere = new LocationSphere({ projection: 'equirect180', stereo: 'top-bottom', video }, () => undefined);
    const [left, right] = meshes(sphere);
    expect(left!.layers.mask).toBe(1 << EYE_LAYER.left);
    expect(right!.layers.mask).toBe(1 << EYE_LAYER.right);
    expect(left!.material.map!.offset.toArray()).toEqual([0, 0.5]);
    expect(right!.material.map!.offset.toArray()).toEqual([0, 0]);
    expect(left!.material.map!.repeat.toArray()).toEqual([1, 0.5]);
    expect(left!.geometry.parameters.phiStart).toBeCloseTo(Math.PI / 2);
    expect(left!.geometry.parameters.phiLength).toBeCloseTo(Math.PI);
    // One geometry for both eyes; the flat screen's texture is the left eye's.
    expect(right!.geometry).toBe(left!.geometry);
    expect(sphere.texture).toBe(left!.material.map);
    sphere.dispose();
  });

  it('fades out on top of the next location, and back to shown underneath', () => {
    const { video } = videoElement();
    const sphere = new LocationSphere({ projection: 'equirect360', stereo: 'left-right', video }, () => undefined);
    sphere.setFade(0.25);
    for (const mesh of meshes(sphere)) {
      expect(mesh.material.transparent).toBe(true);
      expect(mesh.material.opacity).toBe(0.25);
      expect(mesh.renderOrder).toBe(-1);
    }
    sphere.setFade(null);
    for (const mesh of meshes(sphere)) {
      expect(mesh.material.transparent).toBe(false);
      expect(mesh.material.opacity).toBe(1);
      expect(mesh.renderOrder).toBe(-2);
    }
    sphere.dispose();
  });

  it('reports each decoded video frame, and stops listening when disposed', () => {
    const { video, calls, presentFrame } = videoElement();
    let frames = 0;
    const sphere = new LocationSphere({ projection: 'equirect360', stereo: 'mono', video }, () => frames++);
    presentFrame();
    presentFrame();
    expect(frames).toBe(2);
    sphere.dispose();
    // The texture's own callback and the sphere's are both cancelled.
    expect(calls.cancelled).toBe(2);
  });

  it('draws once more when a pause or a seek settles the picture (hotspot windows follow the still frame), not after dispose', () => {
    const { video } = videoElement(2);
    let frames = 0;
    const sphere = new LocationSphere({ projection: 'equirect360', stereo: 'mono', video }, () => frames++);
    video.dispatchEvent(new Event('pause'));
    video.dispatchEvent(new Event('seeked'));
    expect(frames).toBe(2);
    sphere.dispose();
    video.dispatchEvent(new Event('pause'));
    expect(frames).toBe(2);
  });

  it("uploads the first frame on 'loadeddata', not only on a frame callback (a hidden video's can come late)", () => {
    const { video } = videoElement();
    let frames = 0;
    const sphere = new LocationSphere({ projection: 'equirect360', stereo: 'top-bottom', video }, () => frames++);
    const versions = () => meshes(sphere).map((mesh) => mesh.material.map!.version);
    expect(versions()).toEqual([0, 0]);
    video.dispatchEvent(new Event('loadeddata'));
    // Both eyes' textures take the frame, and a draw is asked for.
    expect(versions().every((version) => version > 0)).toBe(true);
    expect(frames).toBe(1);
    sphere.dispose();
    video.dispatchEvent(new Event('loadeddata'));
    expect(frames).toBe(1);
  });
});
