// What the media session's unit tests play into: happy-dom's real <video> (it keeps paused, currentTime, volume,
// muted, playbackRate and dispatches play/pause), scripted for what happy-dom cannot do (decode: frames, buffered and
// seekable ranges, duration, media errors, the play() promise), and a stand-in for hls.js that emits hls.js's real
// event names and error types. Only for test files that run in happy-dom (`// @vitest-environment happy-dom`).
import { ErrorDetails, ErrorTypes, Events, type ErrorData } from 'hls.js';
import type { HlsModule } from '../../src/media/playback-engine';

type Range = [start: number, end: number];

export interface ScriptedVideo extends HTMLVideoElement {
  /** Shows a frame: runs the pending requestVideoFrameCallback callbacks. */
  presentFrame(): void;
  setBuffered(ranges: Range[]): void;
  setSeekable(ranges: Range[]): void;
  setDuration(seconds: number): void;
  setVideoHeight(height: number): void;
  /** A fatal element error (MediaError code: 2 network, 3 decode, 4 unsupported), as the browser reports it. */
  failWith(code: number, message: string): void;
  /** How the next play() answers: resolve, or reject with a DOMException of that name. */
  nextPlay: 'resolve' | 'NotAllowedError' | 'AbortError';
  /** Every play() call, with `muted` at that moment. */
  readonly plays: { muted: boolean }[];
  /** Listeners currently attached, by event name. */
  listenerCount(): number;
  /** Every value given to `src`, in order. */
  readonly sources: string[];
}

function ranges(list: Range[]): TimeRanges {
  return {
    length: list.length,
    start: (i: number) => list[i]![0],
    end: (i: number) => list[i]![1],
  };
}

/** A <video> from the DOM with the media-decoding parts scripted. `nativeHls`: canPlayType answers for HLS. */
export function scriptedVideo({ nativeHls = false }: { nativeHls?: boolean } = {}): ScriptedVideo {
  const video = document.createElement('video') as ScriptedVideo;
  let buffered = ranges([]);
  let seekable = ranges([]);
  let duration = NaN;
  let videoHeight = 0;
  let error: { code: number; message: string } | null = null;
  const frameCallbacks = new Map<number, VideoFrameRequestCallback>();
  let nextHandle = 1;
  const listeners = new Map<string, Set<unknown>>();
  const plays: { muted: boolean }[] = [];
  const sources: string[] = [];
  const play = video.play.bind(video);
  const add = video.addEventListener.bind(video);
  const remove = video.removeEventListener.bind(video);
  const setAttribute = video.setAttribute.bind(video);

  Object.defineProperties(video, {
    buffered: { get: () => buffered },
    seekable: { get: () => seekable },
    duration: { get: () => duration },
    videoHeight: { get: () => videoHeight },
    error: { get: () => error },
    plays: { value: plays },
    sources: { value: sources },
  });
  video.nextPlay = 'resolve';
  video.canPlayType = (type: string) => (nativeHls && type === 'application/vnd.apple.mpegurl' ? 'maybe' : '');
  video.setAttribute = (name: string, value: string) => {
    // A new source starts from the beginning, as in a browser.
    if (name === 'src') {
      sources.push(value);
      video.currentTime = 0;
    }
    setAttribute(name, value);
  };
  video.play = () => {
    plays.push({ muted: video.muted });
    const answer = video.nextPlay;
    video.nextPlay = 'resolve';
    if (answer === 'resolve') return play();
    return Promise.reject(new DOMException(answer === 'AbortError' ? 'The play() request was interrupted by a call to pause().' : 'play() failed because the user did not interact', answer));
  };
  video.requestVideoFrameCallback = (callback) => {
    const handle = nextHandle++;
    frameCallbacks.set(handle, callback);
    return handle;
  };
  video.cancelVideoFrameCallback = (handle) => void frameCallbacks.delete(handle);
  video.presentFrame = () => {
    const pending = [...frameCallbacks.values()];
    frameCallbacks.clear();
    for (const callback of pending) callback(performance.now(), {} as VideoFrameCallbackMetadata);
  };
  video.setBuffered = (list) => (buffered = ranges(list));
  video.setSeekable = (list) => (seekable = ranges(list));
  video.setDuration = (seconds) => (duration = seconds);
  video.setVideoHeight = (height) => {
    videoHeight = height;
    video.dispatchEvent(new Event('resize'));
  };
  video.failWith = (code, message) => {
    error = { code, message };
    video.dispatchEvent(new Event('error'));
  };
  video.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
    if (!listeners.has(type)) listeners.set(type, new Set());
    listeners.get(type)!.add(listener);
    add(type, listener, options);
  }) as typeof video.addEventListener;
  video.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) => {
    listeners.get(type)?.delete(listener);
    remove(type, listener, options);
  }) as typeof video.removeEventListener;
  video.listenerCount = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
  return video;
}

type Listener = (event: string, data: unknown) => void;

/** hls.js as far as the session and hls-playback.ts use it: the real Events and ErrorTypes, scripted behaviour. */
export class ScriptedHls {
  static readonly Events = Events;
  static readonly ErrorTypes = ErrorTypes;
  static readonly ErrorDetails = ErrorDetails;
  /** Every instance made, in order (the test's window onto what the session did). */
  static instances: ScriptedHls[] = [];

  readonly config: Record<string, unknown>;
  levels: { width: number; height: number; bitrate: number }[] = [
    { width: 1024, height: 512, bitrate: 389_400 },
    { width: 1536, height: 768, bitrate: 796_400 },
    { width: 2048, height: 1024, bitrate: 1_357_400 },
  ];
  autoLevelCapping = -1;
  currentLevel = 0;
  nextLevel = -1;
  latestLevelDetails: { live: boolean } | null = null;
  source: string | null = null;
  media: HTMLMediaElement | null = null;
  startLoads = 0;
  stopLoads = 0;
  mediaRecoveries = 0;
  destroyed = false;
  private readonly listeners = new Map<string, Listener[]>();

  constructor(config: Record<string, unknown> = {}) {
    this.config = { ...config };
    ScriptedHls.instances.push(this);
  }

  on(event: string, listener: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  off(event: string, listener: Listener): void {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
  }

  /** Emits an event the way hls.js does: every listener gets (event name, data). */
  trigger(event: string, data: unknown): void {
    // hls.js makes the level current before it tells of the switch.
    if (event === (Events.LEVEL_SWITCHED as string)) this.currentLevel = (data as { level: number }).level;
    for (const listener of this.listeners.get(event) ?? []) listener(event, data);
  }

  /** A hls.js ERROR event. */
  fail(data: Partial<ErrorData> & Pick<ErrorData, 'type' | 'details' | 'fatal'>): void {
    this.trigger(Events.ERROR, data);
  }

  loadSource(src: string): void {
    this.source = src;
  }

  /** Attaching a MediaSource starts the element from the beginning, as in a browser. */
  attachMedia(media: HTMLMediaElement): void {
    this.media = media;
    media.currentTime = 0;
  }

  startLoad(): void {
    this.startLoads++;
  }

  stopLoad(): void {
    this.stopLoads++;
  }

  recoverMediaError(): void {
    this.mediaRecoveries++;
  }

  destroy(): void {
    this.destroyed = true;
    this.listeners.clear();
  }

  listenerCount(): number {
    return [...this.listeners.values()].reduce((sum, list) => sum + list.length, 0);
  }
}

/** The `loadHls` option: a module whose default export is the stand-in. */
export function loadScriptedHls(): Promise<HlsModule> {
  return Promise.resolve({ default: ScriptedHls, Events, ErrorTypes, ErrorDetails } as unknown as HlsModule);
}

/** Lets MSE report H.264 support (happy-dom has no MediaSource): hls.js is then possible. Returns the undo. */
export function withMediaSource(): () => void {
  const previous = (globalThis as { MediaSource?: unknown }).MediaSource;
  (globalThis as { MediaSource?: unknown }).MediaSource = { isTypeSupported: () => true };
  return () => {
    (globalThis as { MediaSource?: unknown }).MediaSource = previous;
  };
}

/** Lets pending promise callbacks and zero-delay timers run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
