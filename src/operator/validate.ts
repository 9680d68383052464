// Checks a request body with the schema the server uses before anything is sent, and reports each problem
// by the flag the operator typed rather than by the JSON field it became.
import type * as z from 'zod/mini';
import { describeIssues, type FieldIssue } from '../protocol';
import { UsageError } from './errors';

/** JSON path of a body field → the flag (or argument) that sets it, optionally with a hint on the format. */
export type FlagMap = Record<string, string | { flag: string; hint: string }>;

export function validateBody<T>(schema: z.ZodMiniType<T>, body: unknown, flags: FlagMap, what: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new UsageError(`${what} is not valid; nothing was sent`, describeIssues(result.error).map((issue) => flagLine(issue, flags)));
}

function flagLine(issue: FieldIssue, flags: FlagMap): string {
  const entry = lookup(issue.path, flags);
  if (!entry) return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
  const { flag, hint } = typeof entry === 'string' ? { flag: entry, hint: undefined } : entry;
  // Name the API field too when it differs from the flag, so the message also matches the HTTP docs.
  const field = issue.path && issue.path !== flag.replace(/^-+/, '') ? ` (${issue.path})` : '';
  return `${flag}${field}: ${issue.message}${hint ? ` — ${hint}` : ''}`;
}

/** The entry for the path itself, else for its nearest parent (`projects[2]` → `projects`). */
function lookup(path: string, flags: FlagMap): FlagMap[string] | undefined {
  for (let p = path; ; ) {
    if (Object.hasOwn(flags, p)) return flags[p];
    const parent = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (parent === p) return undefined;
    p = parent;
  }
}

/** A number flag: digits (optionally signed, with a fraction) so that "12k" or "" is refused, not read as NaN or 0. */
export function numberFlag(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim().replace(/_/g, '');
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) throw new UsageError(`${flag}: expected a number, got "${raw}"`);
  return Number(text);
}

/** Fails naming every required flag that is missing, before the schema says "expected number". */
export function requireFlags(given: Record<string, unknown>, names: readonly string[]): void {
  const missing = names.filter((name) => given[name] === undefined);
  if (missing.length) throw new UsageError(`missing ${missing.map((n) => `--${n}`).join(', ')} (required)`);
}
