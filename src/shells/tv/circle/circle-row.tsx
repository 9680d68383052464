// The watch overlay's row for the circle. The overlay (WatchControls) lays out a row of its own for the circle, under
// its buttons, so the circle's controls are in the overlay's flow: they never sit over the controls or the captions
// at any screen size, and the D-pad reaches them in order like every other row. The circle's chunk (TvCircle, loaded
// after the first frame with its strings) fills the row through a portal. While the circle's code keypad shows, the
// overlay shows that row alone (the keypad needs the room, and nothing else can be used meanwhile).
import { createContext, createElement, useContext, useMemo, useState, type ReactNode } from 'react';

export interface CircleRow {
  /** The row's element while the overlay shows; null otherwise. */
  slot: HTMLElement | null;
  setSlot: (element: HTMLElement | null) => void;
  /** The code keypad is open: the overlay shows the circle's row alone. */
  keypad: boolean;
  setKeypad: (open: boolean) => void;
}

const NO_ROW: CircleRow = { slot: null, setSlot: () => undefined, keypad: false, setKeypad: () => undefined };
const CircleRowContext = createContext<CircleRow>(NO_ROW);

/** Around the watch screen: the overlay and the circle's chunk meet here. */
export function CircleRowProvider({ children }: { children: ReactNode }) {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const [keypad, setKeypad] = useState(false);
  const row = useMemo<CircleRow>(() => ({ slot, setSlot, keypad, setKeypad }), [slot, keypad]);
  return createElement(CircleRowContext.Provider, { value: row }, children);
}

export function useCircleRow(): CircleRow {
  return useContext(CircleRowContext);
}
