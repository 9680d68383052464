// The on-screen Back of the meet-up screens: what the remote's Back key does, for remotes without one in reach and
// for pointers (the Magic Remote).
import { useI18n } from '../../../react/AppContext';
import { useFocusable } from '../useFocusable';
import { useTvShell } from '../TvShellContext';

export function TvBackButton({ id, section }: { id: string; section: string }) {
  const { t } = useI18n();
  const { back } = useTvShell();
  const { props } = useFocusable<HTMLButtonElement>(id, { section, onSelect: back });
  return (
    <button type="button" className="tv-button tv-focusable tv-meetup__back" {...props}>
      ← {t('tv.back')}
    </button>
  );
}
