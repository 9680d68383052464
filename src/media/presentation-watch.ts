// Watches what the device really presents of the playing rendition and caps the renditions where frames start to
// drop: bandwidth-based ABR on a fast network climbs to a rendition the device cannot decode and upload in time (a TV
// or a standalone headset then shows a slideshow in 4K where 2K would have been fluid). Each second it reads the
// element's frame counts (getVideoPlaybackQuality: decoded and dropped) and counts the frames presented
// (requestVideoFrameCallback). Two bad seconds in a row at one size cap the renditions below it; with headroom (many
// good seconds at the cap) the next size up is tried again, and if it drops again the next try waits twice as long.
// What it learns is remembered for the device (presentation-memory.ts). The cap steps one rendition at a time and only
// on drops it measured, so it never holds a device below what it presents smoothly. No React, no three.js.
import { recordDropped, recordSmooth, type PresentationRecord, type PresentationStore } from './presentation-memory';
import { pixelCapOf, pixelsOf, PRESUMED_SMOOTH_PIXELS, type FrameSize } from './smooth-renditions';

export type CapReason =
  /** Frames dropped at the size above the cap, on this visit. */
  | 'frames-dropped'
  /** Frames dropped at that size on an earlier visit (remembered for this device). */
  | 'remembered'
  /** The browser's MediaCapabilities says the size above is not decoded smoothly. */
  | 'capabilities';

/** The renditions allowed: frames up to `maxPixels`; `size` is the largest rendition of the ladder within it. */
export interface PresentationCap {
  maxPixels: number;
  size: FrameSize | null;
  reason: CapReason;
  /** The size whose frames dropped (or that was ruled out): the cap is just below it. */
  droppedAt: FrameSize | null;
}

/** One second of presentation, as the stats and the bench show it. */
export interface PresentationReading {
  size: FrameSize;
  /** Frames presented per second (frame callbacks). */
  presentedPerSecond: number;
  /** Frames decoded per second and the share of them dropped. */
  decodedPerSecond: number;
  droppedShare: number;
}

export interface PresentationWatchConfig {
  sampleMs: number;
  /** A second with at least this share of its decoded frames dropped is a bad one… */
  dropShare: number;
  /** …and this many bad seconds in a row at one size cap below it. */
  badSecondsToCap: number;
  /** A second with at most this share dropped has headroom. */
  headroomShare: number;
  /** Seconds with headroom at the cap before the next size up is tried; doubles after each try that dropped. */
  secondsBeforeLift: number;
  maxSecondsBeforeLift: number;
  /** Seconds with headroom at a size before it counts as smooth for this device. */
  secondsToTrust: number;
  /** Seconds with fewer decoded frames than this say nothing (a pause, a seek, a tab in the background). */
  minFramesPerSample: number;
}

export const DEFAULT_PRESENTATION_CONFIG: PresentationWatchConfig = {
  sampleMs: 1_000,
  dropShare: 0.15,
  badSecondsToCap: 2,
  headroomShare: 0.02,
  secondsBeforeLift: 20,
  maxSecondsBeforeLift: 320,
  secondsToTrust: 10,
  minFramesPerSample: 5,
};

export interface PresentationWatchOptions {
  video: HTMLVideoElement;
  /** The stream's renditions (empty while unknown). */
  ladder: () => readonly FrameSize[];
  /** Whether the picture should be moving now (the session plays, no stall, not paused). */
  playing: () => boolean;
  memory: PresentationStore;
  /** The cap changed (null: none). */
  onCap: (cap: PresentationCap | null) => void;
  config?: Partial<PresentationWatchConfig>;
  setTimer?: (tick: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export class PresentationWatch {
  private readonly config: PresentationWatchConfig;
  private readonly options: PresentationWatchOptions;
  private timer: unknown = null;
  private frameHandle: number | null = null;
  private presented = 0;
  private last: { dropped: number; total: number; pixels: number } | null = null;
  private badSeconds = 0;
  private goodSeconds = 0;
  private secondsBeforeLift: number;
  /** The size the latest lift allowed, until it has held for `secondsToTrust`: a drop there means the lift failed. */
  private liftedTo: number | null = null;
  private cap: PresentationCap | null = null;
  private record: PresentationRecord;
  private reading: PresentationReading | null = null;

  constructor(options: PresentationWatchOptions) {
    this.options = options;
    this.config = { ...DEFAULT_PRESENTATION_CONFIG, ...options.config };
    this.secondsBeforeLift = this.config.secondsBeforeLift;
    this.record = options.memory.read();
  }

  /** The cap that applies now (null: none). */
  get current(): PresentationCap | null {
    return this.cap;
  }

  /** The latest second measured, or null before one. */
  get latest(): PresentationReading | null {
    return this.reading;
  }

  /** The largest frame size allowed now (Infinity: no cap). */
  get maxPixels(): number {
    return this.cap?.maxPixels ?? Infinity;
  }

  /** Starts watching, with the cap this device's record asks for (reported through onCap). */
  start(): void {
    this.stop();
    const remembered = pixelCapOf(this.record);
    if (Number.isFinite(remembered)) this.setCap(remembered, 'remembered', null);
    const setTimer = this.options.setTimer ?? ((tick: () => void, ms: number) => setInterval(tick, ms));
    this.timer = setTimer(() => this.sample(), this.config.sampleMs);
    this.countFrames();
  }

  stop(): void {
    if (this.timer !== null) (this.options.clearTimer ?? ((t: unknown) => clearInterval(t as ReturnType<typeof setInterval>)))(this.timer);
    this.timer = null;
    const video = this.options.video;
    if (this.frameHandle !== null && typeof video.cancelVideoFrameCallback === 'function') video.cancelVideoFrameCallback(this.frameHandle);
    this.frameHandle = null;
    this.last = null;
  }

  /** The browser says frames of `size` are not decoded smoothly: cap below it, as if they had dropped (not remembered:
   * the browser says so again next time). */
  notSmooth(size: FrameSize): void {
    const pixels = pixelsOf(size);
    if (pixels <= 0 || pixels - 1 >= this.maxPixels) return;
    this.setCap(pixels - 1, 'capabilities', size);
  }

  /** One sample: the frames decoded, dropped and presented since the last one, judged at the size playing now. */
  sample(): void {
    const { video } = this.options;
    const quality = typeof video.getVideoPlaybackQuality === 'function' ? video.getVideoPlaybackQuality() : null;
    const presented = this.presented;
    this.presented = 0;
    const size = { width: video.videoWidth, height: video.videoHeight };
    const pixels = pixelsOf(size);
    if (!quality || pixels <= 0) return;
    this.fillSizes();
    const previous = this.last;
    this.last = { dropped: quality.droppedVideoFrames, total: quality.totalVideoFrames, pixels };
    // The first second at a size (a rendition switch drops a frame or two) and seconds that should not move say nothing.
    if (!previous || previous.pixels !== pixels || !this.options.playing()) return this.resetStreaks();
    const total = quality.totalVideoFrames - previous.total;
    const dropped = Math.max(0, quality.droppedVideoFrames - previous.dropped);
    const seconds = this.config.sampleMs / 1000;
    if (total < this.config.minFramesPerSample) return this.resetStreaks();
    const share = Math.min(1, dropped / total);
    this.reading = { size, presentedPerSecond: presented / seconds, decodedPerSecond: total / seconds, droppedShare: share };
    if (share >= this.config.dropShare) this.badSecond(size, pixels);
    else if (share <= this.config.headroomShare) this.goodSecond(pixels);
    else this.goodSeconds = 0;
  }

  private badSecond(size: FrameSize, pixels: number): void {
    this.goodSeconds = 0;
    if (++this.badSeconds < this.config.badSecondsToCap) return;
    this.badSeconds = 0;
    // Already below this size (the engine has not switched down yet): nothing new to learn.
    if (pixels > this.maxPixels) return;
    const smaller = this.options.ladder().some((rung) => pixelsOf(rung) < pixels);
    if (!smaller) return;
    // A lift that dropped again: the next one waits longer.
    if (this.liftedTo !== null && pixels >= this.liftedTo) this.secondsBeforeLift = Math.min(this.config.maxSecondsBeforeLift, this.secondsBeforeLift * 2);
    this.liftedTo = null;
    this.remember(recordDropped(this.record, pixels));
    this.setCap(pixels - 1, 'frames-dropped', size);
  }

  private goodSecond(pixels: number): void {
    this.badSeconds = 0;
    this.goodSeconds++;
    // Smooth for a while above what is presumed: this device presents that size (the next visit may start there).
    // So does a size that had dropped and now holds (a lift that held): the record moves up.
    const outdated = this.record.droppedAt !== null && pixels >= this.record.droppedAt;
    if (this.goodSeconds === this.config.secondsToTrust && this.liftedTo !== null && pixels >= this.liftedTo) this.liftedTo = null;
    if (this.goodSeconds === this.config.secondsToTrust && (outdated || (pixels > PRESUMED_SMOOTH_PIXELS && (this.record.smoothAt ?? 0) < pixels))) {
      this.remember(recordSmooth(this.record, pixels));
    }
    if (this.cap === null || this.goodSeconds < this.secondsBeforeLift) return;
    // Headroom at the largest size allowed: try the next size up.
    const allowed = this.largestWithin(this.cap.maxPixels);
    if (allowed === null || pixelsOf(allowed) !== pixels) return;
    const next = this.nextAbove(pixels);
    this.goodSeconds = 0;
    this.liftedTo = next ? pixelsOf(next) : null;
    if (next === null) return this.setCap(Infinity, this.cap.reason, null);
    // Lifted to the next size only; past it stays capped until that one has shown headroom too.
    this.setCap(this.nextAbove(pixelsOf(next)) === null ? Infinity : pixelsOf(next), this.cap.reason, this.cap.droppedAt);
  }

  private resetStreaks(): void {
    this.badSeconds = 0;
    this.goodSeconds = 0;
  }

  private remember(record: PresentationRecord): void {
    this.record = record;
    this.options.memory.write(record);
  }

  private setCap(maxPixels: number, reason: CapReason, droppedAt: FrameSize | null): void {
    const cap = Number.isFinite(maxPixels) ? { maxPixels, size: this.largestWithin(maxPixels), reason, droppedAt } : null;
    if (cap?.maxPixels === this.cap?.maxPixels && cap?.reason === this.cap?.reason) return;
    this.cap = cap;
    this.options.onCap(cap);
  }

  /** A cap made before the ladder was known (remembered from an earlier visit) names its sizes once it is. */
  private fillSizes(): void {
    const cap = this.cap;
    if (!cap || cap.size !== null) return;
    const size = this.largestWithin(cap.maxPixels);
    if (!size) return;
    this.cap = { ...cap, size, droppedAt: cap.droppedAt ?? this.nextAbove(cap.maxPixels) };
    this.options.onCap(this.cap);
  }

  private largestWithin(maxPixels: number): FrameSize | null {
    let best: FrameSize | null = null;
    for (const rung of this.options.ladder()) if (pixelsOf(rung) <= maxPixels && (!best || pixelsOf(rung) > pixelsOf(best))) best = rung;
    return best;
  }

  private nextAbove(pixels: number): FrameSize | null {
    let next: FrameSize | null = null;
    for (const rung of this.options.ladder()) if (pixelsOf(rung) > pixels && (!next || pixelsOf(rung) < pixelsOf(next))) next = rung;
    return next;
  }

  /** Counts presented frames through the frame callback, where the browser has it. */
  private countFrames(): void {
    const video = this.options.video;
    if (typeof video.requestVideoFrameCallback !== 'function') return;
    const next = () => {
      this.presented++;
      this.frameHandle = video.requestVideoFrameCallback(next);
    };
    this.frameHandle = video.requestVideoFrameCallback(next);
  }
}
