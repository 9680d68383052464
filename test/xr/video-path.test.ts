// Media layer or sphere, and the media layer's shape: full angles, each stereo layout named as WebXR names it.
import { describe, expect, it } from 'vitest';
import { chooseVideoPath, equirectLayerShape } from '../../src/xr/video-path';

describe('video path', () => {
  it('uses a media layer only when the session composites layers and XRMediaBinding exists', () => {
    expect(chooseVideoPath({ enabledFeatures: ['local', 'layers'], mediaBinding: true })).toBe('media-layer');
    // A polyfilled session: no 'layers' in enabledFeatures, but a layers array in its render state.
    expect(chooseVideoPath({ enabledFeatures: ['local'], renderStateLayers: [], mediaBinding: true })).toBe('media-layer');
    expect(chooseVideoPath({ enabledFeatures: ['local', 'layers'], mediaBinding: false })).toBe('sphere');
    expect(chooseVideoPath({ enabledFeatures: ['local'], renderStateLayers: undefined, mediaBinding: true })).toBe('sphere');
    expect(chooseVideoPath({ enabledFeatures: undefined, mediaBinding: false })).toBe('sphere');
  });

  it('gives a 360 layer the whole sphere and a 180 layer the front half, top to bottom', () => {
    expect(equirectLayerShape({ projection: 'equirect360', stereo: 'mono' })).toEqual({
      layout: 'mono',
      radius: 0,
      centralHorizontalAngle: 2 * Math.PI,
      upperVerticalAngle: Math.PI / 2,
      lowerVerticalAngle: -Math.PI / 2,
    });
    const half = equirectLayerShape({ projection: 'equirect180', stereo: 'left-right' });
    expect(half.centralHorizontalAngle).toBe(Math.PI);
    expect([half.upperVerticalAngle, half.lowerVerticalAngle]).toEqual([Math.PI / 2, -Math.PI / 2]);
  });

  it('names the stereo layouts as the WebXR layers spec does (left eye on top / on the left)', () => {
    expect(equirectLayerShape({ projection: 'equirect360', stereo: 'top-bottom' }).layout).toBe('stereo-top-bottom');
    expect(equirectLayerShape({ projection: 'equirect180', stereo: 'left-right' }).layout).toBe('stereo-left-right');
  });
});
