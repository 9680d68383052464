// Posts a milestone to the project's feed from the console (the ingest API, with the operator token).
import { useState, type FormEvent } from 'react';
import { useI18n, useServices } from '../../react/AppContext';
import { useMeetupServices } from '../../react/useMeetup';

const KINDS = ['announcement', 'shooting-day', 'scene-wrapped', 'funding'] as const;

export function MilestoneForm({ token }: { token: string }) {
  const { t } = useI18n();
  const { projectId } = useServices();
  const { api } = useMeetupServices();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('announcement');
  const [en, setEn] = useState('');
  const [zh, setZh] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const title = { ...(en.trim() ? { en: en.trim() } : {}), ...(zh.trim() ? { 'zh-CN': zh.trim() } : {}) };
    const result = await api.postMilestone(projectId, { kind, title }, token);
    if (!result.ok) return setOutcome({ ok: false, text: t('host.actionFailed', { message: result.failure.message }) });
    setOutcome({ ok: true, text: t('host.milestone.posted') });
    setEn('');
    setZh('');
  };
  return (
    <form className="host__form" onSubmit={(e) => void submit(e)} aria-labelledby="milestone-title">
      <h3 id="milestone-title">{t('host.milestone.title')}</h3>
      <label className="field">
        <span>{t('host.milestone.kind')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`milestone.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('host.schedule.titleEn')}</span>
        <input value={en} onChange={(e) => setEn(e.target.value)} maxLength={200} />
      </label>
      <label className="field">
        <span>{t('host.schedule.titleZh')}</span>
        <input value={zh} onChange={(e) => setZh(e.target.value)} maxLength={200} />
      </label>
      {outcome && (
        <p className={outcome.ok ? 'muted' : 'questions__error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      <button type="submit" className="button button--small" disabled={!en.trim() && !zh.trim()}>
        {t('host.milestone.submit')}
      </button>
    </form>
  );
}
