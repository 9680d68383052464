// Schedules a meet-up: id, title and star in both UI languages, start time, the lowest tier that may enter.
// The server validates it again; its field-by-field refusal shows here, and nothing typed is lost.
import { useState, type FormEvent } from 'react';
import { BACKER_TIERS, type BackerTier } from '../../protocol';
import { useI18n, useServices } from '../../react/AppContext';
import { useMeetupServices } from '../../react/useMeetup';

export function ScheduleForm({ token, onScheduled, onTokenRefused }: { token: string; onScheduled: () => void; onTokenRefused: () => void }) {
  const { t } = useI18n();
  const { projectId } = useServices();
  const { api } = useMeetupServices();
  const [fields, setFields] = useState({ id: '', titleEn: '', titleZh: '', starEn: '', starZh: '', start: '', tier: 'gold' as BackerTier });
  const [error, setError] = useState<string | null>(null);
  const set = (name: keyof typeof fields) => (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value });
  const text = (en: string, zh: string) => ({ ...(en.trim() ? { en: en.trim() } : {}), ...(zh.trim() ? { 'zh-CN': zh.trim() } : {}) });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const startMs = Date.parse(fields.start);
    if (Number.isNaN(startMs)) return setError(t('host.schedule.badStart'));
    const result = await api.schedule(
      projectId,
      { id: fields.id.trim(), title: text(fields.titleEn, fields.titleZh), star: text(fields.starEn, fields.starZh), scheduledStart: new Date(startMs).toISOString(), requiredTier: fields.tier },
      token,
    );
    if (!result.ok) {
      if (result.failure.status === 401 || result.failure.status === 403) return onTokenRefused();
      return setError(t('host.actionFailed', { message: result.failure.message }));
    }
    setError(null);
    setFields({ ...fields, id: '', titleEn: '', titleZh: '', starEn: '', starZh: '' });
    onScheduled();
  };
  return (
    <form className="host__form" onSubmit={(e) => void submit(e)} aria-labelledby="schedule-title">
      <h3 id="schedule-title">{t('host.schedule.title')}</h3>
      <label className="field">
        <span>{t('host.schedule.id')}</span>
        <input value={fields.id} onChange={set('id')} pattern="[a-z0-9][a-z0-9-]{0,63}" required />
      </label>
      <label className="field">
        <span>{t('host.schedule.titleEn')}</span>
        <input value={fields.titleEn} onChange={set('titleEn')} maxLength={200} />
      </label>
      <label className="field">
        <span>{t('host.schedule.titleZh')}</span>
        <input value={fields.titleZh} onChange={set('titleZh')} maxLength={200} />
      </label>
      <label className="field">
        <span>{t('host.schedule.starEn')}</span>
        <input value={fields.starEn} onChange={set('starEn')} maxLength={200} />
      </label>
      <label className="field">
        <span>{t('host.schedule.starZh')}</span>
        <input value={fields.starZh} onChange={set('starZh')} maxLength={200} />
      </label>
      <label className="field">
        <span>{t('host.schedule.start')}</span>
        <input type="datetime-local" value={fields.start} onChange={set('start')} required />
      </label>
      <label className="field">
        <span>{t('host.schedule.tier')}</span>
        <select value={fields.tier} onChange={set('tier')}>
          {BACKER_TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {t(`tier.${tier}`)}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="questions__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--small">
        {t('host.schedule.submit')}
      </button>
    </form>
  );
}
