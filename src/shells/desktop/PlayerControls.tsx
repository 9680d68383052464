// The player controls over a 360 view (the set tour, a meet-up's stage or replay): play/pause, the timeline with
// the time, the length and what is buffered, a live badge (no scrub past the live edge), the compass with "reset
// view", and full screen. Keyboard (Space/K, J/L, F, R in the view; the timeline is a slider) and touch operable;
// they fade while watching and come back on movement or focus. Playback goes only through the media session's
// commands and readouts (docs/media-session.md).
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type CSSProperties, type ReactNode, type RefObject } from 'react';
import type { MediaSession } from '../../media/media-session';
import { useI18n } from '../../react/AppContext';
import { Compass } from './Compass';
import { formatClock, LIVE_EDGE_TOLERANCE_S, readTimeline, seekTarget, shareOf, SKIP_S, type Timeline } from './player-timeline';
import { useControlsVisibility } from './useControlsVisibility';
import './player-controls.css';

/** How often the time and the buffer are read while the controls show (nothing is read while they are hidden). */
const READ_EVERY_MS = 250;

export interface PlayerControlsProps {
  session: MediaSession;
  live: boolean;
  /** The view the controls sit in: movement and keys there show them; full screen shows it. */
  host: RefObject<HTMLElement | null>;
  /** The footage's front (the location's initial yaw), for the compass. */
  front: number;
  onResetView: () => void;
  /** More buttons for this view (the captions' place). */
  children?: ReactNode;
}

export function PlayerControls({ session, live, host, front, onResetView, children }: PlayerControlsProps) {
  const { t } = useI18n();
  const bar = useRef<HTMLDivElement>(null);
  const paused = useSyncExternalStore(
    (listener) => session.on('paused', listener),
    () => session.paused,
  );
  const [timeline, setTimeline] = useState<Timeline>(() => readTimeline(session, live));
  const [fullscreen, setFullscreen] = useState(false);
  const visible = useControlsVisibility(host, bar, paused);
  const read = useCallback(() => setTimeline(readTimeline(session, live)), [session, live]);
  useEffect(() => {
    // A new session (another location): its readouts on the next tick, then on every seek.
    const first = setTimeout(read, 0);
    const offSeeked = session.on('seeked', read);
    return () => {
      clearTimeout(first);
      offSeeked();
    };
  }, [session, read]);
  useEffect(() => {
    if (!visible) return undefined;
    const timer = setInterval(read, READ_EVERY_MS);
    return () => clearInterval(timer);
  }, [visible, read]);
  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null && document.fullscreenElement === host.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [host]);

  const toggle = useCallback(() => {
    if (session.paused) void session.play();
    else session.pause();
  }, [session]);
  const seek = useCallback(
    (seconds: number) => {
      session.seek(seekTarget(readTimeline(session, live), seconds));
      read();
    },
    [session, live, read],
  );

  // Shortcuts while the view itself has the keyboard (a focused button keeps Space and Enter for itself; the arrows
  // stay the view's, for looking around).
  useEffect(() => {
    const element = host.current;
    if (!element) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.target !== element || e.altKey || e.ctrlKey || e.metaKey) return;
      const key = e.key.toLowerCase();
      if (key === ' ' || key === 'k') toggle();
      else if (key === 'j') seek(session.currentTime - SKIP_S);
      else if (key === 'l') seek(session.currentTime + SKIP_S);
      else if (key === 'f') toggleFullscreen(element);
      else if (key === 'r') onResetView();
      else return;
      e.preventDefault();
    };
    element.addEventListener('keydown', onKey);
    return () => element.removeEventListener('keydown', onKey);
  }, [host, toggle, seek, onResetView, session]);

  const known = timeline.end > timeline.start;
  const behind = timeline.live && timeline.behindLive > LIVE_EDGE_TOLERANCE_S;
  const valueText = timeline.live
    ? behind
      ? t('player.liveValue', { behind: formatClock(timeline.behindLive) })
      : t('player.atLive')
    : t('player.timelineValue', { current: formatClock(timeline.current), duration: formatClock(timeline.end) });
  const track = { '--played': `${shareOf(timeline, timeline.current) * 100}%`, '--buffered': `${shareOf(timeline, timeline.bufferedTo) * 100}%` } as CSSProperties;

  return (
    <div
      ref={bar}
      className={visible ? 'player' : 'player player--hidden'}
      role="group"
      aria-label={t('player.controls')}
      data-testid="player-controls"
      data-visible={visible}
    >
      <button type="button" className="player__button player__play" onClick={toggle} aria-keyshortcuts="K Space" data-testid="play-pause">
        {paused ? <PlayIcon /> : <PauseIcon />}
        <span className="player__label">{paused ? t('player.play') : t('player.pause')}</span>
      </button>
      {!timeline.live && (
        <span className="player__time" data-testid="player-time">
          {formatClock(timeline.current)} / {formatClock(timeline.end)}
        </span>
      )}
      <input
        type="range"
        className="player__timeline"
        style={track}
        aria-label={t('player.timeline')}
        aria-valuetext={valueText}
        min={timeline.start}
        max={timeline.end}
        step={1}
        value={timeline.current}
        disabled={!known}
        onChange={(e) => seek(Number(e.currentTarget.value))}
        data-testid="player-timeline"
        data-buffered={timeline.bufferedTo.toFixed(1)}
      />
      {timeline.live &&
        (behind ? (
          <button type="button" className="player__button player__live player__live--behind" onClick={() => seek(timeline.end)} data-testid="live-badge">
            {t('player.goLive')}
          </button>
        ) : (
          <span className="player__live" data-testid="live-badge">
            {t('player.live')}
          </span>
        ))}
      {children}
      <Compass front={front} onReset={onResetView} />
      <button type="button" className="player__button" onClick={() => toggleFullscreen(host.current)} aria-keyshortcuts="F" data-testid="fullscreen">
        <FullscreenIcon exit={fullscreen} />
        <span className="player__label">{fullscreen ? t('player.exitFullscreen') : t('player.fullscreen')}</span>
      </button>
    </div>
  );
}

/** Full screen for the view (its controls with it), or back out of it. */
function toggleFullscreen(element: HTMLElement | null): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void element?.requestFullscreen?.().catch(() => undefined);
}

function PlayIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <path d="M7 4.5v15l12.5-7.5z" fill="currentColor" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <path d="M6 4.5h4v15H6zM14 4.5h4v15h-4z" fill="currentColor" />
    </svg>
  );
}

function FullscreenIcon({ exit }: { exit: boolean }) {
  const d = exit ? 'M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5' : 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5';
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="2.2" />
    </svg>
  );
}
