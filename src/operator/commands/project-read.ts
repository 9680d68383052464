// `project show` and `events list`: read the snapshot and the event log, as the operator sees them.
import * as z from 'zod/mini';
import { FeedEvent, FeedEventEnvelope, ProjectSnapshot, count } from '../../protocol';
import { UsageError } from '../errors';
import { eventLine, snapshotText } from '../format';
import { numberFlag } from '../validate';
import { answerAs, projectPath, stringFlag } from './shared';
import type { Command } from './types';

const MILESTONES_SHOWN = 10;
/** The server's largest page (MAX_EVENTS_PAGE in src/server/ingest-api.ts). */
const MAX_PAGE = 1000;

const EventsPage = z.object({ events: z.array(FeedEventEnvelope), seq: count });

export const projectShow: Command = {
  words: ['project', 'show'],
  summary: `show the project: title, phase, funding, backers, days, the last ${MILESTONES_SHOWN} milestones`,
  flags: [],
  projectScoped: true,
  keyed: false,
  example: 'project show',
  async run(ctx) {
    const answer = await ctx.api().get(projectPath(ctx));
    const snapshot = answerAs(ProjectSnapshot, answer, 'a project snapshot');
    ctx.output.out(ctx.json ? answer.text : snapshotText(snapshot, MILESTONES_SHOWN));
  },
};

export const eventsList: Command = {
  words: ['events', 'list'],
  summary: "list the project's events in order",
  flags: [
    { name: 'after', value: '<seq>', help: 'only events after this sequence number (default 0: from the start)' },
    { name: 'limit', value: '<n>', help: `at most this many, 1–${MAX_PAGE} (default ${MAX_PAGE})` },
  ],
  projectScoped: true,
  keyed: false,
  example: 'events list --after 40 --limit 20',
  async run(ctx) {
    const after = numberFlag('--after', stringFlag(ctx.flags, 'after'));
    const limit = numberFlag('--limit', stringFlag(ctx.flags, 'limit'));
    if (after !== undefined && !(Number.isInteger(after) && after >= 0)) throw new UsageError(`--after: expected a whole number ≥ 0, got ${after}`);
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= MAX_PAGE)) {
      throw new UsageError(`--limit: expected a whole number from 1 to ${MAX_PAGE}, got ${limit}`);
    }
    const answer = await ctx.api().get(projectPath(ctx, '/events'), { after: after?.toString(), limit: limit?.toString() });
    const page = answerAs(EventsPage, answer, 'a page of events');
    if (ctx.json) return ctx.output.out(answer.text);
    const lines = page.events.map((envelope) => {
      const event = FeedEvent.safeParse(envelope);
      return eventLine(envelope, event.success ? event.data : undefined);
    });
    const last = page.events.at(-1)?.seq ?? after ?? 0;
    lines.push(
      page.events.length === 0 ? `No events after #${after ?? 0}; the latest is #${page.seq}.` : `${page.events.length} events; the latest is #${page.seq}.`,
      ...(last < page.seq && page.events.length > 0 ? [`More: events list --after ${last}`] : []),
    );
    ctx.output.out(lines.join('\n'));
  },
};
