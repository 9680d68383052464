// The location's own picture at a media time, for the production's heat-map: a hidden video of the location's
// stream, seeked to that time, whose frame the map draws under its cells (a canvas can draw a video's current
// frame). One per location on screen; the latest asked time wins, earlier seeks still in flight are dropped.
// hls.js where the browser has Media Source Extensions (it plays every stream here), the browser's own HLS
// otherwise. A stream that cannot be read (a tier the operator's browser holds no pass for, a network failure)
// gives null: the map falls back to the poster and says so.
import type Hls from 'hls.js';
import { engineSupport, loadHlsPlayer } from '../media/playback-engine';

export interface LocationFrame {
  /** The video, showing the frame at `time`: draw it now (it moves on to the next asked time later). */
  video: HTMLVideoElement;
  time: number;
}

/** Longest wait for one frame: a stream that has not given it by then is treated as unreadable. */
const FRAME_TIMEOUT_MS = 15_000;
/** The longest wait for a seeked frame's callback. */
const PRESENT_WAIT_MS = 500;
/** Past the last frame a seek shows nothing new: the last frame a little before the end stands in. */
const END_MARGIN_S = 0.1;

export class LocationFrames {
  private readonly video: HTMLVideoElement;
  private hls: Hls | null = null;
  private ready: Promise<boolean> | null = null;
  private asked = 0;
  private disposed = false;

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

  /** The frame at `seconds`, or null when the stream cannot give it (or a later call superseded this one). */
  async frameAt(seconds: number): Promise<LocationFrame | null> {
    const ticket = ++this.asked;
    if (!(await this.open())) return null;
    if (ticket !== this.asked || this.disposed) return null;
    const video = this.video;
    const end = Number.isFinite(video.duration) ? Math.max(0, video.duration - END_MARGIN_S) : seconds;
    const time = Math.min(Math.max(0, seconds), end);
    const shown = Math.abs(video.currentTime - time) < 0.01 && video.readyState >= 2;
    if (!shown) {
      const seeked = until(video, 'seeked');
      video.currentTime = time;
      if (!(await seeked)) return null;
      if (video.readyState < 2 && !(await until(video, 'loadeddata'))) return null;
      // 'seeked' can come before the new frame is the one a canvas gets: wait for that frame where the browser
      // says when it is ready.
      await presented(video);
    }
    return ticket === this.asked && !this.disposed ? { video, time } : null;
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

/** Resolves once the video has a new frame ready to draw (requestVideoFrameCallback), or after a short wait where
 * the browser lacks it or gives no callback for a video outside the page. */
function presented(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, PRESENT_WAIT_MS);
    if (typeof video.requestVideoFrameCallback !== 'function') return;
    video.requestVideoFrameCallback(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
