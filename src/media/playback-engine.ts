// Chooses how a stream is played (hls.js over Media Source Extensions, or the browser's own HLS) and loads hls.js.
import type * as HlsNamespace from 'hls.js';
import { UNLIMITED, type RenditionLimits } from './rendition-cap';
import { topRung, type StreamFacts, type StreamLadder } from './stream-ladder';
import { readEnginePreference, type EnginePreference } from './engine-preference';
import { NOTHING_KNOWN, type PresentationRecord } from './presentation-memory';
import { knownSmooth } from './smooth-renditions';

export { readEnginePreference, type EnginePreference };
export type PlaybackEngine = 'hls.js' | 'native' | 'none';
export type HlsModule = typeof HlsNamespace;

const PROBE_CODECS = 'video/mp4; codecs="avc1.4d401f,mp4a.40.2"';
const HLS_MIME = 'application/vnd.apple.mpegurl';

/**
 * The texture limit assumed while the renderer has not told its own (the engine is chosen before three.js has
 * arrived): what every WebGL device we target reads at least, phones included (egjs-view360 #384 lists 4096).
 */
export const ASSUMED_MAX_TEXTURE_SIZE = 4096;

export interface EngineSupport {
  /** hls.js can play: MSE (or Safari's ManagedMediaSource) takes H.264. */
  mse: boolean;
  /** The browser plays HLS itself (Safari, Chrome since it ships native HLS, Android, many TVs). */
  native: boolean;
}

export function engineSupport(video: Pick<HTMLVideoElement, 'canPlayType'>): EngineSupport {
  const mediaSource = (globalThis as { ManagedMediaSource?: typeof MediaSource }).ManagedMediaSource ?? globalThis.MediaSource;
  return {
    mse: Boolean(mediaSource && typeof mediaSource.isTypeSupported === 'function' && mediaSource.isTypeSupported(PROBE_CODECS)),
    native: video.canPlayType(HLS_MIME) !== '',
  };
}

/** Whether the browser's own HLS, which has no rendition cap and climbs to the top rendition, can show this stream. */
export function ladderFitsNative(ladder: StreamLadder | null, limits: RenditionLimits): boolean {
  const top = ladder ? topRung(ladder) : null;
  // An unreadable master or a bare media playlist: sizes unknown, so hls.js (which reports errors with retries).
  if (!top || top.width <= 0 || top.height <= 0) return false;
  const texture = Number.isFinite(limits.maxTextureSize) ? limits.maxTextureSize : ASSUMED_MAX_TEXTURE_SIZE;
  return top.width <= texture && top.height <= texture && top.height <= limits.maxHeight;
}

/**
 * Whether the browser's own HLS serves this stream: a VOD whose top rendition fits and this device is known to
 * present smoothly (native HLS cannot be capped: it climbs to the top rendition and stays there however many frames
 * drop; smooth-renditions.ts). Live streams stay with hls.js: Chromium 156's native HLS gives a live stream no
 * seekable range, so the meet-up could not show how far behind live the picture is (test/media/hls-engines.test.ts).
 */
export function nativeServes(facts: StreamFacts | null, limits: RenditionLimits, presentation: PresentationRecord = NOTHING_KNOWN): boolean {
  const top = facts ? topRung(facts.ladder) : null;
  return facts !== null && !facts.live && ladderFitsNative(facts.ladder, limits) && top !== null && knownSmooth(top, presentation);
}

/**
 * The policy: the browser's own HLS where it has it, the stream is VOD and its largest rendition fits what the
 * device can upload and decode (it costs no 182 kB gz download and does its parsing off the main thread); hls.js otherwise,
 * for its rendition caps. Where only one engine exists, that one, whatever the stream.
 */
export function decideEngine(support: EngineSupport, preference: EnginePreference, nativeFits: () => boolean): PlaybackEngine {
  if (!support.mse && !support.native) return 'none';
  if (!support.native) return 'hls.js';
  if (!support.mse) return 'native';
  if (preference === 'hls.js') return 'hls.js';
  if (preference === 'native') return 'native';
  return nativeFits() ? 'native' : 'hls.js';
}

/** Everything known, at one moment, that the engine for a stream depends on. */
export interface EngineKnowledge {
  support: EngineSupport;
  /** The page's override (`?hls=`, read by app/url-params) where it gives one, else the shell's configured policy. */
  preference: EnginePreference;
  /** The browser's own HLS already failed on this stream, or was ruled out for it: hls.js from then on. */
  nativeRuledOut: boolean;
  /** What the stream's playlists say: undefined while unread, null when they could not be read. */
  facts: StreamFacts | null | undefined;
  /** What the renderer can upload and the device decode (the assumed texture limit while the renderer is unknown). */
  limits: RenditionLimits;
  /** Where the choice waits for the playlists: start native HLS at once instead, and check it once they are read. */
  nativeBeforePlaylists: boolean;
  /** What this device is known to present smoothly (nothing known when absent). */
  presentation?: PresentationRecord;
}

/** An engine, or `read-playlists`: the choice depends on the stream's playlists, so read them first and ask again. */
export type EngineChoice = PlaybackEngine | 'read-playlists';

/**
 * The one place the engine is chosen: at the start of a load, when the playlists arrive, when the renderer's limits
 * change and when native HLS fails. The session asks again with what it knows then, and hands a native stream over
 * to hls.js when the answer changes.
 */
export function chooseEngine(known: EngineKnowledge): EngineChoice {
  const preference = known.nativeRuledOut && known.preference !== 'native' ? 'hls.js' : known.preference;
  const unread = known.facts === undefined;
  const settled = decideEngine(known.support, preference, () => false) === decideEngine(known.support, preference, () => true);
  if (unread && !settled) return known.nativeBeforePlaylists ? 'native' : 'read-playlists';
  return decideEngine(known.support, preference, () => !unread && nativeServes(known.facts ?? null, known.limits, known.presentation));
}

/** Whether a session with this choice reads the stream's playlists: to decide, to check a native start, or to name
 * the renditions native HLS switches to (it does not say their bitrates itself). */
export function readsPlaylists(choice: EngineChoice): boolean {
  return choice === 'native' || choice === 'read-playlists';
}

/** Whether this browser will need hls.js whatever the stream (no native HLS, or hls.js asked for). */
export function needsHlsPlayer(support: EngineSupport, preference: EnginePreference): boolean {
  return chooseEngine({ support, preference, nativeRuledOut: false, facts: undefined, limits: UNLIMITED, nativeBeforePlaylists: false }) === 'hls.js';
}

/**
 * The full hls.js, not hls.js/light: light is 65 kB gz smaller (no alternate audio, subtitle tracks, DRM, CMCD,
 * interstitials, none of which our muxed streams use), but with it a truncated segment stalled playback for good in
 * Chromium (test/browser/broken-streams.test.ts), which the full build recovers from.
 */
export function loadHlsPlayer(): Promise<HlsModule> {
  return import('hls.js');
}

/** The URL of hls.js's worker build (transmuxing off the main thread); bundled ESM hls.js has no inline worker. */
export function loadHlsWorkerUrl(): Promise<string> {
  return import('hls.js/dist/hls.worker.js?url').then((m) => m.default);
}

/**
 * Starts downloading hls.js where it will certainly play the stream (no native HLS, or `?hls=js`), so that it
 * arrives while the tour file loads rather than after it; the session's own import then finds it in the module
 * cache. Where native HLS may serve, the session decides once it has read the stream's ladder, and the page
 * downloads hls.js only if it is chosen. Pages that never play video never call this.
 */
export function prefetchHlsPlayer(preference: EnginePreference): void {
  if (typeof document === 'undefined') return;
  const support = engineSupport(document.createElement('video'));
  if (!needsHlsPlayer(support, preference)) return;
  // A failed prefetch is not an error: the session's own load reports it, with Retry.
  loadHlsPlayer().catch(() => undefined);
}

