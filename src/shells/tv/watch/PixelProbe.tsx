// The three.js side of the pixel check: while the video plays, render its texture into a 32×16 target a few times a
// second, read the bytes back and let PixelCheck decide. Stops reading once it has a verdict (readPixels stalls the
// GPU pipeline, so it must not run for the whole visit). Also reports a lost WebGL context.
import { useEffect, useRef } from 'react';
import { usePanorama } from '../../../react/PanoramaCanvas';
import { PixelCheck, type FlatPanReason } from '../../../tv/flat-pan';
import { TextureSampler } from './texture-sampler';

const SAMPLE_EVERY_MS = 250;

export interface PixelProbeProps {
  /** The video on screen now (it changes with the location). */
  currentVideo: () => HTMLVideoElement;
  onFailure: (reason: FlatPanReason) => void;
  /** Browser tests only (see test-hooks.ts): the read-back bytes are replaced by black. */
  forceBlack: boolean;
}

/** A child of PanoramaCanvas: it samples after the view's draws, so it adds no frames of its own. */
export function PixelProbe({ currentVideo, onFailure, forceBlack }: PixelProbeProps) {
  const view = usePanorama();
  const latest = useRef({ currentVideo, onFailure, forceBlack });
  useEffect(() => {
    latest.current = { currentVideo, onFailure, forceBlack };
  });

  useEffect(() => {
    if (!view) return undefined;
    const sampler = new TextureSampler(32, 16);
    const check = new PixelCheck();
    let lastAt = 0;
    let lastSeconds = -1;
    let failed = false;
    const fail = (reason: FlatPanReason) => {
      if (failed) return;
      failed = true;
      latest.current.onFailure(reason);
    };
    const stopLost = view.onContextLost(() => fail('context-lost'));
    const stopDraw = view.onAfterDraw(() => {
      if (failed || check.current.state !== 'pending') return;
      const video = latest.current.currentVideo();
      const now = performance.now();
      // Only a playing video with a decoded frame says anything; a paused one would look "frozen".
      if (video.paused || video.readyState < 2 || now - lastAt < SAMPLE_EVERY_MS || video.currentTime === lastSeconds) return;
      const texture = view.videoTexture(video);
      if (!texture) return;
      lastAt = now;
      lastSeconds = video.currentTime;
      const pixels = sampler.sample(view.renderer, texture);
      const verdict = check.add({ videoSeconds: video.currentTime, rgba: latest.current.forceBlack ? new Uint8Array(pixels.length) : pixels });
      if (verdict.state === 'failed') fail(verdict.reason);
    });
    return () => {
      stopDraw();
      stopLost();
      sampler.dispose();
    };
  }, [view]);
  return null;
}
