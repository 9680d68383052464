// The three.js side of the pixel check: while the video plays, render its texture into a 32×16 target a few times a
// second, read the bytes back and let PixelCheck decide. Stops reading once it has a verdict (readPixels stalls the
// GPU pipeline, so it must not run for the whole visit). Also reports a lost WebGL context.
import { useEffect, useRef } from 'react';
import { usePanorama } from '../../../react/PanoramaCanvas';
import { PixelCheck, type FlatPanReason, type PixelVerdict } from '../../../tv/flat-pan';
import { TextureSampler } from './texture-sampler';

const SAMPLE_EVERY_MS = 250;

export interface PixelProbeProps {
  /** The video on screen now (it changes with the location). */
  currentVideo: () => HTMLVideoElement;
  onFailure: (reason: FlatPanReason) => void;
  /** Each verdict as the check reaches it (for ?stats=1). */
  onVerdict?: (verdict: PixelVerdict) => void;
  /** Browser tests only (see test-hooks.ts): what the read-back bytes are replaced by. */
  forceBytes: 'fail' | 'still' | undefined;
}

/** A child of PanoramaCanvas: it samples after the view's draws, so it adds no frames of its own. */
export function PixelProbe({ currentVideo, onFailure, onVerdict, forceBytes }: PixelProbeProps) {
  const view = usePanorama();
  const latest = useRef({ currentVideo, onFailure, onVerdict, forceBytes });
  useEffect(() => {
    latest.current = { currentVideo, onFailure, onVerdict, forceBytes };
  });

  useEffect(() => {
    if (!view) return undefined;
    const sampler = new TextureSampler(32, 16);
    const direct = new DirectSampler(32, 16);
    const check = new PixelCheck();
    latest.current.onVerdict?.(check.current);
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
      const forced = latest.current.forceBytes;
      const sample =
        forced === 'fail'
          ? { videoSeconds: video.currentTime, rgba: new Uint8Array(pixels.length), direct: direct.sample(video) }
          : forced === 'still'
            ? { videoSeconds: video.currentTime, rgba: dimStill(pixels.length), direct: dimStill(pixels.length) }
            : { videoSeconds: video.currentTime, rgba: pixels, direct: direct.sample(video) };
      const verdict = check.add(sample);
      if (verdict.state !== 'pending') latest.current.onVerdict?.(verdict);
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

/**
 * The video read directly, through a small 2D canvas: tells still footage from a stuck texture. Undefined where
 * the browser will not let the bytes be read (a tainted canvas) or cannot draw the video.
 */
class DirectSampler {
  private readonly context: CanvasRenderingContext2D | null;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    this.context = canvas.getContext('2d', { willReadFrequently: true });
  }

  sample(video: HTMLVideoElement): Uint8Array | undefined {
    if (!this.context) return undefined;
    try {
      this.context.drawImage(video, 0, 0, this.width, this.height);
      const { data } = this.context.getImageData(0, 0, this.width, this.height);
      return new Uint8Array(data.buffer.slice(0));
    } catch {
      return undefined;
    }
  }
}

/** Test hook 'still': a dim grey picture that never changes (a night shot where nothing moves). */
function dimStill(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 4) bytes.set([22, 20, 18, 255], i);
  return bytes;
}
