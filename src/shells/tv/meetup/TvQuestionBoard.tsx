// The question board on a TV: the board's order (the same as on desktop), a few questions at a time, walked with up
// and down (src/tv/meetup/question-browser.ts); OK on a question upvotes it; "Ask the star" opens the suggestions.
// Past either end of the board, the shell's spatial focus takes over (up to Ask, left to the stage).
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Question } from '../../../protocol/meetup';
import { useI18n } from '../../../react/AppContext';
import { useMeetupRoom, useMeetupServices } from '../../../react/useMeetup';
import { useFocusable } from '../useFocusable';
import { followSelection, stepThrough, visibleWindow } from '../../../tv/meetup';
import { useRemoteKeys, useTvShell } from '../TvShellContext';
import { TvAskDialog } from './TvAskDialog';

/** Questions on screen at once: what fits the column at 10-foot type, with room for the "more" marks. */
const WINDOW_SIZE = 4;
const PREFIX = 'meetup-q-';
export const questionFocusId = (questionId: string) => `${PREFIX}${questionId}`;
const BOARD = 'meetup-board';

export function TvQuestionBoard({ canAsk }: { canAsk: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const shell = useTvShell();
  const room = useMeetupRoom();
  const [asking, setAsking] = useState(false);
  const [sent, setSent] = useState(false);
  const order = useMemo(() => room.questions.map((q) => q.id), [room.questions]);
  // The selection follows its question through reordering; when it leaves the board, its neighbour takes over.
  const [tracked, setTracked] = useState<{ order: string[]; selected: string | null }>({ order, selected: null });
  if (tracked.order !== order) setTracked({ order, selected: followSelection(tracked.order, order, tracked.selected) });
  const selected = tracked.selected;
  const shown = visibleWindow(order, selected, WINDOW_SIZE);
  const ask = useFocusable<HTMLButtonElement>('meetup-ask', { section: BOARD, onSelect: () => setAsking(true) });

  // Focus arriving on a question by any path (spatial move, hover, recovery) selects it.
  useEffect(
    () =>
      shell.focus.subscribe((id) => {
        if (id?.startsWith(PREFIX)) setTracked((previous) => ({ ...previous, selected: id.slice(PREFIX.length) }));
      }),
    [shell.focus],
  );
  // Votes reorder the rows and notes come and go without any element registering: measure afresh next key press.
  useLayoutEffect(() => shell.focus.invalidateLayout(), [shell.focus, room.questions, room.actionError, shown.start, sent]);
  const pending = useRef<string | null>(null);
  // The next question may only now be on screen (the window moved): focus it after that render.
  useEffect(() => {
    const id = pending.current;
    if (id !== null && shell.focus.setFocus(questionFocusId(id))) pending.current = null;
  });

  useRemoteKeys(({ action, phase }) => {
    if (phase !== 'down' || (action.action !== 'up' && action.action !== 'down')) return false;
    const current = shell.focus.current();
    if (!current?.startsWith(PREFIX)) return false;
    const step = stepThrough(order, current.slice(PREFIX.length), action.action);
    if (step.kind === 'leave') return false;
    setTracked((previous) => ({ ...previous, selected: step.id }));
    if (!shell.focus.setFocus(questionFocusId(step.id))) pending.current = step.id;
    return true;
  });

  return (
    <section className="tv-questions" aria-labelledby="tv-questions-title">
      <h2 id="tv-questions-title" className="tv-questions__title">
        {t('meetup.questions')} <span className="tv-muted">({i18n.number(order.length)})</span>
      </h2>
      {canAsk && (
        <button type="button" className="tv-button tv-button--primary tv-focusable tv-questions__ask" {...ask.props}>
          {t('tv.meetup.ask')}
        </button>
      )}
      {room.actionError && (
        <p className="tv-questions__error" role="alert">
          {t('meetup.actionError', { message: room.actionError.message })}
        </p>
      )}
      {sent && !room.actionError && (
        <p className="tv-muted" role="status">
          {t('meetup.ask.sent')}
        </p>
      )}
      {order.length === 0 ? (
        <p className="tv-muted">{t('meetup.questions.empty')}</p>
      ) : (
        <>
          {shown.above > 0 && <p className="tv-questions__more">▲ {t('tv.meetup.more', { count: i18n.number(shown.above) })}</p>}
          <ol className="tv-questions__list" data-testid="tv-question-board">
            {shown.ids.map((id) => {
              const question = room.questions.find((q) => q.id === id);
              return question ? <QuestionRow key={id} question={question} canVote={canAsk} /> : null;
            })}
          </ol>
          {shown.below > 0 && <p className="tv-questions__more">▼ {t('tv.meetup.more', { count: i18n.number(shown.below) })}</p>}
        </>
      )}
      {asking && (
        <TvAskDialog
          onClose={(wasSent) => {
            setAsking(false);
            setSent(wasSent);
            // Out of the dialog's scope first: focus may then go back to the button that opened it.
            shell.focus.setScope(null);
            shell.focus.setFocus('meetup-ask');
          }}
        />
      )}
    </section>
  );
}

function QuestionRow({ question, canVote }: { question: Question; canVote: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { client } = useMeetupServices();
  const { props, focused } = useFocusable<HTMLLIElement>(questionFocusId(question.id), {
    section: BOARD,
    onSelect: () => canVote && void client.upvote(question.id),
  });
  return (
    <li className={`tv-question tv-focusable tv-question--${question.status}`} data-question={question.id} data-status={question.status} {...props}>
      <p className="tv-question__text">{question.text}</p>
      <p className="tv-muted tv-question__meta">
        {question.status === 'spotlight' && <span className="tv-question__spot">{t('meetup.spotlight')} · </span>}
        {question.askedBy ? t('meetup.askedBy', { name: question.askedBy }) : t('meetup.anonymous')} ·{' '}
        <span data-testid="tv-question-votes">{i18n.plural('meetup.votes', question.votes)}</span>
        {focused && canVote && <span className="tv-question__vote"> · OK {t('meetup.upvote')}</span>}
      </p>
    </li>
  );
}
