// The question board: ask (length-checked as you type, the server checks again), upvote, and — in the host
// console — spotlight, mark answered or dismiss. Order and spotlight come from the store (question-board.ts).
import { useState, type FormEvent } from 'react';
import { QUESTION_MAX_LENGTH, type Question } from '../../protocol/meetup';
import { useI18n } from '../../react/AppContext';
import { useMeetupRoom, useMeetupServices } from '../../react/useMeetup';

export function QuestionBoard({ canAsk, moderate = false }: { canAsk: boolean; moderate?: boolean }) {
  const { t } = useI18n();
  const room = useMeetupRoom();
  return (
    <section className="questions" aria-labelledby="questions-title">
      <h2 id="questions-title">{moderate ? t('host.queue') : t('meetup.questions')}</h2>
      {canAsk && !moderate && <AskForm />}
      {room.actionError && (
        <p className="questions__error" role="alert">
          {t('meetup.actionError', { message: room.actionError.message })}
        </p>
      )}
      {room.questions.length === 0 ? (
        <p className="muted">{t('meetup.questions.empty')}</p>
      ) : (
        <ol className="questions__list" data-testid="question-board">
          {room.questions.map((q) => (
            <QuestionItem key={q.id} question={q} moderate={moderate} canVote={canAsk} />
          ))}
        </ol>
      )}
    </section>
  );
}

function QuestionItem({ question, moderate, canVote }: { question: Question; moderate: boolean; canVote: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { client } = useMeetupServices();
  return (
    <li className={`question question--${question.status}`} data-question={question.id} data-status={question.status}>
      <p className="question__text">{question.text}</p>
      <p className="muted question__meta">
        {question.askedBy ? t('meetup.askedBy', { name: question.askedBy }) : t('meetup.anonymous')} · {i18n.plural('meetup.votes', question.votes)}
      </p>
      <div className="question__actions">
        {canVote && !moderate && (
          <button type="button" className="button button--small" onClick={() => void client.upvote(question.id)} aria-label={t('meetup.upvoteLabel', { text: question.text })}>
            {t('meetup.upvote')}
          </button>
        )}
        {moderate && (
          <>
            {question.status !== 'spotlight' && (
              <button type="button" className="button button--small" onClick={() => void client.moderate(question.id, 'spotlight')}>
                {t('host.spotlight')}
              </button>
            )}
            <button type="button" className="button button--small" onClick={() => void client.moderate(question.id, 'answered')}>
              {t('host.answered')}
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => void client.moderate(question.id, 'dismiss')}>
              {t('host.dismiss')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

function AskForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const { client } = useMeetupServices();
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const left = QUESTION_MAX_LENGTH - text.length;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSending(true);
    const outcome = await client.ask(text, name || undefined);
    setSending(false);
    setSent(outcome.ok);
    // Keep the text on a refusal: nothing the person typed is lost.
    if (outcome.ok) setText('');
  };
  return (
    <form className="ask" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>{t('meetup.ask.label')}</span>
        <textarea
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSent(false);
          }}
          maxLength={QUESTION_MAX_LENGTH}
          rows={2}
          required
        />
      </label>
      <label className="field">
        <span>{t('meetup.ask.name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} autoComplete="nickname" />
      </label>
      <div className="ask__row">
        <span className={left < 20 ? 'ask__left ask__left--low' : 'ask__left muted'}>{i18n.plural('meetup.ask.left', left)}</span>
        <button type="submit" className="button button--small" disabled={sending || text.trim() === ''}>
          {t('meetup.ask.submit')}
        </button>
      </div>
      {sent && (
        <p className="muted" role="status">
          {t('meetup.ask.sent')}
        </p>
      )}
    </form>
  );
}
