// Joining the TV to a circle from the phone page: the circle's code from its invite; the TV joins the circle as its
// own viewer (the server checks only the code's form; the TV's join checks the rest).
import { useState, type FormEvent } from 'react';
import type { PhonePairing, PhonePairingSnapshot } from '../../../pairing';
import { useI18n } from '../../../react/AppContext';

export function PhoneCircleCard({ client, snapshot }: { client: PhonePairing; snapshot: PhonePairingSnapshot }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const { circle } = snapshot;
  return (
    <form
      className="phone-pairing__card"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void client.joinCircle(code.trim());
      }}
    >
      <h2>{t('pairing.phone.circle.title')}</h2>
      <p className="phone-pairing__hint">{t('pairing.phone.circle.hint')}</p>
      <label>
        {t('pairing.phone.circle.label')}
        <input className="phone-pairing__code-input" data-testid="phone-pairing-circle-code" value={code} onChange={(e) => setCode(e.target.value)} autoCapitalize="characters" autoComplete="off" spellCheck={false} maxLength={16} required />
      </label>
      {circle?.status === 'refused' && (
        <p className="phone-pairing__error" role="alert" data-testid="phone-pairing-circle-refusal" data-reason={circle.refusal.reason}>
          {t(`pairing.refused.${circle.refusal.reason}`)}
        </p>
      )}
      {circle?.status === 'asked' && (
        <p className="phone-pairing__ok" role="status" data-testid="phone-pairing-circle-joined">
          {t('pairing.phone.circle.joined')}
        </p>
      )}
      <button type="submit" className="phone-pairing__primary" data-testid="phone-pairing-circle-send" disabled={snapshot.status !== 'paired' || circle?.status === 'sending'}>
        {circle?.status === 'sending' ? t('pairing.phone.circle.sending') : t('pairing.phone.circle.send')}
      </button>
    </form>
  );
}
