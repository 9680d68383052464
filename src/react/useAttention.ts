// Attention (src/attention) for React: the sampler runs while a tour player's view is on screen, reading the view
// direction, what plays, and whether the page is visible; reports go over the feed's socket. The viewer's choice
// is one object per page, over the device's remembered setting, shared by the notice and every sampler.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { AttentionSampler } from '../attention/attention-sampler';
import { createAttentionChoice, type AttentionChoice } from '../attention/attention-choice';
import { ATTENTION_EVENTS } from '../protocol/attention-events';
import type { TourPlayer } from '../tour/tour-player';
import { useServices } from './AppContext';
import { useAfterFirstFrame } from './AfterFirstFrame';
import { useViewDirection } from './useViewDirection';
import { loadWhenOnline } from '../app/load-when-online';

let choice: AttentionChoice | undefined;
/** The page's one choice object (made on first use). */
export function attentionChoice(): AttentionChoice {
  return (choice ??= createAttentionChoice());
}

/** Whether the viewer has switched attention sampling off, and the switch. */
export function useAttentionOptOut(): [boolean, (off: boolean) => void] {
  const c = attentionChoice();
  const optedOut = useSyncExternalStore(
    (listener) => c.subscribe(listener),
    () => c.optedOut,
  );
  return [optedOut, (off) => c.setOptedOut(off)];
}

/** A meet-up's stage: reported as `meetup:<id>`. */
export interface AttentionStage {
  meetupId: string;
  /** Live while the meet-up is: turns go within a second, for the host's radar. */
  live: boolean;
  /** The time reports carry instead of the media time (a live stage's position in the show); null: the media time. */
  mediaTime?: (video: HTMLVideoElement) => number | null;
}

/** Samples while `player`'s current location plays. */
export function useAttentionSampler(player: TourPlayer | null, stage?: AttentionStage): void {
  const { projectId, feedSend } = useServices();
  const direction = useViewDirection();
  const stageId = stage?.meetupId;
  const live = stage?.live ?? false;
  // Read at each sample: a new function from a re-render must not restart the sampler.
  const stageTime = useRef(stage?.mediaTime);
  useEffect(() => {
    stageTime.current = stage?.mediaTime;
  });
  const afterFirstFrame = useAfterFirstFrame();
  useEffect(() => {
    if (!player || !feedSend || !afterFirstFrame) return undefined;
    // The sampler loads after the view is up: nothing is sampled before the first frame, and its code stays out of
    // the JavaScript the tour needs to show that frame.
    let stop: (() => void) | undefined;
    let cancelled = false;
    void loadWhenOnline(() => import('../attention/attention-sampler')).then(({ AttentionSampler }) => {
      if (cancelled) return;
      const sampler = new AttentionSampler({
        direction,
        choice: attentionChoice(),
        visible: () => document.visibilityState === 'visible',
        context: () => {
          const { location, session } = player.state.current;
          const video = session.video;
          const playing = !video.paused && !video.ended && video.readyState >= 2;
          return {
            projectId,
            locationId: stageId ? `meetup:${stageId}` : location.id,
            half: location.projection === 'equirect180',
            mediaTime: stageTime.current?.(video) ?? (Number.isFinite(video.currentTime) ? video.currentTime : 0),
            playing,
            live,
          };
        },
        transport: {
          report: (report) => feedSend(ATTENTION_EVENTS.report, report),
          optOut: (p) => void feedSend(ATTENTION_EVENTS.optOut, { p }),
        },
      });
      // The batch taken before the page is hidden goes as it hides (the page may be frozen afterwards).
      const onVisibility = () => {
        if (document.visibilityState !== 'visible') sampler.flush();
      };
      document.addEventListener('visibilitychange', onVisibility);
      exposeForTests(sampler);
      stop = () => {
        document.removeEventListener('visibilitychange', onVisibility);
        sampler.dispose();
      };
    }, (error: unknown) => {
      // Tried again when back online and a few times more: the tour goes on without it (nothing is sampled).
      console.warn('SetVisit: the attention sampler could not be loaded; nothing is sampled on this page.', error);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [player, feedSend, projectId, direction, stageId, live, afterFirstFrame]);
}

/** Browser tests and the benchmark read the sampler's counters (bytes sent) here; it holds no secrets. */
function exposeForTests(sampler: AttentionSampler): void {
  const hook = (window as unknown as { __setvisit?: Record<string, unknown> }).__setvisit;
  if (hook) hook.attention = sampler;
}
