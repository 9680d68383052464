// On a phone the meet-up stage sits in a page that scrolls (meetup.css gives its view `touch-action: pan-y`): a
// vertical swipe is the page's, a sideways drag turns the view. The browser takes the vertical pan only once the
// finger has moved past its slop, and hands the page the moves before that: the view under the finger tipped a few
// degrees at the start of every scroll. Here the first clear move of a touch decides: sideways, the view gets the
// drag; up or down, the view hears nothing of it and the page scrolls.

/** How far (CSS px) a finger moves before its direction counts. */
const DECIDE_AFTER_PX = 4;

/**
 * Keeps a touch's vertical swipe from reaching the look controls bound on `view`, where the view lets the page pan
 * vertically. Listens in the capture phase on `view` itself, so it hears each move before the look controls do.
 * Returns the unbinding.
 */
export function letVerticalSwipesScroll(view: HTMLElement): () => void {
  const touches = new Map<number, { x: number; y: number; axis: 'undecided' | 'turn' | 'scroll' }>();
  const onDown = (e: PointerEvent) => {
    if (e.pointerType !== 'touch' || !/pan-y|manipulation|auto/.test(getComputedStyle(view).touchAction)) return;
    touches.set(e.pointerId, { x: e.clientX, y: e.clientY, axis: 'undecided' });
  };
  const onMove = (e: PointerEvent) => {
    const touch = touches.get(e.pointerId);
    if (!touch || touch.axis === 'turn') return;
    if (touch.axis === 'undecided') {
      const dx = Math.abs(e.clientX - touch.x);
      const dy = Math.abs(e.clientY - touch.y);
      if (Math.max(dx, dy) < DECIDE_AFTER_PX) {
        // Too early to tell: the view waits (it turns by the whole move once the drag proves sideways).
        e.stopImmediatePropagation();
        return;
      }
      touch.axis = dx > dy ? 'turn' : 'scroll';
      if (touch.axis === 'turn') return;
    }
    e.stopImmediatePropagation();
  };
  const onEnd = (e: PointerEvent) => {
    touches.delete(e.pointerId);
  };
  view.addEventListener('pointerdown', onDown, { capture: true });
  view.addEventListener('pointermove', onMove, { capture: true });
  view.addEventListener('pointerup', onEnd, { capture: true });
  view.addEventListener('pointercancel', onEnd, { capture: true });
  return () => {
    view.removeEventListener('pointerdown', onDown, { capture: true });
    view.removeEventListener('pointermove', onMove, { capture: true });
    view.removeEventListener('pointerup', onEnd, { capture: true });
    view.removeEventListener('pointercancel', onEnd, { capture: true });
  };
}
