// "Exit SetVisit?" on Back at home: the D-pad is kept inside it, "Stay" is focused first, and only "Exit" leaves.
import { useLayoutEffect } from 'react';
import { useI18n } from '../../react/AppContext';
import { useFocusable } from './useFocusable';
import { useTvShell } from './TvShellContext';

export const EXIT_SECTION = 'exit-prompt';

export function ExitPrompt({ onAnswer }: { onAnswer: (exit: boolean) => void }) {
  const { t } = useI18n();
  const { focus } = useTvShell();
  const yes = useFocusable<HTMLButtonElement>('exit-yes', { section: EXIT_SECTION, onSelect: () => onAnswer(true) });
  const no = useFocusable<HTMLButtonElement>('exit-no', { section: EXIT_SECTION, onSelect: () => onAnswer(false) });
  useLayoutEffect(() => {
    focus.setScope(EXIT_SECTION);
    focus.setFocus('exit-no');
    return () => focus.setScope(null);
  }, [focus]);
  return (
    <div className="tv-dialog-backdrop">
      <div className="tv-dialog" role="alertdialog" aria-modal="true" aria-labelledby="tv-exit-title" data-testid="tv-exit-prompt">
        <p id="tv-exit-title" className="tv-dialog__title">
          {t('tv.exit.question')}
        </p>
        <div className="tv-dialog__buttons">
          <button type="button" className="tv-button tv-focusable" {...no.props}>
            {t('tv.exit.no')}
          </button>
          <button type="button" className="tv-button tv-focusable" {...yes.props}>
            {t('tv.exit.yes')}
          </button>
        </div>
      </div>
    </div>
  );
}
