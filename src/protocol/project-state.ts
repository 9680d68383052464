// A project's state as both ends hold it, and how one feed event changes it (pure, no I/O).
// It lives with the protocol because the server applies the same functions and sizes its snapshots by the same
// number: both ends agree on what an event means without the server importing client code.
import { addFundingPoint, isLatestFundingPoint } from './funding-history';
import { MAX_ANNOTATIONS, type FeedEvent, type FeedEventEnvelope, type Milestone, type Project, type ProjectSnapshot } from './index';

/** How many milestones a snapshot carries and a client keeps: enough for a timeline, bounded for a long session. */
export const MILESTONES_KEPT = 50;

export interface ProjectData {
  project: Project;
  /** Oldest first, at most the client's limit. */
  milestones: Milestone[];
  /** The sequence number of the last event this state includes. */
  seq: number;
}

export function fromSnapshot(snapshot: ProjectSnapshot, milestonesKept = MILESTONES_KEPT): ProjectData {
  return { project: snapshot.project, milestones: snapshot.milestones.slice(-milestonesKept), seq: snapshot.seq };
}

/** What an event does to the project record itself (milestones aside). */
export function applyToProject(project: Project, event: FeedEvent): Project {
  switch (event.type) {
    case 'milestone':
      return project;
    case 'funding': {
      // A back-dated total (a platform sending its earlier figures) joins the line but does not replace the total now.
      const at = event.occurredAt ?? event.at;
      const fundingHistory = addFundingPoint(project.fundingHistory, { at, raised: event.fundingRaised });
      if (!isLatestFundingPoint(project.fundingHistory, at)) return { ...project, fundingHistory };
      return { ...project, fundingRaised: event.fundingRaised, backers: event.backers, fundingHistory };
    }
    case 'phase':
      return { ...project, phase: event.phase };
    case 'shooting-days':
      return { ...project, shootingDays: { done: event.done, planned: event.planned } };
    case 'project-edit': {
      const { title, fundingGoal, currency } = event.changes;
      return {
        ...project,
        ...(title ? { title: { ...project.title, ...title } } : {}),
        ...(fundingGoal !== undefined ? { fundingGoal } : {}),
        ...(currency !== undefined ? { currency } : {}),
      };
    }
    case 'annotation': {
      const others = project.annotations.filter((a) => a.id !== event.annotation.id);
      return { ...project, annotations: [...others, event.annotation].slice(-MAX_ANNOTATIONS) };
    }
    case 'annotation-removed':
      return { ...project, annotations: project.annotations.filter((a) => a.id !== event.id) };
  }
}

/** Applies the event that directly follows `data.seq`; the caller has checked the order. */
export function applyEvent(data: ProjectData, event: FeedEvent, milestonesKept = MILESTONES_KEPT): ProjectData {
  let milestones = data.milestones;
  if (event.type === 'milestone') {
    milestones = [...data.milestones, event.milestone];
    if (milestones.length > milestonesKept) milestones.splice(0, milestones.length - milestonesKept);
  }
  return { project: applyToProject(data.project, event), milestones, seq: event.seq };
}

/** An event of a type this client does not know (a newer server's): it keeps its place in the order, changing nothing. */
export function skipEvent(data: ProjectData, event: FeedEventEnvelope): ProjectData {
  return { ...data, seq: event.seq };
}

export type SequenceVerdict = 'apply' | 'duplicate' | 'gap';

/** Exactly-once, in-order: only the next sequence number applies; older ones were seen, newer ones mean a hole. */
export function judgeSequence(lastSeq: number, eventSeq: number): SequenceVerdict {
  if (eventSeq === lastSeq + 1) return 'apply';
  return eventSeq <= lastSeq ? 'duplicate' : 'gap';
}
