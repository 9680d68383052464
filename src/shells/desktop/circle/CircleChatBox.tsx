// The circle's reactions and messages inside the desktop/phone circle panel: reaction buttons, a message field
// with what is left of its length, the last few messages (each but one's own can be reported to the host) and,
// for the host, the reports with "remove message" and "remove the sender". Refusals show where they happened.
import { useState, type FormEvent } from 'react';
import { CIRCLE_MESSAGE_MAX_LENGTH, CIRCLE_REACTIONS, circleTextLength, normalizeCircleText, type CircleMessage, type CircleView } from '../../../protocol/circle';
import { CIRCLE_REACTION_SHAPES, type ChatSnapshot, type CircleChat, type CircleClient, type CircleOutcome } from '../../../circles';
import { useI18n } from '../../../react/AppContext';
import { ShapeIcon } from '../../../react/ShapeIcon';
import { circleMessageText, circleRefusalText } from './circle-text';

export interface CircleChatBoxProps {
  chat: CircleChat;
  client: CircleClient;
  snapshot: ChatSnapshot;
  view: CircleView;
  you: string | undefined;
  online: boolean;
}

export function CircleChatBox({ chat, client, snapshot, view, you, online }: CircleChatBoxProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [note, setNote] = useState<string>();
  const isHost = view.hostId === you;
  const left = CIRCLE_MESSAGE_MAX_LENGTH - circleTextLength(normalizeCircleText(text));
  const outcome = (done: CircleOutcome, after?: () => void) => {
    if (done.ok) {
      setProblem(undefined);
      after?.();
    } else setProblem(circleRefusalText(t, done.refusal, view));
  };
  const send = (e: FormEvent) => {
    e.preventDefault();
    setNote(undefined);
    void chat.say(text).then((done) => outcome(done, () => setText('')));
  };
  return (
    <div className="circle-chat" data-testid="circle-chat">
      <div className="circle-chat__reactions" role="group" aria-label={t('circle.chat.reactions')}>
        {CIRCLE_REACTIONS.map((reaction) => (
          <button
            key={reaction}
            type="button"
            className="circle-chat__reaction"
            data-reaction={reaction}
            disabled={!online}
            aria-label={t(`circle.reaction.${reaction}`)}
            title={t(`circle.reaction.${reaction}`)}
            onClick={() => void chat.react(reaction).then((done) => outcome(done))}
          >
            <ShapeIcon parts={CIRCLE_REACTION_SHAPES[reaction]} size="1.4rem" />
          </button>
        ))}
      </div>
      <form className="circle-chat__form" onSubmit={send}>
        <label className="circle-chat__field">
          <input
            aria-label={t('circle.chat.label')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('circle.chat.placeholder')}
            aria-describedby="circle-chat-left"
            autoComplete="off"
            enterKeyHint="send"
            disabled={!online}
          />
        </label>
        <button type="submit" className="button button--small" disabled={!online}>
          {t('circle.chat.send')}
        </button>
      </form>
      <p id="circle-chat-left" className={left < 0 ? 'circle-chat__left circle__refusal' : 'muted circle-chat__left'}>
        {t('circle.chat.left', { count: left })}
      </p>
      {problem && (
        <p role="alert" className="circle__refusal">
          {problem}
        </p>
      )}
      {note && (
        <p role="status" className="muted">
          {note}
        </p>
      )}
      {isHost && snapshot.reports.length > 0 && (
        <ul className="circle-chat__reports" aria-label={t('circle.chat.report')}>
          {snapshot.reports.map((r) => (
            <li key={r.message.id} role="alert">
              <p>{t('circle.chat.reported', { reporter: r.reporterName, name: r.message.name, text: circleMessageText(t, r.message) })}</p>
              <div className="circle__controls">
                <button type="button" className="button button--small" onClick={() => void chat.remove(r.message.id).then((done) => outcome(done))}>
                  {t('circle.chat.removeMessage')}
                </button>
                {view.members.some((m) => m.id === r.message.memberId) && r.message.memberId !== you && (
                  <button type="button" className="button button--small" onClick={() => void client.manage({ kind: 'remove', memberId: r.message.memberId }).then((done) => outcome(done))}>
                    {t('circle.chat.removeSender', { name: r.message.name })}
                  </button>
                )}
                <button type="button" className="button button--small" onClick={() => chat.dismissReport(r.message.id)}>
                  {t('circle.chat.dismiss')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {snapshot.messages.length > 0 && (
        <>
          <h3 className="circle__members-title">{t('circle.chat.recent')}</h3>
          <ol className="circle-chat__messages" data-testid="circle-messages">
            {snapshot.messages.map((m) => (
              <MessageLine key={m.id} message={m} mine={m.memberId === you} isHost={isHost} chat={chat} onReported={() => setNote(t('circle.chat.reportSent'))} onDone={outcome} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

interface MessageLineProps {
  message: CircleMessage;
  mine: boolean;
  isHost: boolean;
  chat: CircleChat;
  onReported: () => void;
  onDone: (done: CircleOutcome) => void;
}

function MessageLine({ message, mine, isHost, chat, onReported, onDone }: MessageLineProps) {
  const { t } = useI18n();
  return (
    <li>
      <span className="circle__member-name">{message.name}</span> <span className="circle-chat__text">{circleMessageText(t, message)}</span>
      {!mine && !isHost && (
        <button
          type="button"
          className="circle-chat__report"
          aria-label={t('circle.chat.reportLabel', { name: message.name })}
          onClick={() => void chat.report(message.id).then((done) => (done.ok ? onReported() : onDone(done)))}
        >
          {t('circle.chat.report')}
        </button>
      )}
      {isHost && (
        <button type="button" className="circle-chat__report" onClick={() => void chat.remove(message.id).then(onDone)}>
          {t('circle.chat.removeMessage')}
        </button>
      )}
    </li>
  );
}
