// The reaction burst over the stage: one canvas and one ReactionBurst, fed straight from the store's reaction
// windows (outside React: no state per particle, no re-render per window). The person's own taps show at once;
// the server's window, which includes them, then shows only the rest.
import { useEffect, useRef } from 'react';
import { REACTION_KINDS, type ReactionKind } from '../protocol/meetup';
import { ReactionBurst } from '../meetup/reaction-burst';
import { useServices } from './AppContext';

/** Own taps already drawn, per kind, not yet seen in a server window. */
export type ShownLocally = Map<ReactionKind, number>;

/** `onBurst` hands the burst to the reactions bar (null when it goes); keep it stable (useCallback). */
export function ReactionCanvas({ onBurst }: { onBurst: (burst: ReactionBurst | null) => void }) {
  const { store } = useServices();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const created = new ReactionBurst(canvas);
    // Taps shown by a previous stage (another meet-up, or before a reconnect) are not in this room's windows.
    shownLocally.clear();
    onBurst(created);
    exposeForTests(created);
    let lastSeq = store.getState().meetup.lastWindow?.seq ?? 0;
    const unsubscribe = store.subscribe((state) => {
      const window = state.meetup.lastWindow;
      if (!window || window.seq === lastSeq) return;
      lastSeq = window.seq;
      for (const kind of REACTION_KINDS) {
        const count = window.counts[kind] ?? 0;
        const local = shownLocally.get(kind) ?? 0;
        const fromOthers = Math.max(0, count - local);
        shownLocally.set(kind, Math.max(0, local - count));
        if (fromOthers > 0) created.add(kind, fromOthers);
      }
    });
    return () => {
      unsubscribe();
      created.dispose();
      onBurst(null);
    };
  }, [store, onBurst]);
  return <canvas ref={canvasRef} className="meetup-burst" aria-hidden="true" />;
}

const shownLocally: ShownLocally = new Map();

/** Draws one of the person's own taps now, and remembers it so the server's window does not draw it twice. */
export function showOwnReaction(burst: ReactionBurst | null, kind: ReactionKind): void {
  if (!burst) return;
  burst.add(kind, 1);
  shownLocally.set(kind, (shownLocally.get(kind) ?? 0) + 1);
}

function exposeForTests(burst: ReactionBurst): void {
  const hook = (window as unknown as { __setvisit?: Record<string, unknown> }).__setvisit;
  if (hook) hook.reactionBurst = burst;
}
