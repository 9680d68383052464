// How a location's footage reaches the eyes in a headset. Where the browser composites WebXR media layers
// (`XRMediaBinding`, Quest Browser), the video goes to an equirect media layer: the compositor samples the video
// straight at display resolution, sharper and cheaper than drawing it on a sphere. Everywhere else (Vision Pro,
// Android XR, PC VR) a textured sphere per eye does the same job in WebGL.
import type { Projection, StereoLayout } from '../protocol/tour-schema';

export type VideoPath = 'media-layer' | 'sphere';

/** What the choice depends on; the shape of an `XRSession` and the page's globals, so tests need no headset. */
export interface VideoPathInput {
  enabledFeatures?: readonly string[] | undefined;
  /** `session.renderState.layers`: an array once the session composites layers (natively or polyfilled). */
  renderStateLayers?: unknown;
  /** Whether `XRMediaBinding` exists on the page. */
  mediaBinding: boolean;
}

export function chooseVideoPath({ enabledFeatures, renderStateLayers, mediaBinding }: VideoPathInput): VideoPath {
  if (!mediaBinding) return 'sphere';
  // A session that granted 'layers' says so; a polyfilled one does not list it but has a layers array.
  const layers = (enabledFeatures ?? []).includes('layers') || Array.isArray(renderStateLayers);
  return layers ? 'media-layer' : 'sphere';
}

export type MediaLayerLayout = 'mono' | 'stereo-top-bottom' | 'stereo-left-right';

const LAYER_LAYOUT: Record<StereoLayout, MediaLayerLayout> = {
  mono: 'mono',
  'top-bottom': 'stereo-top-bottom',
  'left-right': 'stereo-left-right',
};

export interface EquirectLayerShape {
  layout: MediaLayerLayout;
  /** 0: an infinitely far sphere, as footage shot from one point should be (no parallax against the head). */
  radius: number;
  centralHorizontalAngle: number;
  upperVerticalAngle: number;
  lowerVerticalAngle: number;
}

/**
 * The full angles of the footage. (The layer's own defaults, and @react-three/xr's, are a 60°×60° window.) A 180°
 * video covers the front half: centred on −Z like the 360 one, so yaw 0 is straight ahead in both.
 */
export function equirectLayerShape(location: { projection: Projection; stereo: StereoLayout }): EquirectLayerShape {
  return {
    layout: LAYER_LAYOUT[location.stereo],
    radius: 0,
    centralHorizontalAngle: location.projection === 'equirect360' ? 2 * Math.PI : Math.PI,
    upperVerticalAngle: Math.PI / 2,
    lowerVerticalAngle: -Math.PI / 2,
  };
}
