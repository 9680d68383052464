// Judges one `attention:report`: accepted (with the samples to add), or the one reason it is refused — each reason
// counted apart, so an operator can tell a broken client (out-of-range cells), a clock far off (future), an
// oversize batch or a flood from each other.
import {
  ATTENTION_CELLS,
  ATTENTION_CLOCK_SLACK_S,
  ATTENTION_MAX_AGE_S,
  AttentionReport,
  MAX_ATTENTION_SAMPLES,
  runTotal,
} from '../../protocol/attention';

export type RefusalReason = 'invalid' | 'out-of-range' | 'oversize' | 'future' | 'stale' | 'unknown-location' | 'rate-limited' | 'opted-out';

export const REFUSAL_REASONS: readonly RefusalReason[] = ['invalid', 'out-of-range', 'oversize', 'future', 'stale', 'unknown-location', 'rate-limited', 'opted-out'];

export type ReportJudgement = { ok: true; report: AttentionReport } | { ok: false; reason: RefusalReason };

/** Shape and time checks (no I/O); the location is checked by the caller. `nowMs`: the server's clock. */
export function checkReport(payload: unknown, nowMs: number): ReportJudgement {
  const parsed = AttentionReport.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: whyInvalid(payload) };
  const nowS = nowMs / 1000;
  if (parsed.data.a > nowS + ATTENTION_CLOCK_SLACK_S) return { ok: false, reason: 'future' };
  if (parsed.data.a < nowS - ATTENTION_MAX_AGE_S) return { ok: false, reason: 'stale' };
  return { ok: true, report: parsed.data };
}

function whyInvalid(payload: unknown): RefusalReason {
  const runs = (payload as { c?: unknown } | null)?.c;
  if (!Array.isArray(runs) || !runs.every((v) => Number.isInteger(v))) return 'invalid';
  if (runs.length > MAX_ATTENTION_SAMPLES * 2 || runTotal(runs as number[]) > MAX_ATTENTION_SAMPLES) return 'oversize';
  if (runs.some((v, i) => i % 2 === 0 && ((v as number) < 0 || (v as number) >= ATTENTION_CELLS))) return 'out-of-range';
  return 'invalid';
}
