// `milestone add`: posts one milestone to /milestones.
import { Milestone, MilestoneInput } from '../../protocol';
import { localized } from '../format';
import { requireFlags, validateBody } from '../validate';
import { answerAs, defined, projectPath, reportStored, stringFlag } from './shared';
import type { Command } from './types';

export const milestoneAdd: Command = {
  words: ['milestone', 'add'],
  summary: 'post a milestone; every open page shows it at once',
  flags: [
    { name: 'kind', value: '<shooting-day|scene-wrapped|funding|announcement>', help: 'what kind of milestone (required)' },
    { name: 'en', value: '<title>', help: 'English title (1–200 characters)' },
    { name: 'zh', value: '<title>', help: 'Chinese (zh-CN) title; give --en, --zh or both' },
    { name: 'body-en', value: '<text>', help: 'English body (up to 2000 characters)' },
    { name: 'body-zh', value: '<text>', help: 'Chinese (zh-CN) body' },
    { name: 'at', value: '<date-time>', help: 'when it happened, ISO 8601 with offset; default: now' },
  ],
  projectScoped: true,
  keyed: true,
  example: 'milestone add --kind scene-wrapped --en "Scene 45 wrapped" --zh "第 45 场杀青"',
  async run(ctx) {
    const flag = (name: string) => stringFlag(ctx.flags, name);
    requireFlags(ctx.flags, ['kind']);
    const bodyEn = flag('body-en');
    const bodyZh = flag('body-zh');
    const input = validateBody(
      MilestoneInput,
      defined({
        kind: flag('kind'),
        title: defined({ en: flag('en'), 'zh-CN': flag('zh') }),
        body: bodyEn !== undefined || bodyZh !== undefined ? defined({ en: bodyEn, 'zh-CN': bodyZh }) : undefined,
        occurredAt: flag('at'),
      }),
      {
        kind: '--kind',
        title: '--en/--zh',
        'title.en': '--en',
        'title.zh-CN': '--zh',
        body: '--body-en/--body-zh',
        'body.en': '--body-en',
        'body.zh-CN': '--body-zh',
        occurredAt: { flag: '--at', hint: 'an ISO 8601 date-time with offset, e.g. 2026-11-25T20:04:00+08:00' },
      },
      'the milestone',
    );
    const answer = await ctx.api().post(projectPath(ctx, '/milestones'), input);
    const m = answerAs(Milestone, answer, 'a milestone');
    reportStored(ctx, answer, `Stored milestone #${m.seq} in ${ctx.projectId}: ${m.kind} "${localized(m.title)}" (occurred ${m.occurredAt})`);
  },
};
