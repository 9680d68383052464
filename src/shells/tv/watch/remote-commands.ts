// What the remote does in "Watch the set", as plain functions the screen and tests share: which arrow pans which
// way, and what each media key does through the media session's commands. No React, no DOM.
import type { RemoteAction } from '../../../tv/remote-keys';

/** LookController's key names: it keeps held-key state and accelerates per frame, not per key repeat. */
export type LookKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

const LOOK_KEYS: Partial<Record<string, LookKey>> = { left: 'ArrowLeft', right: 'ArrowRight', up: 'ArrowUp', down: 'ArrowDown' };

/** The LookController key for an arrow action (whatever key name or code the TV sent), else null. */
export function lookKeyOf(action: RemoteAction): LookKey | null {
  return LOOK_KEYS[action.action] ?? null;
}

export const SEEK_STEP_SECONDS = 10;

/** The media session's commands and readouts the media keys use (src/media/playback-controls.ts). */
export interface PlayableMedia {
  paused: boolean;
  currentTime: number;
  /** NaN while unknown, Infinity for a live stream. */
  duration: number;
  /** The session's play(): never rejects (an interrupted start resolves false), so a quick Play/Pause pair raises nothing. */
  play(): Promise<boolean>;
  pause(): void;
  seek(seconds: number): void;
}

export type MediaCommand = 'play' | 'pause' | 'playPause' | 'stop' | 'rewind' | 'fastForward';

export function mediaCommandOf(action: RemoteAction): MediaCommand | null {
  switch (action.action) {
    case 'play':
    case 'pause':
    case 'playPause':
    case 'stop':
    case 'rewind':
    case 'fastForward':
      return action.action;
    default:
      return null;
  }
}

/**
 * Runs a media key (or its on-screen control). Stop pauses and goes back to the start: a set tour has nothing to
 * close. Seeking stays inside the video (a live stream's duration is Infinity: only the start bounds it).
 */
export function runMediaCommand(media: PlayableMedia, command: MediaCommand): void {
  switch (command) {
    case 'play':
      void media.play();
      return;
    case 'pause':
      media.pause();
      return;
    case 'playPause':
      if (media.paused) void media.play();
      else media.pause();
      return;
    case 'stop':
      media.pause();
      media.seek(0);
      return;
    case 'rewind':
    case 'fastForward': {
      const step = command === 'rewind' ? -SEEK_STEP_SECONDS : SEEK_STEP_SECONDS;
      const end = Number.isFinite(media.duration) ? Math.max(0, media.duration - 0.5) : Infinity;
      media.seek(Math.min(end, Math.max(0, media.currentTime + step)));
      return;
    }
  }
}
