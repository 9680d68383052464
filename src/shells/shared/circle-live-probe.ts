// What browser tests read of a circle on a meet-up's stage, hung on `window.__setvisit` beside the circle client (as
// the circle's time is): this page's latency behind live now, on the shared clock, read in the page so that a busy
// browser delays no reading. Only where the page already has the hook (the app's store); nothing otherwise.
import type { CircleClient } from '../../circles';
import { liveLatencyOf } from '../../circles/live-follow';
import type { TourPlayer } from '../../tour/tour-player';

/** Hangs `circleLiveLatency()` (seconds, or null before the first dated frame) on the page's hook; returns its removal. */
export function exposeCircleLiveLatency(client: CircleClient, player: TourPlayer): () => void {
  const hook = (window as unknown as { __setvisit?: Record<string, unknown> }).__setvisit;
  if (!hook) return () => undefined;
  const read = () => liveLatencyOf({ playingDateMs: player.state.current.session.playingDate?.getTime() ?? null, serverNowMs: client.clock.serverNow() });
  hook.circleLiveLatency = read;
  return () => {
    if (hook.circleLiveLatency === read) delete hook.circleLiveLatency;
  };
}
