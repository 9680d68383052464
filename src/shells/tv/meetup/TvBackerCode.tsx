// The backer code on a TV: an on-screen keypad walked with the D-pad (the remote's number keys type digits too), the
// code shown as typed so the family can check it against the campaign's e-mail. "Open" stores it through the app's
// sign-in (Web Storage, the same place the desktop's form keeps it; never a URL) and joins again with it.
import { useLayoutEffect, useState } from 'react';
import { useI18n, useServices } from '../../../react/AppContext';
import { useMeetupServices } from '../../../react/useMeetup';
import { useFocusable } from '../useFocusable';
import { codeToSubmit, EMPTY_KEYPAD, keypadRows, pressKeypad, type KeypadKey, type KeypadState } from '../../../tv/meetup';
import { useRemoteKeys, useTvShell } from '../TvShellContext';

const SECTION = 'meetup-keypad';

export function TvBackerCode({ rejected }: { rejected: boolean }) {
  const { t } = useI18n();
  const { signIn } = useServices();
  const { client } = useMeetupServices();
  const { focus } = useTvShell();
  const [state, setState] = useState<KeypadState>(EMPTY_KEYPAD);
  const press = (key: KeypadKey) => setState((previous) => pressKeypad(previous, key));
  const submit = () => {
    const code = codeToSubmit(state);
    if (!code) return;
    signIn(code);
    client.retryWithNewToken();
  };
  useLayoutEffect(() => {
    // Rows: Down from the middle of the digits reaches the short "- _" row instead of skipping it.
    focus.defineSection(SECTION, { rows: true });
    focus.setFocus('keypad-a');
  }, [focus]);
  useRemoteKeys(({ action, phase }) => {
    if (action.action !== 'digit') return false;
    if (phase === 'down') press({ kind: 'char', char: String(action.digit) });
    return true;
  });
  return (
    <div className="tv-keypad" data-testid="tv-backer-code">
      {rejected && (
        <p className="tv-questions__error" role="alert">
          {t('feed.signIn.wrongCode')}
        </p>
      )}
      <p className="tv-keypad__label">{t('feed.signIn.label')}</p>
      <p className="tv-keypad__code" data-testid="tv-backer-code-value" aria-live="polite">
        {state.code || <span className="tv-muted">{t('tv.meetup.code.empty')}</span>}
      </p>
      <div className="tv-keypad__rows">
        {keypadRows(state.shifted).map((row, r) => (
          <div key={r} className="tv-keypad__row">
            {row.map((char) => (
              // Ids by the lower-case key, so focus stays on the same key when Shift changes its face.
              <Key key={char.toLowerCase()} id={`keypad-${char.toLowerCase()}`} label={char} onPress={() => press({ kind: 'char', char })} />
            ))}
          </div>
        ))}
        <div className="tv-keypad__row">
          <Key id="keypad-shift" label={state.shifted ? 'abc' : 'ABC'} wide onPress={() => press({ kind: 'shift' })} />
          <Key id="keypad-delete" label={`⌫ ${t('tv.meetup.code.delete')}`} wide onPress={() => press({ kind: 'delete' })} />
          <Key id="keypad-clear" label={t('tv.meetup.code.clear')} wide onPress={() => press({ kind: 'clear' })} />
          <Key id="keypad-submit" label={t('feed.signIn.submit')} wide primary onPress={submit} />
        </div>
      </div>
      <p className="tv-muted">{t('tv.meetup.code.hint')}</p>
    </div>
  );
}

function Key({ id, label, onPress, wide = false, primary = false }: { id: string; label: string; onPress: () => void; wide?: boolean; primary?: boolean }) {
  const { props } = useFocusable<HTMLButtonElement>(id, { section: SECTION, onSelect: onPress });
  return (
    <button type="button" className={`tv-keypad__key tv-focusable${wide ? ' tv-keypad__key--wide' : ''}${primary ? ' tv-button--primary' : ''}`} {...props}>
      {label}
    </button>
  );
}
