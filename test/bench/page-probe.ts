// The in-page probe every viewer gets before its own scripts run (page.addInitScript), so all are measured the
// same way whatever engine they use: WebGL draw calls and triangles counted at the API, the first draw after each
// <video> element's first texture upload, and long tasks.

export interface VideoFirstDraw {
  /** performance.now() of the first draw call after this video's first upload: ms since navigation start. */
  at: number;
  /** When that upload happened. */
  uploadAt: number;
  src: string;
}

export interface DrawnFrame {
  drawCalls: number;
  triangles: number;
}

export interface ProbeReadings {
  firstDraws: VideoFirstDraw[];
  /** Frames (between two animation frames) that issued at least one draw call; the last 600. */
  frames: DrawnFrame[];
  /** How many frames drew since the page started (frames keeps only the last 600). */
  drawnFrameCount: number;
  longTasks: { start: number; duration: number }[];
}

/** Runs in the page. Self-contained: serialized by playwright, so it may not use anything from this module. */
export function installProbe(): void {
  type Probe = ProbeReadings;
  const probe: Probe = { firstDraws: [], frames: [], drawnFrameCount: 0, longTasks: [] };
  (window as unknown as { __benchProbe: Probe }).__benchProbe = probe;
  const uploaded = new WeakSet<HTMLVideoElement>();
  // Every video drawn, in the page or not (PSV and a plain three.js page keep theirs out of the document).
  const drawnVideos = new Set<HTMLVideoElement>();
  (window as unknown as { __benchVideos: Set<HTMLVideoElement> }).__benchVideos = drawnVideos;
  let pending: { video: HTMLVideoElement; at: number }[] = [];
  let drawCalls = 0;
  let triangles = 0;

  const trianglesOf = (mode: number, count: number, instances: number): number => {
    // TRIANGLES = 4, TRIANGLE_STRIP = 5, TRIANGLE_FAN = 6; points and lines draw no triangles.
    const perInstance = mode === 4 ? Math.floor(count / 3) : mode === 5 || mode === 6 ? Math.max(0, count - 2) : 0;
    return perInstance * instances;
  };
  const onDraw = (mode: number, count: number, instances: number) => {
    drawCalls++;
    triangles += trianglesOf(mode, count, instances);
    if (pending.length === 0) return;
    const now = performance.now();
    for (const p of pending) probe.firstDraws.push({ at: now, uploadAt: p.at, src: p.video.currentSrc || p.video.src });
    pending = [];
  };
  const onUpload = (args: unknown[]) => {
    for (const arg of args) {
      if (arg instanceof HTMLVideoElement) {
        drawnVideos.add(arg);
        if (!uploaded.has(arg)) {
          uploaded.add(arg);
          pending.push({ video: arg, at: performance.now() });
        }
        return;
      }
    }
  };

  type Gl = WebGLRenderingContext & Partial<WebGL2RenderingContext>;
  const protos: Gl[] = [WebGLRenderingContext.prototype as Gl];
  if (typeof WebGL2RenderingContext !== 'undefined') protos.push(WebGL2RenderingContext.prototype);
  for (const proto of protos) {
    const wrap = (name: string, hook: (args: unknown[]) => void) => {
      const original = (proto as unknown as Record<string, ((...a: unknown[]) => unknown) | undefined>)[name];
      if (typeof original !== 'function') return;
      Object.defineProperty(proto, name, {
        configurable: true,
        writable: true,
        value: function (this: unknown, ...args: unknown[]) {
          hook(args);
          return original.apply(this, args);
        },
      });
    };
    wrap('texImage2D', onUpload);
    wrap('texSubImage2D', onUpload);
    wrap('drawArrays', (a) => onDraw(a[0] as number, a[2] as number, 1));
    wrap('drawElements', (a) => onDraw(a[0] as number, a[1] as number, 1));
    wrap('drawArraysInstanced', (a) => onDraw(a[0] as number, a[2] as number, a[3] as number));
    wrap('drawElementsInstanced', (a) => onDraw(a[0] as number, a[1] as number, a[4] as number));
    wrap('drawRangeElements', (a) => onDraw(a[0] as number, a[3] as number, 1));
  }

  const tick = () => {
    if (drawCalls > 0) {
      probe.frames.push({ drawCalls, triangles });
      probe.drawnFrameCount++;
      if (probe.frames.length > 600) probe.frames.shift();
    }
    drawCalls = 0;
    triangles = 0;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the figure reads n/a.
  }
}

/** tsx keeps function names with a `__name` helper that a serialized page function would miss: shim it first. */
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

/** The script to add with `page.addInitScript` so the probe runs before the page's own scripts. */
export function probeInitScript(): string {
  return `${NAME_SHIM}\n(${installProbe.toString()})();`;
}
