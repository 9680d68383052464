// `funding set`, `phase set`, `days set`, `project edit`: each posts one change to /events.
import { FeedEvent, PRODUCTION_PHASES, ProjectUpdateInput } from '../../protocol';
import { UsageError } from '../errors';
import { eventSummary } from '../format';
import { numberFlag, requireFlags, validateBody, type FlagMap } from '../validate';
import { answerAs, defined, projectPath, reportStored, stringFlag } from './shared';
import type { Command, CommandContext } from './types';

async function postEvent(ctx: CommandContext, body: unknown, flags: FlagMap): Promise<void> {
  const input = validateBody(ProjectUpdateInput, body, flags, 'the change');
  const answer = await ctx.api().post(projectPath(ctx, '/events'), input);
  const event = answerAs(FeedEvent, answer, 'an event');
  reportStored(ctx, answer, `Stored event #${event.seq} in ${ctx.projectId}: ${eventSummary(event)}`);
}

export const fundingSet: Command = {
  words: ['funding', 'set'],
  summary: 'set the amount raised and the number of backers',
  flags: [
    { name: 'raised', value: '<n>', help: 'amount raised, whole units of the project currency (required)' },
    { name: 'backers', value: '<n>', help: 'number of backers (required)' },
  ],
  projectScoped: true,
  keyed: true,
  example: 'funding set --raised 2700000 --backers 12900',
  async run(ctx) {
    requireFlags(ctx.flags, ['raised', 'backers']);
    const body = {
      type: 'funding',
      fundingRaised: numberFlag('--raised', stringFlag(ctx.flags, 'raised')),
      backers: numberFlag('--backers', stringFlag(ctx.flags, 'backers')),
    };
    await postEvent(ctx, body, { fundingRaised: '--raised', backers: '--backers' });
  },
};

export const phaseSet: Command = {
  words: ['phase', 'set'],
  args: [`<${PRODUCTION_PHASES.join('|')}>`],
  summary: 'move the production to another phase',
  flags: [],
  projectScoped: true,
  keyed: true,
  example: 'phase set post-production',
  async run(ctx) {
    const [phase] = ctx.args;
    if (phase === undefined) throw new UsageError(`phase set: give the phase, one of ${PRODUCTION_PHASES.join(', ')}`);
    await postEvent(ctx, { type: 'phase', phase }, { phase: 'phase' });
  },
};

export const daysSet: Command = {
  words: ['days', 'set'],
  summary: 'set the shooting days done and planned',
  flags: [
    { name: 'done', value: '<n>', help: 'shooting days done (required; at most --planned)' },
    { name: 'planned', value: '<n>', help: 'shooting days planned (required)' },
  ],
  projectScoped: true,
  keyed: true,
  example: 'days set --done 24 --planned 40',
  async run(ctx) {
    requireFlags(ctx.flags, ['done', 'planned']);
    const body = {
      type: 'shooting-days',
      done: numberFlag('--done', stringFlag(ctx.flags, 'done')),
      planned: numberFlag('--planned', stringFlag(ctx.flags, 'planned')),
    };
    await postEvent(ctx, body, { done: '--done', planned: '--planned' });
  },
};

const EDIT_FLAGS = ['title-en', 'title-zh', 'goal', 'currency'] as const;

export const projectEdit: Command = {
  words: ['project', 'edit'],
  summary: "change the project's title, funding goal or currency",
  flags: [
    { name: 'title-en', value: '<title>', help: 'English title' },
    { name: 'title-zh', value: '<title>', help: 'Chinese (zh-CN) title; a title given in one language keeps the other' },
    { name: 'goal', value: '<n>', help: 'funding goal, whole units of the currency' },
    { name: 'currency', value: '<ISO 4217>', help: 'currency code, e.g. CNY' },
  ],
  projectScoped: true,
  keyed: true,
  example: 'project edit --goal 3500000 --title-en "The Lantern Keeper (director\'s cut)"',
  async run(ctx) {
    const flag = (name: string) => stringFlag(ctx.flags, name);
    if (EDIT_FLAGS.every((name) => flag(name) === undefined)) {
      throw new UsageError(`project edit: give at least one of ${EDIT_FLAGS.map((n) => `--${n}`).join(', ')}`);
    }
    const titleEn = flag('title-en');
    const titleZh = flag('title-zh');
    const changes = defined({
      title: titleEn !== undefined || titleZh !== undefined ? defined({ en: titleEn, 'zh-CN': titleZh }) : undefined,
      fundingGoal: numberFlag('--goal', flag('goal')),
      currency: flag('currency'),
    });
    await postEvent(
      ctx,
      { type: 'project-edit', changes },
      {
        changes: EDIT_FLAGS.map((n) => `--${n}`).join('/'),
        'changes.title': '--title-en/--title-zh',
        'changes.title.en': '--title-en',
        'changes.title.zh-CN': '--title-zh',
        'changes.fundingGoal': '--goal',
        'changes.currency': '--currency',
      },
    );
  },
};
