// Turns an accepted input into the event the log stores and the feed carries; the same for every engine.
import type { FeedEvent, ProjectUpdateInput } from '../../protocol';

export function buildEvent(projectId: string, seq: number, input: ProjectUpdateInput, at: string): FeedEvent {
  const envelope = { projectId, seq, at };
  switch (input.type) {
    case 'milestone':
      return {
        type: 'milestone',
        ...envelope,
        milestone: {
          id: `${projectId}-${seq}`,
          seq,
          kind: input.kind,
          title: input.title,
          ...(input.body ? { body: input.body } : {}),
          occurredAt: input.occurredAt ?? at,
          receivedAt: at,
        },
      };
    case 'funding':
      return { type: 'funding', ...envelope, fundingRaised: input.fundingRaised, backers: input.backers, occurredAt: input.occurredAt ?? at };
    case 'phase':
      return { type: 'phase', ...envelope, phase: input.phase };
    case 'shooting-days':
      return { type: 'shooting-days', ...envelope, done: input.done, planned: input.planned };
    case 'project-edit':
      return { type: 'project-edit', ...envelope, changes: input.changes };
    case 'annotation':
      return { type: 'annotation', ...envelope, annotation: input.annotation };
    case 'annotation-removed':
      return { type: 'annotation-removed', ...envelope, id: input.id };
  }
}
