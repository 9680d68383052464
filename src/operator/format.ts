// Human-readable text for what the server answers: projects, events, milestones and API errors.
import type { FeedEvent, FeedEventEnvelope, Milestone, ProjectSnapshot } from '../protocol';
import type { ApiError } from './errors';

type Text = { en?: string | undefined; 'zh-CN'?: string | undefined };

const numbers = new Intl.NumberFormat('en-US');

export function amount(n: number): string {
  return numbers.format(n);
}

/** Both languages when both are given, since the operator wrote both and should see both land. */
export function localized(text: Text): string {
  return [text.en, text['zh-CN']].filter((t): t is string => Boolean(t)).join(' / ');
}

export function milestoneLine(m: Milestone): string {
  return `#${m.seq}  ${m.occurredAt}  ${m.kind.padEnd(13)}  ${localized(m.title)}`;
}

/** What an event changed, in one line (without its seq). */
export function eventSummary(event: FeedEvent): string {
  switch (event.type) {
    case 'milestone':
      return `milestone (${event.milestone.kind}): ${localized(event.milestone.title)}`;
    case 'funding':
      return `funding: ${amount(event.fundingRaised)} raised, ${amount(event.backers)} backers`;
    case 'phase':
      return `phase: ${event.phase}`;
    case 'shooting-days':
      return `shooting days: ${event.done} of ${event.planned}`;
    case 'project-edit': {
      const { title, fundingGoal, currency } = event.changes;
      const parts = [
        ...(title ? [`title ${localized(title)}`] : []),
        ...(fundingGoal !== undefined ? [`goal ${amount(fundingGoal)}`] : []),
        ...(currency !== undefined ? [`currency ${currency}`] : []),
      ];
      return `project edit: ${parts.join(', ')}`;
    }
    case 'annotation':
      return `annotation ${event.annotation.id} at ${event.annotation.locationId} (${event.annotation.yaw}°, ${event.annotation.pitch}°): ${localized(event.annotation.label)}`;
    case 'annotation-removed':
      return `annotation ${event.id} removed`;
  }
}

/** One line of `events list`; an event of a type this CLI does not know is still listed by its type. */
export function eventLine(envelope: FeedEventEnvelope, event: FeedEvent | undefined): string {
  return `#${envelope.seq}  ${envelope.at}  ${event ? eventSummary(event) : `${envelope.type} (not known to this CLI; see --json)`}`;
}

export function snapshotText(snapshot: ProjectSnapshot, milestoneCount: number): string {
  const p = snapshot.project;
  const percent = p.fundingGoal > 0 ? ` (${Math.floor((p.fundingRaised / p.fundingGoal) * 100)} %)` : '';
  const latest = snapshot.milestones.slice(-milestoneCount);
  return [
    `${localized(p.title)}  [${p.id}, ${p.visibility}]`,
    `  phase:      ${p.phase}`,
    `  funding:    ${amount(p.fundingRaised)} of ${amount(p.fundingGoal)} ${p.currency}${percent}`,
    `  backers:    ${amount(p.backers)}`,
    `  days:       ${p.shootingDays.done} of ${p.shootingDays.planned} shooting days`,
    `  latest seq: ${snapshot.seq}`,
    latest.length ? `Latest ${latest.length} milestones (oldest first):` : 'No milestones yet.',
    ...latest.map((m) => `  ${milestoneLine(m)}`),
  ].join('\n');
}

/** The API's error: status, code and message, then one line per issue path. */
export function apiErrorText(err: ApiError): string {
  return [`error: ${err.message} (HTTP ${err.status}, ${err.code})`, ...err.issues.map((i) => `  ${i.path || '(body)'}: ${i.message}`)].join('\n');
}
