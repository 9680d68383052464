// Helpers every command uses: reading flag values, checking the server's answer, reporting a stored change.
import type * as z from 'zod/mini';
import type { ApiAnswer } from '../api-client';
import { ApiError } from '../errors';
import type { CommandContext, FlagValues } from './types';

export function stringFlag(flags: FlagValues, name: string): string | undefined {
  const value = flags[name];
  // A repeated single-value flag: the last one wins, as in most CLIs.
  const last = Array.isArray(value) ? value.at(-1) : value;
  return typeof last === 'string' ? last : undefined;
}

export function listFlag(flags: FlagValues, name: string): string[] {
  const value = flags[name];
  const all = Array.isArray(value) ? value : [value];
  return all.filter((v): v is string => typeof v === 'string');
}

export function booleanFlag(flags: FlagValues, name: string): boolean {
  return flags[name] === true;
}

/** The object without its undefined fields, so the body holds only what the operator gave. */
export function defined<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The answer's body in the shape the protocol promises; a server that answers otherwise is reported, not trusted. */
export function answerAs<T>(schema: z.ZodMiniType<T>, answer: ApiAnswer, what: string): T {
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) throw new ApiError(answer.status, 'unexpected-answer', `the server answered ${answer.status} but not with ${what}`, [], answer.text);
  return parsed.data;
}

/** Prints a stored change: the raw answer with `--json`, else a line; and says when the server only replayed it. */
export function reportStored(ctx: CommandContext, answer: ApiAnswer, line: string): void {
  if (ctx.json) ctx.output.out(answer.text);
  else ctx.output.out(line);
  if (answer.replayed) {
    const note = `Replayed: an earlier attempt had stored this (Idempotency-Key ${ctx.api().idempotencyKey}); it was not stored a second time.`;
    if (ctx.json) ctx.output.err(note);
    else ctx.output.out(note);
  }
}

export function projectPath(ctx: CommandContext, rest = ''): string {
  return `api/projects/${encodeURIComponent(ctx.projectId)}${rest}`;
}
