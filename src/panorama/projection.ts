// The geometry of looking around: view directions from yaw/pitch, and which part of a stereo frame each eye sees.
import type { StereoLayout } from '../protocol/tour-schema';

const DEG = Math.PI / 180;

/** Unit vector for a yaw/pitch in degrees, in the view's space: yaw 0 looks down −Z, +90 to +X, pitch up +Y. */
export function directionOf(yaw: number, pitch: number): [number, number, number] {
  const cosPitch = Math.cos(pitch * DEG);
  return [Math.sin(yaw * DEG) * cosPitch, Math.sin(pitch * DEG), -Math.cos(yaw * DEG) * cosPitch];
}

export type Eye = 'left' | 'right';

/**
 * The texture window an eye samples. Texture v grows upward (three.js flips video frames), so the top half of a
 * top-bottom frame — the left eye's — starts at v = 0.5.
 */
export function eyeWindow(stereo: StereoLayout, eye: Eye): { offset: [number, number]; repeat: [number, number] } {
  switch (stereo) {
    case 'mono':
      return { offset: [0, 0], repeat: [1, 1] };
    case 'top-bottom':
      return { offset: [0, eye === 'left' ? 0.5 : 0], repeat: [1, 0.5] };
    case 'left-right':
      return { offset: [eye === 'left' ? 0 : 0.5, 0], repeat: [0.5, 1] };
  }
}
