// Runs a callback once before the next paint, so bursts of work collapse into one update per frame.
export type ScheduleFrame = (callback: () => void) => void;

/** requestAnimationFrame while the page is visible; a short timer when hidden (rAF stops there) or outside a browser. */
export const scheduleNextFrame: ScheduleFrame = (callback) => {
  const visible = typeof document === 'undefined' || document.visibilityState === 'visible';
  if (typeof requestAnimationFrame === 'function' && visible) requestAnimationFrame(callback);
  else setTimeout(callback, 16);
};
