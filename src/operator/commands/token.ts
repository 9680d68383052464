// `token add`: issues a backer token. The server keeps only its hash, so this is the one time it is readable.
import * as z from 'zod/mini';
import { BACKER_TIERS, BackerTier, BackerTokenRequest } from '../../protocol';
import { UsageError } from '../errors';
import { requireFlags, validateBody } from '../validate';
import { answerAs, booleanFlag, listFlag, stringFlag } from './shared';
import type { Command } from './types';

const TokenAnswer = z.object({
  token: z.string().check(z.minLength(1)),
  label: z.string(),
  tier: BackerTier,
  projects: z.union([z.literal('*'), z.array(z.string())]),
});

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
  keyed: false,
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
    const answer = await ctx.api().post('api/backer-tokens', request);
    const issued = answerAs(TokenAnswer, answer, 'a backer token');
    const warning = 'Copy it now: it is shown only this once (the server keeps only a hash of it).';
    if (ctx.json) {
      ctx.output.out(answer.text);
      ctx.output.err(warning);
      return;
    }
    const scope = issued.projects === '*' ? 'all projects' : `projects: ${issued.projects.join(', ')}`;
    ctx.output.out([`Backer token for "${issued.label}" (${issued.tier}, ${scope}):`, '', `  ${issued.token}`, '', warning].join('\n'));
  },
};
