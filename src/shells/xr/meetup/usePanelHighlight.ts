// The target a pointer rests on, on one of the meet-up's canvas panels (the question board, the reactions palette):
// the panel draws it brighter, and the XR test hook reports it as the meet-up's `highlighted`.
import type { ThreeEvent } from '@react-three/fiber';
import { useState } from 'react';
import { targetAtUv } from '../../../xr/meetup-board';
import type { XrHook } from '../xr-hook';

type PickableDrawing = Parameters<typeof targetAtUv>[0];

/** The target at a ray's hit on a panel drawn as `drawing`, or null (off every target, or no texture coordinates). */
export function targetUnder(drawing: PickableDrawing, uv: { x: number; y: number } | undefined): string | null {
  return uv ? targetAtUv(drawing, uv.x, uv.y) : null;
}

export interface PanelHighlight {
  highlighted: string | null;
  /** The mesh's pointer handlers, finding targets in the drawing on show (which itself depends on `highlighted`). */
  pointerHandlers: (drawing: PickableDrawing) => {
    onPointerMove: (event: ThreeEvent<PointerEvent>) => void;
    onPointerLeave: () => void;
  };
}

export function usePanelHighlight(hook: XrHook): PanelHighlight {
  const [highlighted, setHighlighted] = useState<string | null>(null);
  return {
    highlighted,
    pointerHandlers: (drawing) => ({
      onPointerMove: (event) => {
        const target = targetUnder(drawing, event.uv);
        // Moves within one target change nothing: no redraw, no report.
        if (target === highlighted) return;
        setHighlighted(target);
        hook.setMeetup({ highlighted: target });
      },
      // Always reported, even when nothing was highlighted here: the report is shared by the panels.
      onPointerLeave: () => {
        setHighlighted(null);
        hook.setMeetup({ highlighted: null });
      },
    }),
  };
}
