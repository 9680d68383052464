// The circles bench's figures for one layout, and the Markdown table that shows them (test/bench/circles-bench.ts).
import { formatMiB, formatMs, type Distribution } from './stats';

/** The design's bar (docs/circles.md, DESIGN "Quality bar"): members within 100 ms of the circle, p95, after settling. */
export const DRIFT_BUDGET_S = 0.1;

export interface Result {
  nodes: number;
  storage: string;
  circles: number;
  joined: number;
  /** Starts and joins that failed (refused, or no answer in time): those members are left out. */
  failedJoins: number;
  /** Still joined when the run ended (a socket dropped under load would not come back: no reconnection here). */
  joinedAtEnd: number;
  members: number;
  wallS: number;
  inPerS: number;
  outPerS: number;
  commands: number;
  unfollowed: number;
  follow: Distribution;
  drift: Distribution;
  clockError: Distribution;
  nodeCpuMs: number[];
  storeCpuMs: number;
  nodeRss: number[];
  benchCpuMs: number;
  benchRss: number;
  load: [number, number];
}

export function table(results: Result[], membersPerCircle: number): string {
  const ms = (d: Distribution) => `${formatMs(d.p50)} / ${formatMs(d.p99)}`;
  const rows = results.map((r) => {
    const cpu = r.nodeCpuMs.reduce((a, b) => a + b, 0);
    const perMemberMin = cpu / r.members / (r.wallS / 60);
    return `| ${r.nodes} (${r.storage}) | ${r.circles} × ${membersPerCircle} (${r.joined} joined, ${r.failedJoins} failed, ${r.joinedAtEnd} at the end) | ${Math.round(r.inPerS)} / ${Math.round(r.outPerS)} | ${r.commands} (${r.unfollowed} not followed) | ${ms(r.follow)} | ${formatMs(r.drift.p95)} (${r.drift.p95 <= DRIFT_BUDGET_S * 1000 ? 'within' : 'over'} 100 ms) | ${formatMs(r.clockError.p95)} | ${r.nodeCpuMs.map((c) => `${((c / 1000 / r.wallS) * 100).toFixed(0)} %`).join(' + ')} | ${perMemberMin.toFixed(1)} ms | ${r.storeCpuMs ? `${((r.storeCpuMs / 1000 / r.wallS) * 100).toFixed(0)} %` : '–'} | ${r.nodeRss.map(formatMiB).join(' + ')} | ${((r.benchCpuMs / 1000 / r.wallS) * 100).toFixed(0)} %, ${formatMiB(r.benchRss)} | ${r.load.map((l) => l.toFixed(1)).join(' → ')} |`;
  });
  return [
    '| nodes | circles | messages/s to / from members | commands | command → all followed p50 / p99 | drift p95 | clock error p95 | node CPU (of a core) | node CPU / member / min | Redis + PostgreSQL CPU | node peak RSS | bench process CPU, RSS | load (1 min) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
