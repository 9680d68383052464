// The attention notice on a TV, operable by remote: anonymous viewing directions are collected while the family
// watches. Told at the top of the picture for a while after it starts, with where to switch it off; in the watch
// overlay (OK) it is the bar's last row, under its buttons, with the switch. There the switch is off the D-pad's
// way up from the controls to the scrub bar and the hotspots over the picture (Down from the buttons reaches it).
// The choice is the device's one (src/attention/attention-choice.ts), honoured by every shell on this TV.
import { useEffect, useState } from 'react';
import { ATTENTION_MESSAGES } from '../../../i18n/attention';
import { addMessages } from '../../../i18n/translator';
import { useI18n } from '../../../react/AppContext';
import { useAttentionOptOut } from '../../../react/useAttention';
import { useFocusable } from '../useFocusable';
import { WATCH_OVERLAY } from './focus-ids';
import './tv-attention.css';

addMessages(ATTENTION_MESSAGES);

/** The switch's focus id in the watch overlay. */
export const ATTENTION_FOCUS = 'watch-attention';
/** Long enough to read from the sofa; the overlay shows the notice again whenever it is open. */
const FIRST_SHOW_MS = 15_000;

/** At the top of the picture for the first seconds while the family pans; nothing while the overlay shows it. */
export function TvAttentionNotice({ overlay }: { overlay: boolean }) {
  const { t } = useI18n();
  const [optedOut] = useAttentionOptOut();
  const [fresh, setFresh] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setFresh(false), FIRST_SHOW_MS);
    return () => clearTimeout(timer);
  }, []);
  if (overlay || !fresh) return null;
  return (
    <div className="tv-attention" data-testid="attention-notice" data-opted-out={optedOut ? 'true' : 'false'} role="status">
      <span className="tv-attention__text">{optedOut ? t('attention.off') : t('attention.notice')}</span>
      <span className="tv-attention__hint">{t('attention.tvHint')}</span>
    </div>
  );
}

/** The watch overlay's row: what is collected (or that nothing is), and the switch. */
export function TvAttentionRow() {
  const { t } = useI18n();
  const [optedOut, setOptedOut] = useAttentionOptOut();
  return (
    <div className="tv-attention-row" data-testid="attention-notice" data-opted-out={optedOut ? 'true' : 'false'} role="status">
      <span className="tv-attention__text">{optedOut ? t('attention.off') : t('attention.notice')}</span>
      <AttentionSwitch id={ATTENTION_FOCUS} section={WATCH_OVERLAY} className="watch-button" optedOut={optedOut} onToggle={() => setOptedOut(!optedOut)} />
    </div>
  );
}

/** The switch, in the focus flow of the screen that shows it (its own id and section there). */
export function AttentionSwitch({ id, section, className, optedOut, onToggle }: { id: string; section: string; className: string; optedOut: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  const { props } = useFocusable<HTMLButtonElement>(id, { section, onSelect: onToggle });
  return (
    <button {...props} type="button" role="switch" aria-checked={!optedOut} className={`${className} tv-attention__switch`} data-testid="attention-switch">
      {t(optedOut ? 'attention.tvSwitchOff' : 'attention.tvSwitchOn')}
    </button>
  );
}
