// The question board under a D-pad: one question per step in board order, off the board at its ends, a selection
// that follows its question through reordering and falls to a neighbour when its question leaves, and a window that
// keeps the selection on screen.
import { describe, expect, it } from 'vitest';
import { orderQuestions } from '../../../src/meetup/question-board';
import type { Question } from '../../../src/protocol/meetup';
import { followSelection, stepThrough, visibleWindow } from '../../../src/tv/meetup';

const ids = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];

function question(id: string, votes: number, status: Question['status'] = 'open', askedAt = '2026-12-01T10:00:00.000Z'): Question {
  return { id, meetupId: 'm', text: `Question ${id}`, votes, status, askedAt } as Question;
}

describe('walking the board with up and down', () => {
  it('moves one question per step and leaves the board at either end', () => {
    expect(stepThrough(ids, 'q2', 'down')).toEqual({ kind: 'question', id: 'q3' });
    expect(stepThrough(ids, 'q2', 'up')).toEqual({ kind: 'question', id: 'q1' });
    expect(stepThrough(ids, 'q1', 'up')).toEqual({ kind: 'leave' });
    expect(stepThrough(ids, 'q6', 'down')).toEqual({ kind: 'leave' });
  });

  it('enters at the top going down, and an empty board has nowhere to go', () => {
    expect(stepThrough(ids, null, 'down')).toEqual({ kind: 'question', id: 'q1' });
    expect(stepThrough(ids, 'gone', 'down')).toEqual({ kind: 'question', id: 'q1' });
    expect(stepThrough(ids, null, 'up')).toEqual({ kind: 'leave' });
    expect(stepThrough([], null, 'down')).toEqual({ kind: 'leave' });
  });

  it('walks the same order as the desktop board: the spotlight first, then most votes', () => {
    const board = orderQuestions([question('a', 1), question('b', 5), question('c', 0, 'spotlight'), question('d', 3), question('e', 9, 'dismissed')]).map((q) => q.id);
    expect(board).toEqual(['c', 'b', 'd', 'a']);
    const visited = [board[0]!];
    for (let step = stepThrough(board, board[0]!, 'down'); step.kind === 'question'; step = stepThrough(board, step.id, 'down')) visited.push(step.id);
    expect(visited).toEqual(board);
  });
});

describe('the selection when the board changes', () => {
  it('stays on its question when an upvote moves it', () => {
    expect(followSelection(['a', 'b', 'c'], ['c', 'a', 'b'], 'c')).toBe('c');
  });

  it('falls to the question now at its place when its question is dismissed, or to the last one', () => {
    expect(followSelection(['a', 'b', 'c'], ['a', 'c'], 'b')).toBe('c');
    expect(followSelection(['a', 'b', 'c'], ['a', 'b'], 'c')).toBe('b');
  });

  it('is null on an empty board and the top when nothing was selected', () => {
    expect(followSelection(['a'], [], 'a')).toBeNull();
    expect(followSelection([], ['x', 'y'], null)).toBe('x');
  });
});

describe('the questions on screen', () => {
  it('shows the top of the board with nothing selected, and counts what is below', () => {
    expect(visibleWindow(ids, null, 4)).toEqual({ start: 0, ids: ['q1', 'q2', 'q3', 'q4'], above: 0, below: 2 });
  });

  it('keeps the selection on screen with one question of context above it', () => {
    expect(visibleWindow(ids, 'q4', 3)).toEqual({ start: 2, ids: ['q3', 'q4', 'q5'], above: 2, below: 1 });
    for (const id of ids) expect(visibleWindow(ids, id, 3).ids).toContain(id);
  });

  it('never runs past the end, and a board shorter than the window shows whole', () => {
    expect(visibleWindow(ids, 'q6', 4)).toEqual({ start: 2, ids: ['q3', 'q4', 'q5', 'q6'], above: 2, below: 0 });
    expect(visibleWindow(['a', 'b'], 'b', 4)).toEqual({ start: 0, ids: ['a', 'b'], above: 0, below: 0 });
    expect(visibleWindow([], null, 4)).toEqual({ start: 0, ids: [], above: 0, below: 0 });
  });
});
