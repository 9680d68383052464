// Main-thread time per display frame from a Chromium trace: the renderer main thread's RunTask events, clipped into
// 1/60 s windows (the headless compositor's frame interval) over the playback window.
import { distribution } from './stats';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

export interface MainThreadFigures {
  /** Busy ms per 16.7 ms window: median and p95. */
  perFrameMedianMs: number;
  perFrameP95Ms: number;
  /** Busy ms per second of playback. */
  busyMsPerSecond: number;
}

const FRAME_US = 1_000_000 / 60;

export function mainThreadFigures(traceJson: Buffer | string): MainThreadFigures {
  const parsed = JSON.parse(traceJson.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    // Chromium names the top-level task 'ThreadControllerImpl::RunTask' (older builds: 'RunTask').
    if (e.ph !== 'X' || (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') || !e.dur) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key)) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  // The page's renderer is the busiest main thread in the trace (other renderers, if any, idle).
  let tasks: TraceEvent[] = [];
  for (const list of byThread.values()) if (list.reduce((s, e) => s + e.dur!, 0) > tasks.reduce((s, e) => s + e.dur!, 0)) tasks = list;
  if (tasks.length === 0) return { perFrameMedianMs: Number.NaN, perFrameP95Ms: Number.NaN, busyMsPerSecond: Number.NaN };
  const start = tasks.reduce((min, e) => Math.min(min, e.ts), Number.POSITIVE_INFINITY);
  const end = tasks.reduce((max, e) => Math.max(max, e.ts + e.dur!), 0);
  const windows = new Float64Array(Math.max(1, Math.ceil((end - start) / FRAME_US)));
  for (const e of tasks) {
    const to = e.ts + e.dur!;
    // Walk the windows the task overlaps by index (not by accumulated time, which float rounding can stall).
    const first = Math.floor((e.ts - start) / FRAME_US);
    const last = Math.min(windows.length - 1, Math.floor((to - start) / FRAME_US));
    for (let index = first; index <= last; index++) {
      const overlap = Math.min(to, start + (index + 1) * FRAME_US) - Math.max(e.ts, start + index * FRAME_US);
      if (overlap > 0) windows[index] = (windows[index] ?? 0) + overlap / 1000;
    }
  }
  const d = distribution(windows);
  const busyMs = windows.reduce((s, v) => s + v, 0);
  return { perFrameMedianMs: d.p50, perFrameP95Ms: d.p95, busyMsPerSecond: busyMs / ((end - start) / 1_000_000) };
}
