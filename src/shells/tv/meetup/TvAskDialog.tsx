// Asking the star from a TV: a short list of suggested questions in the UI language, picked with the D-pad and sent
// with OK. Typing a question letter by letter with a remote is slow enough that families give up; the suggestions
// are what the desktop's free text mostly asks anyway. The server validates and limits the text as for any question.
// A refusal keeps the dialog open with the reason; Back closes it.
import { useLayoutEffect, useState } from 'react';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../react/AppContext';
import { useMeetupServices } from '../../../react/useMeetup';
import { useFocusable } from '../useFocusable';
import { useRemoteKeys, useTvShell } from '../TvShellContext';

const ASK_SECTION = 'meetup-ask-dialog';
export const SUGGESTIONS: readonly MessageKey[] = ['tv.meetup.suggest.scene', 'tv.meetup.suggest.hardest', 'tv.meetup.suggest.funny', 'tv.meetup.suggest.role', 'tv.meetup.suggest.backers'];

export function TvAskDialog({ onClose }: { onClose: (sent: boolean) => void }) {
  const { t } = useI18n();
  const { focus } = useTvShell();
  const { client } = useMeetupServices();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useLayoutEffect(() => {
    focus.setScope(ASK_SECTION);
    focus.setFocus('meetup-suggest-0');
    return () => focus.setScope(null);
  }, [focus]);
  useRemoteKeys(({ action, phase, repeat }) => {
    if (action.action !== 'back') return false;
    if (phase === 'down' && !repeat) onClose(false);
    return true;
  });
  const send = async (text: string) => {
    if (sending) return;
    setSending(true);
    const outcome = await client.ask(text);
    setSending(false);
    if (outcome.ok) onClose(true);
    else setError(outcome.error.message);
  };
  const cancel = useFocusable<HTMLButtonElement>('meetup-ask-cancel', { section: ASK_SECTION, onSelect: () => onClose(false) });
  return (
    <div className="tv-dialog-backdrop">
      <div className="tv-dialog tv-ask" role="dialog" aria-modal="true" aria-labelledby="tv-ask-title" data-testid="tv-ask-dialog" aria-busy={sending}>
        <p id="tv-ask-title" className="tv-dialog__title">
          {t('tv.meetup.ask.title')}
        </p>
        <ul className="tv-ask__list">
          {SUGGESTIONS.map((key, index) => (
            <Suggestion key={key} index={index} text={t(key)} onPick={(text) => void send(text)} />
          ))}
        </ul>
        {error && (
          <p className="tv-questions__error" role="alert">
            {t('meetup.actionError', { message: error })}
          </p>
        )}
        <button type="button" className="tv-button tv-focusable" {...cancel.props}>
          {t('tv.meetup.ask.cancel')}
        </button>
      </div>
    </div>
  );
}

function Suggestion({ index, text, onPick }: { index: number; text: string; onPick: (text: string) => void }) {
  const { props } = useFocusable<HTMLLIElement>(`meetup-suggest-${index}`, { section: ASK_SECTION, onSelect: () => onPick(text) });
  return (
    <li className="tv-ask__item tv-focusable" {...props}>
      {text}
    </li>
  );
}
