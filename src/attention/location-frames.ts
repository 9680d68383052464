// The location's own picture at a media time, for the production's heat-map: a hidden video of the location's
// stream, seeked to that time, whose decoded frame is copied for the map to draw under its cells. One per location on screen; the latest asked time wins, earlier seeks still in flight are dropped.
// hls.js where the browser has Media Source Extensions (it plays every stream here), the browser's own HLS
// otherwise. A stream that cannot be read (a tier the operator's browser holds no pass for, a network failure)
// gives null: the map falls back to the poster and says so.
import type Hls from 'hls.js';
import { engineSupport, loadHlsPlayer } from '../media/playback-engine';

export interface LocationFrame {
  /** A copy of the decoded frame at `time` (the video moves on to the next asked time; this stays). */
  image: HTMLCanvasElement;
  /** The asked time. */
  time: number;
  /** The presentation time of the frame copied, as the browser reported it (NaN where it cannot say). */
  frameTime: number;
}

/** Longest wait for one frame: a stream that has not given it by then is treated as unreadable. */
const FRAME_TIMEOUT_MS = 15_000;
/** A presented frame this near the asked time is the seek's (frames of the footage are 40 ms apart). */
const FRAME_MATCH_S = 0.1;
/** The copy's width at most: the map is drawn a few hundred pixels wide. */
const COPY_WIDTH = 1024;
/** Past the last frame a seek shows nothing new: the last frame a little before the end stands in. */
const END_MARGIN_S = 0.1;

export class LocationFrames {
  private readonly video: HTMLVideoElement;
  private hls: Hls | null = null;
  private ready: Promise<boolean> | null = null;
  private asked = 0;
  private disposed = false;
  /** The last frame copied, and its asked time (asked again, it is not sought again). */
  private last: { image: HTMLCanvasElement; frameTime: number; time: number } | null = null;

  constructor(
    private readonly stream: string,
    private readonly loadHls: typeof loadHlsPlayer = loadHlsPlayer,
  ) {
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.preload = 'auto';
    video.crossOrigin = 'anonymous';
    this.video = video;
  }

  /** Seconds of media, once the stream's metadata is read (NaN before, Infinity for a live stream). */
  get duration(): number {
    return this.video.duration;
  }

  /**
   * The frame at `seconds`, or null when the stream cannot give it (or a later call superseded this one). It
   * resolves once that frame is really decoded, not at 'seeked': under load 'seeked' comes while the video still
   * shows the frame before the seek, and a copy taken then showed it for seconds, until the map's next redraw. The
   * browser says which frame it presents (requestVideoFrameCallback, registered before the seek so that a frame
   * presented before 'seeked' is not missed); the copy is taken in that callback, of that frame.
   */
  async frameAt(seconds: number): Promise<LocationFrame | null> {
    const ticket = ++this.asked;
    if (!(await this.open())) return null;
    if (ticket !== this.asked || this.disposed) return null;
    const video = this.video;
    const end = Number.isFinite(video.duration) ? Math.max(0, video.duration - END_MARGIN_S) : seconds;
    const time = Math.min(Math.max(0, seconds), end);
    let frame: { image: HTMLCanvasElement; frameTime: number } | null;
    if (this.last && Math.abs(this.last.time - time) < 0.01) frame = this.last;
    // Already there (the first frame, at 0): no seek would present another frame.
    else if (!this.last && Math.abs(video.currentTime - time) < 0.01 && !video.seeking) frame = { image: copy(video), frameTime: video.currentTime };
    else {
      const decoded = presentedNear(video, time);
      const seeked = until(video, 'seeked');
      video.currentTime = time;
      const [ok, presented] = await Promise.all([seeked, decoded.frame]);
      decoded.cancel();
      if (!ok || ticket !== this.asked || this.disposed) return null;
      // Without requestVideoFrameCallback (older browsers) 'seeked' is all there is to go by.
      frame = presented ?? (decoded.supported ? null : { image: copy(video), frameTime: Number.NaN });
      if (!frame) return null;
      this.last = { ...frame, time };
    }
    return ticket === this.asked && !this.disposed ? { image: frame.image, frameTime: frame.frameTime, time } : null;
  }

  private open(): Promise<boolean> {
    return (this.ready ??= this.attach());
  }

  private async attach(): Promise<boolean> {
    const video = this.video;
    const metadata = until(video, 'loadedmetadata');
    if (engineSupport(video).mse) {
      try {
        const { default: HlsPlayer } = await this.loadHls();
        if (this.disposed) return false;
        // The lowest rendition is plenty for a map drawn a few hundred pixels wide, and the quickest to seek.
        const hls = new HlsPlayer({ startLevel: 0, capLevelToPlayerSize: false, maxBufferLength: 4, maxMaxBufferLength: 8, enableWorker: false });
        this.hls = hls;
        // One rendition for good: were the player to climb to another, the paused picture under the map would
        // change with it, between two drawings of the same time.
        hls.on(HlsPlayer.Events.MANIFEST_PARSED, () => {
          hls.autoLevelCapping = 0;
        });
        hls.on(HlsPlayer.Events.ERROR, (_event, data) => {
          if (data.fatal) video.dispatchEvent(new Event('error'));
        });
        hls.loadSource(this.stream);
        hls.attachMedia(video);
      } catch {
        return false;
      }
    } else {
      video.src = this.stream;
    }
    // Seeks wait for the first frame to be decoded: a seek sent before it can leave that first frame on show.
    return (await metadata) && (video.readyState >= 2 || (await until(video, 'loadeddata')));
  }

  dispose(): void {
    this.disposed = true;
    this.hls?.destroy();
    this.hls = null;
    this.video.removeAttribute('src');
    this.video.load();
  }
}

/** Resolves true on `event`, false on an error or after FRAME_TIMEOUT_MS. */
function until(video: HTMLVideoElement, event: 'seeked' | 'loadedmetadata' | 'loadeddata'): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      video.removeEventListener(event, onEvent);
      video.removeEventListener('error', onError);
      resolve(ok);
    };
    const onEvent = () => done(true);
    const onError = () => done(false);
    const timer = setTimeout(() => done(false), FRAME_TIMEOUT_MS);
    video.addEventListener(event, onEvent);
    video.addEventListener('error', onError);
  });
}

/**
 * The first frame the browser presents within FRAME_MATCH_S of `time`, copied in its callback; null after
 * FRAME_TIMEOUT_MS. `supported` is false where the browser has no requestVideoFrameCallback.
 */
function presentedNear(video: HTMLVideoElement, time: number): { frame: Promise<{ image: HTMLCanvasElement; frameTime: number } | null>; supported: boolean; cancel(): void } {
  if (typeof video.requestVideoFrameCallback !== 'function') return { frame: Promise.resolve(null), supported: false, cancel: () => {} };
  let handle = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = new Promise<{ image: HTMLCanvasElement; frameTime: number } | null>((resolve) => {
    timer = setTimeout(() => resolve(null), FRAME_TIMEOUT_MS);
    const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
      if (Math.abs(metadata.mediaTime - time) <= FRAME_MATCH_S) {
        clearTimeout(timer);
        resolve({ image: copy(video), frameTime: metadata.mediaTime });
      } else handle = video.requestVideoFrameCallback(onFrame);
    };
    handle = video.requestVideoFrameCallback(onFrame);
  });
  return {
    frame,
    supported: true,
    cancel: () => {
      clearTimeout(timer);
      video.cancelVideoFrameCallback(handle);
    },
  };
}

/** The video's current frame, copied at most COPY_WIDTH wide. */
function copy(video: HTMLVideoElement): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const scale = Math.min(1, COPY_WIDTH / Math.max(1, video.videoWidth));
  canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
  canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
  canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
  return canvas;
}
