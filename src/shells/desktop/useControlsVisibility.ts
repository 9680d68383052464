// When the player controls show, like any video player's: on movement, a touch, a key or focus inside the view, and
// for as long as the video is paused or the pointer or focus is on the controls; while watching, they fade after a
// few idle seconds. Hidden controls stay in the tab order: tabbing to one shows them again.
import { useEffect, useState, type RefObject } from 'react';

/** Idle time before the controls fade while the video plays. */
export const CONTROLS_IDLE_MS = 3_000;

export function useControlsVisibility(host: RefObject<HTMLElement | null>, controls: RefObject<HTMLElement | null>, paused: boolean): boolean {
  const [active, setActive] = useState(true);
  useEffect(() => {
    const element = host.current;
    if (!element) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const held = () => {
      const bar = controls.current;
      return !!bar && (bar.matches(':hover') || bar.contains(document.activeElement));
    };
    const idle = () => {
      if (held()) timer = setTimeout(idle, CONTROLS_IDLE_MS);
      else setActive(false);
    };
    const wake = () => {
      setActive(true);
      clearTimeout(timer);
      timer = setTimeout(idle, CONTROLS_IDLE_MS);
    };
    const events = ['pointermove', 'pointerdown', 'keydown', 'focusin', 'wheel'] as const;
    for (const name of events) element.addEventListener(name, wake, { passive: true });
    wake();
    return () => {
      clearTimeout(timer);
      for (const name of events) element.removeEventListener(name, wake);
    };
  }, [host, controls]);
  return active || paused;
}
