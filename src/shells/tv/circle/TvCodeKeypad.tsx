// Joining a circle by its code on a TV, with the remote alone: an on-screen keypad of the code's own alphabet (no
// lookalike characters), walked with the D-pad; OK types the focused key, Back deletes the last character (and
// closes the keypad once nothing is typed), the remote's number keys type digits. The code shows as invites print
// it. Join asks the circle; a refusal (no such code, expired, full, a tier this TV lacks) is said here, in the
// family's language, and the code stays for them to correct.
import { useLayoutEffect, useState, type ReactNode } from 'react';
import type { CircleOutcome, CircleRefusalNotice } from '../../../circles/circle-client';
import { useI18n } from '../../../react/AppContext';
import { useFocusable } from '../useFocusable';
import { useRemoteKeys, useTvShell } from '../TvShellContext';
import { CODE_KEYPAD_ROWS, codeComplete, codeOnScreen, deleteCodeChar, typeCodeChar } from './code-keypad';
import { refusalText } from './refusal-text';

/** The keypad's focus section: the D-pad stays in it while it shows (rows: Down always reaches the next row). */
export const KEYPAD_SECTION = 'circle-keypad';
export const KEYPAD_FOCUS = {
  key: (char: string) => `circle-key-${char}`,
  delete: 'circle-key-delete',
  join: 'circle-key-join',
  cancel: 'circle-key-cancel',
} as const;

export interface TvCodeKeypadProps {
  /** Asks the circle; resolves with its answer. */
  join: (code: string) => Promise<CircleOutcome>;
  /** Closes the keypad (Cancel, or Back with nothing typed). */
  onClose: () => void;
  maxMembers: number;
}

export function TvCodeKeypad({ join, onClose, maxMembers }: TvCodeKeypadProps) {
  const { t } = useI18n();
  const { focus } = useTvShell();
  const [code, setCode] = useState('');
  const [refusal, setRefusal] = useState<CircleRefusalNotice>();
  const [incomplete, setIncomplete] = useState(false);
  const [busy, setBusy] = useState(false);

  useLayoutEffect(() => {
    focus.defineSection(KEYPAD_SECTION, { rows: true });
    focus.setScope(KEYPAD_SECTION);
    focus.setFocus(KEYPAD_FOCUS.key(CODE_KEYPAD_ROWS[0]![0]!));
  }, [focus]);

  const type = (char: string) => {
    setIncomplete(false);
    setRefusal(undefined);
    const next = typeCodeChar(code, char);
    setCode(next);
    // The last character typed: Join is what comes next.
    if (codeComplete(next) && !codeComplete(code)) focus.setFocus(KEYPAD_FOCUS.join);
  };
  const erase = () => {
    setIncomplete(false);
    setRefusal(undefined);
    setCode(deleteCodeChar(code));
  };
  const submit = () => {
    if (busy) return;
    if (!codeComplete(code)) return setIncomplete(true);
    setBusy(true);
    void join(code).then((outcome) => {
      setBusy(false);
      if (outcome.ok) onClose();
      else setRefusal(outcome.refusal);
    });
  };

  useRemoteKeys(({ action, phase, repeat }) => {
    if (action.action === 'digit') {
      if (phase === 'down') type(String(action.digit));
      return true;
    }
    if (action.action !== 'back') return false;
    // A held Back stays the TV's; a press deletes, and with nothing typed closes the keypad.
    if (repeat) return false;
    if (phase === 'down') {
      if (code) erase();
      else onClose();
    }
    return true;
  });

  return (
    <div className="tv-keypad-circle" data-testid="tv-circle-keypad">
      <div className="tv-keypad-circle__side">
        <p className="tv-keypad-circle__title">{t('circle.tv.codeTitle')}</p>
        <p className="tv-keypad-circle__code" data-testid="tv-circle-code" aria-label={t('circle.tv.codeLabel')} aria-live="polite">
          {codeOnScreen(code)}
        </p>
        {refusal ? (
          <p role="alert" className="tv-keypad-circle__problem" data-testid="tv-circle-refusal" data-reason={refusal.reason}>
            {refusalText(t, refusal, maxMembers)}
          </p>
        ) : incomplete ? (
          <p role="alert" className="tv-keypad-circle__problem" data-testid="tv-circle-refusal" data-reason="incomplete">
            {t('circle.tv.incomplete', { count: code.length })}
          </p>
        ) : busy ? (
          <p role="status" className="tv-keypad-circle__hint">
            {t('circle.connecting')}
          </p>
        ) : (
          <p className="tv-keypad-circle__hint">{t('circle.tv.codeHint')}</p>
        )}
      </div>
      <div className="tv-keypad-circle__keys">
        {CODE_KEYPAD_ROWS.map((row) => (
          <div key={row} className="tv-keypad-circle__row">
            {Array.from(row).map((char) => (
              <Key key={char} id={KEYPAD_FOCUS.key(char)} onPress={() => type(char)}>
                {char}
              </Key>
            ))}
          </div>
        ))}
        <div className="tv-keypad-circle__row">
          <Key id={KEYPAD_FOCUS.delete} wide onPress={erase}>
            ⌫ {t('circle.tv.delete')}
          </Key>
          <Key id={KEYPAD_FOCUS.join} wide primary onPress={submit}>
            {t('circle.join')}
          </Key>
          <Key id={KEYPAD_FOCUS.cancel} wide onPress={onClose}>
            {t('circle.tv.cancel')}
          </Key>
        </div>
      </div>
    </div>
  );
}

function Key({ id, onPress, wide = false, primary = false, children }: { id: string; onPress: () => void; wide?: boolean; primary?: boolean; children: ReactNode }) {
  const { props } = useFocusable<HTMLButtonElement>(id, { section: KEYPAD_SECTION, onSelect: onPress });
  return (
    <button type="button" className={`watch-button tv-keypad-circle__key${wide ? ' tv-keypad-circle__key--wide' : ''}${primary ? ' tv-keypad-circle__key--primary' : ''}`} {...props}>
      {children}
    </button>
  );
}
