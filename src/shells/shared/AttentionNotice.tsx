// The viewer's notice that anonymous viewing directions are collected, with the switch that turns it off (the
// choice is remembered on the device and honoured by every shell). Shown in the desktop and phone views.
import { ATTENTION_MESSAGES } from '../../i18n/attention';
import { addMessages } from '../../i18n/translator';
import { useI18n } from '../../react/AppContext';
import { useAttentionOptOut } from '../../react/useAttention';
import './attention.css';

addMessages(ATTENTION_MESSAGES);

export function AttentionNotice() {
  const { t } = useI18n();
  const [optedOut, setOptedOut] = useAttentionOptOut();
  return (
    <div className="attention-notice" data-testid="attention-notice" data-opted-out={optedOut ? 'true' : 'false'}>
      <span className="attention-notice__text">{optedOut ? t('attention.off') : t('attention.notice')}</span>
      <label className="attention-notice__switch">
        <input type="checkbox" role="switch" checked={!optedOut} onChange={(e) => setOptedOut(!e.target.checked)} data-testid="attention-switch" />
        <span>{t('attention.switch')}</span>
      </label>
    </div>
  );
}
