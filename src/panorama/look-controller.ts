// Where the viewer looks (yaw, pitch, field of view) and how drags, swipes, the wheel and held arrow keys
// move it. Plain TypeScript over DOM events; the 3D view only reads `yaw`/`pitch`/`fov` each frame.
import { wrapDegrees } from '../view';

export { wrapDegrees };

export interface LookLimits {
  /** Pitch stops short of the poles, where equirect footage is most stretched. */
  maxPitchDeg: number;
  minFovDeg: number;
  maxFovDeg: number;
  /** Panning speed when an arrow key is first pressed, and the speed it accelerates to while held. */
  keyStartDegPerSec: number;
  keyMaxDegPerSec: number;
  /** Time for a held key to reach full speed: fine aim with a tap, fast sweeps with a hold. */
  keyAccelerationMs: number;
}

export const DEFAULT_LOOK_LIMITS: LookLimits = {
  maxPitchDeg: 85,
  minFovDeg: 35,
  maxFovDeg: 100,
  keyStartDegPerSec: 45,
  keyMaxDegPerSec: 150,
  keyAccelerationMs: 700,
};

type Direction = 'left' | 'right' | 'up' | 'down';
const KEY_DIRECTIONS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

export class LookController {
  /** Degrees; 0 is the footage's centre, positive turns right. Kept in (-180, 180]. */
  yaw: number;
  /** Degrees; positive looks up. */
  pitch: number;
  fov: number;
  private readonly held = new Map<Direction, number>();
  private readonly listeners = new Set<() => void>();
  private drag: { pointerId: number; x: number; y: number } | null = null;

  constructor(
    initial: { yaw?: number; pitch?: number; fov?: number } = {},
    private readonly limits: LookLimits = DEFAULT_LOOK_LIMITS,
  ) {
    this.yaw = 0;
    this.pitch = 0;
    this.fov = initial.fov ?? 75;
    this.lookAt(initial.yaw ?? 0, initial.pitch ?? 0);
  }

  /** Notified whenever the view should be redrawn (a move, or a key starting to be held). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts over at a view (a new location): held keys and a drag in progress end, the zoom goes back too. */
  reset(initial: { yaw: number; pitch: number; fov?: number }): void {
    this.held.clear();
    this.drag = null;
    this.fov = initial.fov ?? 75;
    this.lookAt(initial.yaw, initial.pitch);
  }

  lookAt(yaw: number, pitch: number): void {
    this.yaw = wrapDegrees(yaw);
    this.pitch = clamp(pitch, -this.limits.maxPitchDeg, this.limits.maxPitchDeg);
    this.notify();
  }

  /** Moves the view by a drag of (dx, dy) pixels in a viewport `heightPx` tall: the set follows the finger. */
  dragBy(dx: number, dy: number, heightPx: number): void {
    const degPerPx = this.fov / Math.max(1, heightPx);
    this.lookAt(this.yaw - dx * degPerPx, this.pitch + dy * degPerPx);
  }

  zoomBy(deltaDeg: number): void {
    this.fov = clamp(this.fov + deltaDeg, this.limits.minFovDeg, this.limits.maxFovDeg);
    this.notify();
  }

  get isMoving(): boolean {
    return this.held.size > 0;
  }

  /** Advances held-key panning by `dtMs`; returns whether the view is still moving. Runs per drawn frame while a
   * key is held, so it allocates nothing. */
  update(dtMs: number, nowMs: number): boolean {
    if (this.held.size === 0) return false;
    this.lookAt(
      this.yaw + this.keyStep('right', dtMs, nowMs) - this.keyStep('left', dtMs, nowMs),
      this.pitch + this.keyStep('up', dtMs, nowMs) - this.keyStep('down', dtMs, nowMs),
    );
    return true;
  }

  /** Degrees a held key turns the view in `dtMs`: slow at first for fine aim, faster the longer it is held. */
  private keyStep(direction: Direction, dtMs: number, nowMs: number): number {
    const since = this.held.get(direction);
    if (since === undefined) return 0;
    const ramp = Math.min(1, (nowMs - since) / this.limits.keyAccelerationMs);
    const speed = this.limits.keyStartDegPerSec + (this.limits.keyMaxDegPerSec - this.limits.keyStartDegPerSec) * ramp;
    // A long frame (tab switch, GC) must not jump the view: cap the step.
    return (speed * Math.min(dtMs, 100)) / 1000;
  }

  /** Key handling, for whichever element owns the keyboard. Returns whether the key was used. */
  keyDown(key: string, nowMs: number): boolean {
    const direction = KEY_DIRECTIONS[key];
    if (!direction) return false;
    // Key repeat fires keydown again; keep the original press time so acceleration is not reset.
    if (!this.held.has(direction)) {
      this.held.set(direction, nowMs);
      this.notify();
    }
    return true;
  }

  keyUp(key: string): boolean {
    const direction = KEY_DIRECTIONS[key];
    if (!direction) return false;
    this.held.delete(direction);
    return true;
  }

  releaseAllKeys(): void {
    this.held.clear();
  }

  /** Wires pointer (mouse, touch, pen), wheel and keyboard input on `element`; returns the unbinding. */
  bind(element: HTMLElement, keyTarget: Window | HTMLElement = window): () => void {
    const onPointerDown = (e: PointerEvent) => {
      // A press on a control (Retry, Sound, a hotspot) is the control's: capturing the pointer here would
      // retarget its click to the view, and the button would never hear it.
      if (e.button !== 0 || this.drag || isControl(e.target)) return;
      this.drag = { pointerId: e.pointerId, x: e.clientX, y: e.clientY };
      element.setPointerCapture(e.pointerId);
    };
    const onPointerMove = (e: PointerEvent) => {
      if (!this.drag || e.pointerId !== this.drag.pointerId) return;
      this.dragBy(e.clientX - this.drag.x, e.clientY - this.drag.y, element.clientHeight);
      this.drag.x = e.clientX;
      this.drag.y = e.clientY;
    };
    const onPointerUp = (e: PointerEvent) => {
      if (this.drag?.pointerId === e.pointerId) this.drag = null;
    };
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      this.zoomBy(Math.sign(e.deltaY) * 5);
    };
    const onKeyDown = (e: Event) => {
      const event = e as KeyboardEvent;
      if (isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      if (this.keyDown(event.key, performance.now())) event.preventDefault();
    };
    const onKeyUp = (e: Event) => {
      this.keyUp((e as KeyboardEvent).key);
    };
    const onBlur = () => this.releaseAllKeys();
    element.addEventListener('pointerdown', onPointerDown);
    element.addEventListener('pointermove', onPointerMove);
    element.addEventListener('pointerup', onPointerUp);
    element.addEventListener('pointercancel', onPointerUp);
    element.addEventListener('wheel', onWheel, { passive: false });
    keyTarget.addEventListener('keydown', onKeyDown);
    keyTarget.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      element.removeEventListener('pointerdown', onPointerDown);
      element.removeEventListener('pointermove', onPointerMove);
      element.removeEventListener('pointerup', onPointerUp);
      element.removeEventListener('pointercancel', onPointerUp);
      element.removeEventListener('wheel', onWheel);
      keyTarget.removeEventListener('keydown', onKeyDown);
      keyTarget.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
    };
  }

  private notify(): void {
    // forEach, not for…of: no iterator object per call (this runs per frame while a key is held).
    this.listeners.forEach(callListener);
  }
}

function callListener(listener: () => void): void {
  listener();
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a, input, select, textarea, [role=button]') !== null;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}


function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
