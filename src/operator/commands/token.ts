// `token add|list|revoke|reissue`: the backer codes. The server keeps only a hash of each code, so add and
// reissue are the only times a code is readable; list shows its last four characters to tell codes apart.
import * as z from 'zod/mini';
import { BACKER_TIERS, BackerCodeId, BackerCodeRecord, BackerTokenRequest, IssuedBackerCode } from '../../protocol';
import { ApiError, UsageError } from '../errors';
import { requireFlags, validateBody } from '../validate';
import { answerAs, booleanFlag, listFlag, stringFlag } from './shared';
import type { Command, CommandContext } from './types';

const CodeList = z.object({ codes: z.array(BackerCodeRecord) });
const SHOWN_ONCE = 'Copy it now: it is shown only this once (the server keeps only a hash of it).';

function scopeOf(code: { projects: string[] | '*' }): string {
  return code.projects === '*' ? 'all projects' : `projects: ${code.projects.join(', ')}`;
}

/** Prints an issued code: the raw answer with --json (the warning on stderr), else the code and its record. */
function reportIssued(ctx: CommandContext, answer: { text: string; replayed: boolean; body: unknown }, heading: string): void {
  const issued = answerAs(IssuedBackerCode, { ...answer, status: 201, attempts: 1 }, 'an issued backer code');
  const replayNote = answer.replayed ? `Replayed: an earlier attempt had issued this code (Idempotency-Key ${ctx.api().idempotencyKey}); no second code was made.` : undefined;
  if (ctx.json) {
    ctx.output.out(answer.text);
    ctx.output.err(SHOWN_ONCE);
    if (replayNote) ctx.output.err(replayNote);
    return;
  }
  ctx.output.out(
    [`${heading} for "${issued.label}" (${issued.tier}, ${scopeOf(issued)}), id ${issued.id}:`, '', `  ${issued.token}`, '', SHOWN_ONCE, ...(replayNote ? [replayNote] : [])].join('\n'),
  );
}

/** The code id argument, checked before anything is sent. */
function codeIdArg(ctx: CommandContext, command: string): string {
  const [raw] = ctx.args;
  if (raw === undefined) throw new UsageError(`${command}: give the code's id (see: token list)`);
  const id = BackerCodeId.safeParse(raw);
  if (!id.success) throw new UsageError(`${command}: "${raw}" is not a backer code id ("bc_" and 16 hex digits; see: token list)`);
  return id.data;
}

export const tokenAdd: Command = {
  words: ['token', 'add'],
  summary: 'issue a backer token for non-public projects (printed once)',
  flags: [
    { name: 'label', value: '<text>', help: 'who it is for, for your records (required)' },
    { name: 'tier', value: `<${BACKER_TIERS.join('|')}>`, help: 'backer tier (required)' },
    { name: 'project', value: '<id>', multiple: true, help: 'a project it may follow; repeat for several' },
    { name: 'all-projects', help: 'it may follow every project instead' },
  ],
  projectScoped: false,
  keyed: true,
  example: 'token add --label "Li Wei" --tier gold --project lantern-keeper',
  async run(ctx) {
    requireFlags(ctx.flags, ['label', 'tier']);
    const projects = listFlag(ctx.flags, 'project');
    const all = booleanFlag(ctx.flags, 'all-projects');
    if (all === projects.length > 0) throw new UsageError('token add: give either --project <id> (repeatable) or --all-projects');
    const request = validateBody(
      BackerTokenRequest,
      { label: stringFlag(ctx.flags, 'label'), tier: stringFlag(ctx.flags, 'tier'), projects: all ? '*' : projects },
      { label: '--label', tier: '--tier', projects: '--project' },
      'the token request',
    );
    reportIssued(ctx, await ctx.api().post('api/backer-tokens', request), 'Backer token');
  },
};

export const tokenList: Command = {
  words: ['token', 'list'],
  summary: 'list the backer tokens: id, tier, label, last 4 characters, issued, revoked (never the tokens)',
  flags: [{ name: 'active', help: 'only tokens that still work' }],
  projectScoped: false,
  keyed: false,
  example: 'token list --active',
  async run(ctx) {
    const answer = await ctx.api().get('api/backer-tokens');
    const { codes } = answerAs(CodeList, answer, 'a list of backer tokens');
    if (ctx.json) return ctx.output.out(answer.text);
    const shown = booleanFlag(ctx.flags, 'active') ? codes.filter((c) => c.revokedAt === null) : codes;
    if (shown.length === 0) return ctx.output.out('No backer tokens.');
    const lines = shown.map((c) => {
      const state = c.revokedAt === null ? 'active' : `revoked ${c.revokedAt}${c.replacedBy ? ` (re-issued as ${c.replacedBy})` : ''}`;
      return `${c.id}  …${c.hint}  ${c.tier.padEnd(9)}  ${c.label}  [${scopeOf(c)}]  issued ${c.createdAt}  ${state}`;
    });
    ctx.output.out([`${shown.length} backer token${shown.length === 1 ? '' : 's'}, newest first:`, ...lines].join('\n'));
  },
};

export const tokenRevoke: Command = {
  words: ['token', 'revoke'],
  args: ['<id>'],
  summary: 'revoke a backer token: it opens nothing from now on, and its open sessions are ended',
  flags: [],
  projectScoped: false,
  keyed: false,
  example: 'token revoke bc_0123456789abcdef',
  async run(ctx) {
    const id = codeIdArg(ctx, 'token revoke');
    let answer;
    try {
      answer = await ctx.api().post(`api/backer-tokens/${id}/revoke`, {});
    } catch (err) {
      // A retry that finds the code revoked: the first attempt revoked it and its answer was lost on the way.
      if (!(err instanceof ApiError && err.code === 'already-revoked' && err.attempts > 1)) throw err;
      ctx.output.out(`Revoked ${id}: an earlier attempt revoked it and its answer was lost (${err.message}).`);
      return;
    }
    const code = answerAs(BackerCodeRecord, answer, 'a backer token record');
    ctx.output.out(ctx.json ? answer.text : `Revoked ${code.id} (…${code.hint}, "${code.label}", ${code.tier}) at ${code.revokedAt ?? '?'}; its open sessions are ended.`);
  },
};

export const tokenReissue: Command = {
  words: ['token', 'reissue'],
  args: ['<id>'],
  summary: 'replace a backer token with a new one of the same tier and projects (printed once); the old one is revoked',
  flags: [],
  projectScoped: false,
  keyed: true,
  example: 'token reissue bc_0123456789abcdef',
  async run(ctx) {
    const id = codeIdArg(ctx, 'token reissue');
    reportIssued(ctx, await ctx.api().post(`api/backer-tokens/${id}/reissue`, {}), `New backer token (replaces ${id})`);
  },
};
