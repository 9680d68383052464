// A meet-up question typed on the phone page: the TV asks it in the meet-up it shows, as its own viewer, under this
// phone's name. The meet-up's bounds (280 characters) are the field's; the server checks them again, and the tier.
import { useState, type FormEvent } from 'react';
import type { PhonePairing, PhonePairingSnapshot } from '../../../pairing';
import { QUESTION_MAX_LENGTH } from '../../../protocol/meetup';
import { useI18n } from '../../../react/AppContext';

export function PhoneAskCard({ client, snapshot }: { client: PhonePairing; snapshot: PhonePairingSnapshot }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const { question } = snapshot;
  return (
    <form
      className="phone-pairing__card"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void client.ask(text.trim()).then((asked) => asked && setText(''));
      }}
    >
      <h2>{t('pairing.phone.ask.title')}</h2>
      <p className="phone-pairing__hint">{t('pairing.phone.ask.hint')}</p>
      <label>
        {t('pairing.phone.ask.label')}
        <textarea className="phone-pairing__question" data-testid="phone-pairing-question" value={text} onChange={(e) => setText(e.target.value)} maxLength={QUESTION_MAX_LENGTH} rows={3} required />
      </label>
      {question?.status === 'refused' && (
        <p className="phone-pairing__error" role="alert" data-testid="phone-pairing-question-refusal" data-reason={question.refusal.reason}>
          {t(`pairing.refused.${question.refusal.reason}`)}
        </p>
      )}
      {question?.status === 'asked' && (
        <p className="phone-pairing__ok" role="status" data-testid="phone-pairing-question-asked">
          {t('pairing.phone.ask.asked')}
        </p>
      )}
      <button type="submit" className="phone-pairing__primary" data-testid="phone-pairing-ask" disabled={snapshot.status !== 'paired' || question?.status === 'sending'}>
        {question?.status === 'sending' ? t('pairing.phone.ask.sending') : t('pairing.phone.ask.send')}
      </button>
    </form>
  );
}
