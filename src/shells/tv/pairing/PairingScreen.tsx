// "Pair a phone" on the TV, remote only: the QR code and the short code a phone pairs with, the paired phones with
// Unpair on each, End pairing, and what the phones send (a backer code the TV signs in with, reactions). Opened from
// the sign-in card of a backers-only project too: the phone types the backer code there. The pairing client is the
// page's (./paired-tv.ts), not the screen's: it outlives the screen, so the phones keep pointing and asking while the
// TV shows the set or a meet-up, and opening the screen again shows the same code to the same phones.
import { useEffect, useLayoutEffect, useState } from 'react';
import { PAIRING_MESSAGES } from '../../../i18n/pairing';
import { addMessages } from '../../../i18n/translator';
import { TvPairing, type TvPairingSnapshot } from '../../../pairing';
import { formatPairingCode, pairingLink, type PairedPhone } from '../../../protocol/pairing';
import { useFeed, useI18n, useServices } from '../../../react/AppContext';
import { useFocusable } from '../useFocusable';
import { useTvShell } from '../TvShellContext';
import { holdPairedTv, pairedTv, pairingScreenOpen } from './paired-tv';
import { TvPairingQr } from './TvPairingQr';
import './tv-pairing.css';

// The screen's strings come with its chunk, before anything of it renders (off the first screen's budget).
addMessages(PAIRING_MESSAGES);

const SECTION = 'pairing';

export default function PairingScreen() {
  const { t, language } = useI18n();
  const services = useServices();
  const { focus, back } = useTvShell();
  const [client] = useState(
    () =>
      pairedTv() ??
      holdPairedTv(
        new TvPairing({
          projectId: services.projectId,
          // The phone shows it ("Paired with TV"): the set's name in the family's language.
          tvName: t('pairing.tv.name'),
          onSignIn: (token) => services.signIn(token),
        }),
      ),
  );
  const [snapshot, setSnapshot] = useState<TvPairingSnapshot>(client.current);
  useEffect(() => {
    const closed = pairingScreenOpen();
    const off = client.subscribe(setSnapshot);
    // A pairing still showing (the screen opened again) keeps its code; otherwise ask for one.
    if (client.current.status !== 'showing' && client.current.status !== 'offline') client.start();
    return () => {
      off();
      closed();
    };
  }, [client]);
  // On a backers-only project's sign-in card the family came here for the phone to type the backer code.
  const feedError = useFeed().error?.code;
  const forSignIn = feedError === 'unauthorized' || feedError === 'forbidden' || feedError === 'not-found';
  useLayoutEffect(() => {
    focus.defineSection(SECTION, { rows: true });
    focus.setFocus('pairing-back');
  }, [focus]);

  const { view, status } = snapshot;
  const showing = status === 'showing' || status === 'offline';
  return (
    <main className="tv-pairing" data-testid="tv-pairing" data-pairing-status={status}>
      <h1 className="tv-pairing__title">{t('pairing.tv.title')}</h1>
      <div className="tv-pairing__grid">
        <section className="tv-pairing__code-card">
          {showing && view ? (
            <>
              <TvPairingQr link={pairingLink(location.origin, view.projectId, view.code, language)} label={t('pairing.tv.qr')} />
              <div className="tv-pairing__how">
                <p>{t('pairing.tv.intro')}</p>
                <p className="tv-pairing__code" data-testid="tv-pairing-code">
                  {formatPairingCode(view.code)}
                </p>
                {forSignIn && !snapshot.signedIn && (
                  <p className="tv-pairing__for-sign-in" data-testid="tv-pairing-for-sign-in">
                    {t('pairing.tv.forSignIn')}
                  </p>
                )}
                <p className="tv-muted">{t('pairing.tv.expires', { time: new Date(view.expiresAt).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' }) })}</p>
              </div>
            </>
          ) : (
            <Notice snapshot={snapshot} />
          )}
          {status === 'offline' && (
            <p className="tv-pairing__notice" role="status">
              {t('pairing.tv.offline')}
            </p>
          )}
        </section>
        <section className="tv-pairing__side">
          {snapshot.signedIn && (
            <p className="tv-pairing__signed-in" role="status" data-testid="tv-pairing-signed-in">
              {t('pairing.tv.signedIn', { tier: t(`tier.${snapshot.signedIn.tier}`), phone: snapshot.signedIn.phoneName })}
            </p>
          )}
          <h2>{t('pairing.tv.phones', { count: view && showing ? view.phones.length : 0 })}</h2>
          <ul className="tv-pairing__phones" data-testid="tv-pairing-phones">
            {view && showing && view.phones.length > 0 ? (
              view.phones.map((phone) => <PhoneRow key={phone.id} phone={phone} onUnpair={() => void client.revoke(phone.id)} />)
            ) : (
              <li className="tv-muted">{t('pairing.tv.noPhones')}</li>
            )}
          </ul>
          {snapshot.reactions.length > 0 && (
            <div className="tv-pairing__reactions" aria-live="polite" data-testid="tv-pairing-reactions">
              <h2>{t('pairing.tv.reactions')}</h2>
              {snapshot.reactions.map((r) => (
                <p key={`${r.phoneId}-${r.at}`} className="tv-pairing__reaction">
                  {t('pairing.tv.reaction', { phone: r.phoneName, reaction: t(`pairing.reaction.${r.reaction}`) })}
                </p>
              ))}
            </div>
          )}
        </section>
      </div>
      <div className="tv-row tv-pairing__actions">
        <Button id="pairing-back" label={t('pairing.tv.back')} onSelect={back} />
        {showing ? <Button id="pairing-end" label={t('pairing.tv.end')} onSelect={() => void client.revoke()} /> : <Button id="pairing-new" label={t('pairing.tv.newCode')} primary onSelect={() => client.start()} />}
      </div>
    </main>
  );
}

function Notice({ snapshot }: { snapshot: TvPairingSnapshot }) {
  const { t } = useI18n();
  const text =
    snapshot.status === 'refused'
      ? t(`pairing.refused.${snapshot.refusal?.reason ?? 'invalid'}`)
      : snapshot.status === 'ended'
        ? t(`pairing.tv.ended.${snapshot.endedReason ?? 'revoked'}`)
        : t('pairing.tv.connecting');
  return (
    <p className="tv-pairing__notice" role={snapshot.status === 'connecting' ? 'status' : 'alert'} data-testid="tv-pairing-notice">
      {text}
    </p>
  );
}

function PhoneRow({ phone, onUnpair }: { phone: PairedPhone; onUnpair: () => void }) {
  const { t } = useI18n();
  return (
    <li className="tv-pairing__phone" data-phone-online={phone.online}>
      <span>
        {phone.name} <span className="tv-muted">· {t(phone.online ? 'pairing.tv.phoneOnline' : 'pairing.tv.phoneOffline')}</span>
      </span>
      <Button id={`pairing-unpair-${phone.id}`} label={t('pairing.tv.unpair')} ariaLabel={t('pairing.tv.unpairNamed', { name: phone.name })} onSelect={onUnpair} />
    </li>
  );
}

function Button({ id, label, ariaLabel, onSelect, primary = false }: { id: string; label: string; ariaLabel?: string; onSelect: () => void; primary?: boolean }) {
  const { props } = useFocusable<HTMLButtonElement>(id, { section: SECTION, onSelect });
  return (
    <button type="button" className={`tv-button tv-focusable${primary ? ' tv-button--primary' : ''}`} aria-label={ariaLabel} data-testid={id.startsWith('pairing-unpair') ? 'tv-pairing-unpair' : id} {...props}>
      {label}
    </button>
  );
}
