// Sequencing and applying feed events, without any I/O.
import { describe, expect, it } from 'vitest';
import { MILESTONES_KEPT, applyEvent, fromSnapshot, judgeSequence } from '../../src/protocol/project-state';
import { milestoneEvent, snapshotReply } from '../helpers/scripted-feed-server';

describe('project state', () => {
  it('applies only the next sequence number', () => {
    expect(judgeSequence(4, 5)).toBe('apply');
    expect(judgeSequence(4, 4)).toBe('duplicate');
    expect(judgeSequence(4, 1)).toBe('duplicate');
    expect(judgeSequence(4, 6)).toBe('gap');
  });

  it('appends milestones and keeps the latest ones only', () => {
    const reply = snapshotReply(0);
    if (!reply.ok || reply.kind !== 'snapshot') throw new Error('unexpected reply');
    let data = fromSnapshot(reply.snapshot);
    for (let seq = 1; seq <= MILESTONES_KEPT + 5; seq++) data = applyEvent(data, milestoneEvent(seq));
    expect(data.seq).toBe(MILESTONES_KEPT + 5);
    expect(data.milestones).toHaveLength(MILESTONES_KEPT);
    expect(data.milestones[0]?.seq).toBe(6);
  });

  it('never mutates the state it was given', () => {
    const reply = snapshotReply(1);
    if (!reply.ok || reply.kind !== 'snapshot') throw new Error('unexpected reply');
    const data = fromSnapshot(reply.snapshot);
    const next = applyEvent(data, milestoneEvent(2));
    expect(data.milestones).toHaveLength(1);
    expect(next.milestones).toHaveLength(2);
  });
});
