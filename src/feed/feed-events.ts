// A tiny typed event emitter for the feed client: what tests, benchmarks and the stats overlay listen to.
import type { FeedEvent } from '../protocol';

export interface FeedClientEvents {
  /** An event was applied, in order. */
  applied: FeedEvent;
  /** The client caught up after a connect or a gap. */
  resynced: { kind: 'events' | 'snapshot' | 'recovered'; count: number };
  /** A payload failed validation and was dropped. */
  rejected: { reason: string };
}

type Listener<K extends keyof FeedClientEvents> = (payload: FeedClientEvents[K]) => void;

export class FeedEmitter {
  private readonly listeners = new Map<keyof FeedClientEvents, Set<(payload: never) => void>>();

  on<K extends keyof FeedClientEvents>(type: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof FeedClientEvents>(type: K, payload: FeedClientEvents[K]): void {
    const set = this.listeners.get(type) as Set<Listener<K>> | undefined;
    if (set) for (const listener of set) listener(payload);
  }
}
