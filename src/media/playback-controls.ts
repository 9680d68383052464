// The media session's commands and readouts over its <video>: what every view and feature (circles, spatial audio)
// uses instead of the raw element. The session (media-session.ts) adds the stream, its engine and its recovery.
import { TypedEmitter, type MediaSessionEvents } from './media-events';
import { bufferedAheadOf, checkedNumber, liveEdgeOf } from './media-readouts';

/** Element events the controls report for the element's whole life (removed on dispose). */
const CONTROL_EVENTS = ['play', 'pause', 'seeked'] as const;

export abstract class PlaybackControls {
  /** The element the view draws from, mounts and reads captions from; the session owns it and its lifetime.
   * Playback goes through the commands below, never through the element. */
  readonly video: HTMLVideoElement;
  protected readonly events = new TypedEmitter<MediaSessionEvents>();
  /** Paused by the pause command: recoveries and hand-overs do not start playback again until play(). */
  protected held = false;
  protected disposed = false;

  protected constructor(video: HTMLVideoElement) {
    // Muted + inline is what lets autoplay start without a tap on every browser.
    video.muted = true;
    video.playsInline = true;
    video.loop = true;
    video.crossOrigin = 'anonymous';
    video.preload = 'auto';
    for (const name of CONTROL_EVENTS) video.addEventListener(name, this.onControlEvent);
    this.video = video;
  }

  /** Listens to one typed event (media-events.ts); returns the unsubscribe. */
  on<K extends keyof MediaSessionEvents>(event: K, listener: (data: MediaSessionEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  off<K extends keyof MediaSessionEvents>(event: K, listener: (data: MediaSessionEvents[K]) => void): void {
    this.events.off(event, listener);
  }

  /** The picture's media time, in seconds. */
  get currentTime(): number {
    return this.video.currentTime;
  }

  get paused(): boolean {
    return this.video.paused;
  }

  get muted(): boolean {
    return this.video.muted;
  }

  get volume(): number {
    return this.video.volume;
  }

  get playbackRate(): number {
    return this.video.playbackRate;
  }

  /** Seconds; NaN before the stream's length is known, Infinity for a live stream (as the element says). */
  get duration(): number {
    return this.video.duration;
  }

  /** Seconds of stream buffered past the picture: how long playback could go on if the network stopped now. */
  get bufferedAhead(): number {
    return bufferedAheadOf(this.video.buffered, this.video.currentTime);
  }

  /** The live edge in media time, for a live stream; null for VOD (or while it is not known yet). */
  get liveEdge(): number | null {
    return this.isLive() ? liveEdgeOf(this.video.seekable) : null;
  }

  /** Frames decoded and dropped since the stream started (null where the browser does not count them). */
  get frames(): { dropped: number; total: number } | null {
    const quality = this.video.getVideoPlaybackQuality?.();
    return quality ? { dropped: quality.droppedVideoFrames, total: quality.totalVideoFrames } : null;
  }

  /**
   * Starts (or resumes) playback. Resolves true once the element plays, false when it was interrupted (a pause or a
   * new load came first) or refused; never rejects. Refused with sound, it plays muted, as every browser allows.
   */
  play(): Promise<boolean> {
    this.held = false;
    return this.startPlaying();
  }

  pause(): void {
    this.held = true;
    this.video.pause();
  }

  /** Moves the picture to `seconds`, kept inside the stream (from 0 to its end, where it has one). */
  seek(seconds: number): void {
    checkedNumber('seek position', seconds, -Infinity, Infinity);
    const end = Number.isFinite(this.video.duration) ? this.video.duration : Infinity;
    this.video.currentTime = Math.min(end, Math.max(0, seconds));
  }

  setMuted(muted: boolean): void {
    this.video.muted = muted;
  }

  /** 0 (silent) to 1 (full). */
  setVolume(volume: number): void {
    this.video.volume = checkedNumber('volume', volume, 0, 1);
  }

  /** 1 is normal speed; the range is what browsers accept (Chromium refuses outside 1/16…16). */
  setPlaybackRate(rate: number): void {
    this.video.playbackRate = checkedNumber('playback rate', rate, 0.0625, 16);
  }

  /** Whether the stream is live (its liveEdge is then read from the element). */
  protected abstract isLive(): boolean;

  /** The element's play(), its promise handled: an interrupted play (by pause() or a new source) is no error. */
  protected startPlaying(): Promise<boolean> {
    let attempt: Promise<void>;
    try {
      attempt = Promise.resolve(this.video.play());
    } catch (err) {
      attempt = Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    return attempt.then(
      () => true,
      (err: unknown) => {
        // Autoplay refused (sound on without a gesture): fall back to muted, which every browser allows.
        if ((err as { name?: unknown } | null)?.name === 'NotAllowedError' && !this.video.muted && !this.disposed) {
          this.video.muted = true;
          return this.startPlaying();
        }
        // AbortError: "the play() request was interrupted" by a pause or a new source. Not a failure of playback.
        return false;
      },
    );
  }

  /** Lets go of the element's listeners and of every event listener. */
  protected disposeControls(): void {
    this.disposed = true;
    this.events.removeAll();
    for (const name of CONTROL_EVENTS) this.video.removeEventListener(name, this.onControlEvent);
  }

  private readonly onControlEvent = (event: Event): void => {
    if (event.type === 'seeked') this.events.emit('seeked', { mediaTime: this.video.currentTime });
    else this.events.emit('paused', { paused: this.video.paused });
  };
}
