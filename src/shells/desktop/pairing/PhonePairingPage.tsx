// The phone page (`?mode=pair`, the TV's QR code opens it with the code in the fragment): pairs with the TV by its
// code, then types the backer code for the TV, sends reactions that show on it, points its view ("look here") and
// asks questions in the meet-up it shows, and joins it to a circle. A page of its own at phone size,
// a lazy chunk no other page loads; its strings come with it. The page owns its pairing client.
import { useEffect, useState, type FormEvent } from 'react';
import { PAIRING_MESSAGES } from '../../../i18n/pairing';
import { addMessages } from '../../../i18n/translator';
import { PhonePairing, type PhonePairingSnapshot } from '../../../pairing';
import { PAIRING_REACTIONS, formatPairingCode, pairingCodeFromHash } from '../../../protocol/pairing';
import { useI18n } from '../../../react/AppContext';
import { PhoneAskCard } from './PhoneAskCard';
import { PhoneCircleCard } from './PhoneCircleCard';
import { PhonePointPad } from './PhonePointPad';
import './phone-pairing.css';

addMessages(PAIRING_MESSAGES);

export default function PhonePairingPage() {
  const { t } = useI18n();
  const [fromLink] = useState(() => pairingCodeFromHash(window.location.hash));
  const [code, setCode] = useState(fromLink ? formatPairingCode(fromLink) : '');
  const [name, setName] = useState(() => t('pairing.phone.defaultName'));
  const [client] = useState(() => new PhonePairing({ name: () => name.trim() || t('pairing.phone.defaultName') }));
  const [snapshot, setSnapshot] = useState<PhonePairingSnapshot>(client.current);
  useEffect(() => {
    const off = client.subscribe(setSnapshot);
    // Opened from the TV's QR code: pair at once, under the default name (the TV lists it; nothing else to ask).
    if (fromLink) void client.pair(fromLink);
    return () => {
      off();
      client.dispose();
    };
  }, [client, fromLink]);
  useEffect(() => {
    document.title = t('pairing.phone.title');
  }, [t]);

  const paired = snapshot.status === 'paired' || snapshot.status === 'offline';
  return (
    <main className="phone-pairing" data-testid="phone-pairing" data-pairing-status={snapshot.status}>
      <h1>{t('pairing.phone.title')}</h1>
      {paired && snapshot.view ? (
        <Paired client={client} snapshot={snapshot} />
      ) : snapshot.status === 'closed' ? (
        <section className="phone-pairing__card">
          <p role="alert" data-testid="phone-pairing-closed">
            {t(`pairing.phone.closed.${snapshot.closedReason ?? 'revoked'}`)}
          </p>
          <button type="button" className="phone-pairing__primary" onClick={() => client.reset()}>
            {t('pairing.phone.again')}
          </button>
        </section>
      ) : (
        <form
          className="phone-pairing__card"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void client.pair(code);
          }}
        >
          <p>{t('pairing.phone.intro')}</p>
          <label>
            {t('pairing.phone.code')}
            <input
              className="phone-pairing__code-input"
              data-testid="phone-pairing-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              maxLength={12}
              required
            />
          </label>
          <label>
            {t('pairing.phone.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={32} required />
          </label>
          {snapshot.status === 'refused' && snapshot.refusal && (
            <p className="phone-pairing__error" role="alert" data-testid="phone-pairing-refusal" data-reason={snapshot.refusal.reason}>
              {t(`pairing.refused.${snapshot.refusal.reason}`)}
            </p>
          )}
          <button type="submit" className="phone-pairing__primary" data-testid="phone-pairing-pair" disabled={snapshot.status === 'pairing'}>
            {snapshot.status === 'pairing' ? t('pairing.phone.pairing') : t('pairing.phone.pair')}
          </button>
        </form>
      )}
    </main>
  );
}

function Paired({ client, snapshot }: { client: PhonePairing; snapshot: PhonePairingSnapshot }) {
  const { t } = useI18n();
  const [backerCode, setBackerCode] = useState('');
  const { backer } = snapshot;
  return (
    <>
      <p className="phone-pairing__state" role="status" data-testid="phone-pairing-paired">
        {snapshot.status === 'offline' ? t('pairing.phone.offline') : t('pairing.phone.paired', { tv: snapshot.view?.tvName ?? 'TV' })}
      </p>
      <form
        className="phone-pairing__card"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void client.sendBackerCode(backerCode.trim()).then(() => setBackerCode(''));
        }}
      >
        <h2>{t('pairing.phone.backer.title')}</h2>
        <p className="phone-pairing__hint">{t('pairing.phone.backer.hint')}</p>
        <label>
          {t('pairing.phone.backer.label')}
          <input data-testid="phone-pairing-backer-code" value={backerCode} onChange={(e) => setBackerCode(e.target.value)} autoComplete="off" autoCapitalize="off" spellCheck={false} maxLength={128} required />
        </label>
        {backer?.status === 'refused' && (
          <p className="phone-pairing__error" role="alert" data-testid="phone-pairing-backer-refusal" data-reason={backer.refusal.reason}>
            {t(`pairing.refused.${backer.refusal.reason}`)}
          </p>
        )}
        {backer?.status === 'accepted' && (
          <p className="phone-pairing__ok" role="status" data-testid="phone-pairing-backer-accepted">
            {t('pairing.phone.backer.accepted', { tier: t(`tier.${backer.tier}`) })}
          </p>
        )}
        <button type="submit" className="phone-pairing__primary" data-testid="phone-pairing-backer-send" disabled={snapshot.status !== 'paired' || backer?.status === 'sending'}>
          {backer?.status === 'sending' ? t('pairing.phone.backer.sending') : t('pairing.phone.backer.send')}
        </button>
      </form>
      <PhonePointPad client={client} snapshot={snapshot} />
      <PhoneAskCard client={client} snapshot={snapshot} />
      <PhoneCircleCard client={client} snapshot={snapshot} />
      <section className="phone-pairing__card">
        <h2>{t('pairing.phone.react.title')}</h2>
        <div className="phone-pairing__reactions">
          {PAIRING_REACTIONS.map((reaction) => (
            <button key={reaction} type="button" data-testid={`phone-pairing-react-${reaction}`} disabled={snapshot.status !== 'paired'} onClick={() => void client.react(reaction)}>
              {t(`pairing.reaction.${reaction}`)}
            </button>
          ))}
        </div>
        {snapshot.reactionRefusal && (
          <p className="phone-pairing__error" role="alert">
            {t(`pairing.refused.${snapshot.reactionRefusal.reason}`)}
          </p>
        )}
      </section>
    </>
  );
}
