// Owns part 2 of the meet-up benchmark: what applying the storm costs a client per frame. The windows one backer
// received during the storm are replayed on a 60 Hz frame clock through the client's own path: the window's
// validation (src/meetup/room-messages.ts), the store write (patchMeetup) and the reaction particles
// (src/meetup/particle-pool.ts: add per window, step per frame). Drawing the particles is not included: it needs a
// canvas (at most `capacity` drawImage calls a frame, see reaction-burst.ts).
import { ParticlePool, DEFAULT_PARTICLE_BUDGET } from '../../src/meetup/particle-pool';
import { check, RoomReactionsMessage } from '../../src/meetup/room-messages';
import { REACTION_KINDS } from '../../src/protocol/meetup';
import { createAppStore, patchMeetup } from '../../src/store/app-store';
import type { ReceivedWindow } from './meetup-audience';
import { distribution, type Distribution } from './stats';

export interface ClientCostResult {
  frames: number;
  windows: number;
  /** Main-thread time per frame (windows that arrived since the last frame applied, then one particle step). */
  perFrameMs: Distribution;
  /** Frames that applied a window: the heavier ones. */
  perWindowFrameMs: Distribution;
  maxAlive: number;
  /** Reactions the budget showed as particles, and those it summed into the on-screen count instead. */
  shown: number;
  notShown: number;
  rejectedWindows: number;
}

const FRAME_MS = 1000 / 60;

export function measureClientCost(windows: ReceivedWindow[], repeats: number): ClientCostResult {
  const frameTimes: number[] = [];
  const windowFrameTimes: number[] = [];
  let maxAlive = 0;
  let shown = 0;
  let offered = 0;
  let rejected = 0;
  const lastAt = windows.at(-1)?.receivedAt ?? 0;
  for (let r = 0; r < repeats; r++) {
    const store = createAppStore();
    const pool = new ParticlePool();
    let next = 0;
    for (let t = 0; t <= lastAt + DEFAULT_PARTICLE_BUDGET.lifeMs; t += FRAME_MS) {
      const started = performance.now();
      let applied = false;
      while (next < windows.length && windows[next]!.receivedAt <= t) {
        const message = check(RoomReactionsMessage, windows[next++]!.payload);
        if (!message.ok) {
          rejected++;
          continue;
        }
        applied = true;
        patchMeetup(store, { totals: message.value.totals, lastWindow: { seq: next, counts: message.value.counts } });
        for (const kind of REACTION_KINDS) {
          const n = message.value.counts[kind];
          if (!n) continue;
          pool.add(kind, n);
          offered += n;
        }
      }
      shown += pool.step(FRAME_MS);
      const spent = performance.now() - started;
      frameTimes.push(spent);
      if (applied) windowFrameTimes.push(spent);
      maxAlive = Math.max(maxAlive, pool.alive);
    }
  }
  return {
    frames: frameTimes.length / repeats,
    windows: windows.length,
    perFrameMs: distribution(frameTimes),
    perWindowFrameMs: distribution(windowFrameTimes),
    maxAlive,
    shown: shown / repeats,
    notShown: (offered - shown) / repeats,
    rejectedWindows: rejected / repeats,
  };
}
