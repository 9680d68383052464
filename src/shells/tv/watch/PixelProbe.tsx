// The three.js side of the pixel check: while the video plays, render its texture into a 32×16 target a few times a
// second, read the bytes back and let PixelCheck decide. Stops reading once it has a verdict (readPixels stalls the
// GPU pipeline, so it must not run for the whole visit). Also reports a lost WebGL context.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { PixelCheck, type FlatPanReason } from '../../../tv/flat-pan';
import { TextureSampler, videoTextureOf } from './texture-sampler';

const SAMPLE_EVERY_MS = 250;

export interface PixelProbeProps {
  /** The video on screen now (it changes with the location). */
  currentVideo: () => HTMLVideoElement;
  onFailure: (reason: FlatPanReason) => void;
  /** Browser tests only (see test-hooks.ts): the read-back bytes are replaced by black. */
  forceBlack: boolean;
}

export function PixelProbe({ currentVideo, onFailure, forceBlack }: PixelProbeProps) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const sampler = useMemo(() => new TextureSampler(32, 16), []);
  const check = useMemo(() => new PixelCheck(), []);
  const last = useRef({ at: 0, seconds: -1 });
  const failed = useRef(false);
  const report = useRef(onFailure);
  useEffect(() => {
    report.current = onFailure;
  });
  useEffect(() => () => sampler.dispose(), [sampler]);

  useEffect(() => {
    const canvas = gl.domElement;
    const onLost = () => {
      if (failed.current) return;
      failed.current = true;
      report.current('context-lost');
    };
    canvas.addEventListener('webglcontextlost', onLost);
    return () => canvas.removeEventListener('webglcontextlost', onLost);
  }, [gl]);

  useFrame(() => {
    if (failed.current || check.current.state !== 'pending') return;
    const video = currentVideo();
    const now = performance.now();
    // Only a playing video with a decoded frame says anything; a paused one would look "frozen".
    if (video.paused || video.readyState < 2 || now - last.current.at < SAMPLE_EVERY_MS || video.currentTime === last.current.seconds) return;
    const texture = videoTextureOf(scene, video);
    if (!texture) return;
    last.current = { at: now, seconds: video.currentTime };
    const pixels = sampler.sample(gl, texture);
    const verdict = check.add({ videoSeconds: video.currentTime, rgba: forceBlack ? new Uint8Array(pixels.length) : pixels });
    if (verdict.state === 'failed') {
      failed.current = true;
      report.current(verdict.reason);
    }
  });
  return null;
}
