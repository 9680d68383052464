// A project's state as a client holds it, and how one feed event changes it (pure, no I/O).
import type { FeedEvent, Milestone, Project, ProjectSnapshot } from '../protocol';

/** How many milestones a client keeps: enough for a timeline, bounded for a long session. */
export const MILESTONES_KEPT = 50;

export interface ProjectData {
  project: Project;
  /** Oldest first, at most MILESTONES_KEPT. */
  milestones: Milestone[];
  /** The sequence number of the last event this state includes. */
  seq: number;
}

export function fromSnapshot(snapshot: ProjectSnapshot): ProjectData {
  return { project: snapshot.project, milestones: snapshot.milestones.slice(-MILESTONES_KEPT), seq: snapshot.seq };
}

/** Applies the event that directly follows `data.seq`; the caller has checked the order. */
export function applyEvent(data: ProjectData, event: FeedEvent): ProjectData {
  switch (event.type) {
    case 'milestone': {
      const milestones = [...data.milestones, event.milestone];
      if (milestones.length > MILESTONES_KEPT) milestones.splice(0, milestones.length - MILESTONES_KEPT);
      return { ...data, milestones, seq: event.seq };
    }
  }
}

export type SequenceVerdict = 'apply' | 'duplicate' | 'gap';

/** Exactly-once, in-order: only the next sequence number applies; older ones were seen, newer ones mean a hole. */
export function judgeSequence(lastSeq: number, eventSeq: number): SequenceVerdict {
  if (eventSeq === lastSeq + 1) return 'apply';
  return eventSeq <= lastSeq ? 'duplicate' : 'gap';
}
