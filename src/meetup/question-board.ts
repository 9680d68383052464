// The question board's rules: which questions show, in what order, and which one is in the spotlight.
// Pure functions over the server's question records, so the board reads the same in every shell.
import type { Question } from '../protocol/meetup';

/** Most questions a board keeps; the least-voted open ones go first when it overflows. */
export const BOARD_LIMIT = 200;

const STATUS_RANK: Record<Question['status'], number> = { spotlight: 0, open: 1, answered: 2, dismissed: 3 };

/**
 * The board: the spotlight on top, then open questions, most votes first; ties by who asked first (then id, so
 * the order never flickers between renders). Answered and dismissed questions leave the board.
 */
export function orderQuestions(questions: readonly Question[]): Question[] {
  return questions
    .filter((q) => q.status === 'open' || q.status === 'spotlight')
    .sort(
      (a, b) =>
        STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
        b.votes - a.votes ||
        Date.parse(a.askedAt) - Date.parse(b.askedAt) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, BOARD_LIMIT);
}

export interface BoardState {
  questions: Question[];
  spotlight: Question | null;
}

/**
 * Applies one question record from the server. A new spotlight replaces the previous one (which the server marks
 * answered): only one question is on everyone's screen, even before that note arrives.
 */
export function applyQuestion(board: BoardState, question: Question): BoardState {
  let others = board.questions.filter((q) => q.id !== question.id);
  let spotlight = board.spotlight?.id === question.id ? null : board.spotlight;
  if (question.status === 'spotlight') {
    if (spotlight) others = others.map((q) => (q.id === spotlight?.id ? { ...q, status: 'answered' as const } : q));
    spotlight = question;
  }
  return { questions: orderQuestions([...others, question]), spotlight };
}

/** The board from a full list (the join reply): the latest-asked spotlight wins if the list holds several. */
export function boardFrom(questions: readonly Question[]): BoardState {
  let board: BoardState = { questions: [], spotlight: null };
  const byAge = [...questions].sort((a, b) => Date.parse(a.askedAt) - Date.parse(b.askedAt));
  for (const question of byAge) board = applyQuestion(board, question);
  return board;
}

/**
 * The board once the meet-up has ended: nobody is answering now, so the question that was on stage counts as
 * answered (and leaves the board with the other answered ones). A board without a spotlight comes back as it was.
 */
export function endedBoard(board: BoardState): BoardState {
  const onStage = board.questions.filter((q) => q.status === 'spotlight').map((q) => q.id);
  if (!board.spotlight && onStage.length === 0) return board;
  const questions = board.questions.map((q) => (q.status === 'spotlight' ? { ...q, status: 'answered' as const } : q));
  return { questions: orderQuestions(questions), spotlight: null };
}
