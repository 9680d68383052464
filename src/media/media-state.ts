// What a media session knows about the stream it plays, as the store keeps it for the views: loading progress, the
// first frame, stalls, the rendition and the engine, and the error that stopped it. The media session defines and
// writes it; the store binds it as its media slice.
import type { MediaRefusal } from '../protocol/media-refusal';
import type { PresentationCap } from './presentation-watch';

export type { PresentationCap };

export type MediaStatus = 'idle' | 'loading' | 'playing' | 'stalled' | 'error';
export type LoadingStage = 'manifest' | 'segment' | 'decode';
/** How a stream is played: hls.js over Media Source Extensions, or the browser's own HLS. */
export type ActiveEngine = 'hls.js' | 'native';

export interface MediaError {
  /** Machine-readable: 'network', 'media', 'unsupported', 'manifest', 'other'. */
  kind: 'network' | 'media' | 'unsupported' | 'manifest' | 'other';
  /** The server refused the stream (kind 'network'): why, as it said (src/protocol/media-refusal.ts). */
  refusal?: MediaRefusal;
  /** For logs and the stats overlay; the UI shows a translated message by kind. */
  detail: string;
}

/** Why a stream stands still, in the person's terms (src/media/stall-watch.ts). */
export type StallCause = 'network-slow' | 'unreachable' | 'live-paused';

export interface MediaStall {
  cause: StallCause;
  /** When this stall began (ms since epoch). */
  since: number;
}

export interface Rendition {
  height: number;
  bitrate: number;
}

export interface MediaState {
  status: MediaStatus;
  /** 0..1 until the first frame is shown. */
  progress: number;
  stage: LoadingStage | null;
  error: MediaError | null;
  /** Set while the picture stands still (or, before the first frame, while the stream cannot be reached). */
  stall: MediaStall | null;
  engine: ActiveEngine | null;
  /** The renditions capped by what this device presents smoothly (presentation-watch.ts), and why; null: no cap. */
  cap: PresentationCap | null;
  metrics: {
    timeToFirstFrameMs: number | null;
    stalls: number;
    rendition: Rendition | null;
  };
}

export function initialMediaState(): MediaState {
  return {
    status: 'idle',
    progress: 0,
    stage: null,
    error: null,
    stall: null,
    engine: null,
    cap: null,
    metrics: { timeToFirstFrameMs: null, stalls: 0, rendition: null },
  };
}
