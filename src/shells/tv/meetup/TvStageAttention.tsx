// The attention notice on a meet-up's stage, operable by remote: under the stage's rows (the reactions while live,
// the replay's buttons after), its last row, with the switch. Down from the row above reaches the switch, so the
// stage's own way (Up from the reactions to the stage, Right to the question board) is as it was. It stays on
// screen while the stage plays: the stage has no overlay to tell it in, and the host's radar is sampled all along.
// The choice is the device's one (src/attention/attention-choice.ts), the same as the watch screen's.
import { useSyncExternalStore } from 'react';
import { ATTENTION_MESSAGES } from '../../../i18n/attention';
import { addMessages } from '../../../i18n/translator';
import { useI18n } from '../../../react/AppContext';
import { useAttentionOptOut } from '../../../react/useAttention';
import { useFocusManager } from '../useFocusable';
import { AttentionSwitch } from '../watch/TvAttentionNotice';

addMessages(ATTENTION_MESSAGES);

/** The switch's focus id and section on the stage. */
export const STAGE_ATTENTION_FOCUS = 'meetup-attention';
const STAGE_ATTENTION_SECTION = 'meetup-attention';

export function TvStageAttention() {
  const { t } = useI18n();
  const [optedOut, setOptedOut] = useAttentionOptOut();
  const focus = useFocusManager();
  const onSwitch = useSyncExternalStore(
    (listener) => focus.subscribe(listener),
    () => focus.current() === STAGE_ATTENTION_FOCUS,
  );
  return (
    <div className="tv-stage-attention" data-testid="attention-notice" data-opted-out={optedOut ? 'true' : 'false'} role="status">
      <span className="tv-attention__text">
        {optedOut ? t('attention.off') : t('attention.notice')}
        {/* How to reach the switch, until the remote is on it. */}
        {!onSwitch && <span className="tv-attention__hint"> {t('attention.tvStageHint')}</span>}
      </span>
      <AttentionSwitch id={STAGE_ATTENTION_FOCUS} section={STAGE_ATTENTION_SECTION} className="tv-button tv-focusable" optedOut={optedOut} onToggle={() => setOptedOut(!optedOut)} />
    </div>
  );
}
