// Reactions from the phones paired with this TV, heard on the watch screen: the pairing the "Pair a phone" screen
// showed (its key is kept in that screen's memory, never stored) is entered again by a client of its own for as long
// as the family watches, so what a phone sends flashes over the picture instead of waiting on the pairing screen.
// A backer code a phone gives meanwhile signs the TV in, as on the pairing screen. Nothing is asked for when this
// TV has shown no pairing; a pairing that ended meanwhile is left alone (no new code is made here).
import { useEffect, useState } from 'react';
import { loadWhenOnline } from '../../../app/load-when-online';
import { TvPairing } from '../../../pairing';
import type { PairingReaction } from '../../../protocol/pairing';
import { useI18n, useServices } from '../../../react/AppContext';

/** A phone's reaction shown over the view until `until`. */
export interface PhoneFlash {
  key: string;
  reaction: PairingReaction;
  until: number;
}

/** As long as a circle's reactions stay (circle-chat.ts). */
const SHOW_MS = 3_000;
const MAX_SHOWN = 4;

export function usePhoneReactions(): readonly PhoneFlash[] {
  const { t } = useI18n();
  const services = useServices();
  const [flashes, setFlashes] = useState<readonly PhoneFlash[]>([]);
  useEffect(() => {
    let client: TvPairing | undefined;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const seen = new Set<string>();
    const expire = () => {
      const now = Date.now();
      setFlashes((shown) => {
        const left = shown.filter((f) => f.until > now);
        clearTimeout(timer);
        if (left.length) timer = setTimeout(expire, Math.max(50, left[0]!.until - now));
        return left;
      });
    };
    void loadWhenOnline(() => import('../pairing/PairingScreen')).then(({ keptTvPairing }) => {
      const kept = keptTvPairing();
      if (!kept || cancelled) return;
      const made = new TvPairing({ projectId: services.projectId, tvName: t('pairing.tv.name'), onSignIn: (token) => services.signIn(token), kept });
      client = made;
      made.subscribe((snapshot) => {
        // The kept pairing is over (it expired or was ended): a new code is the pairing screen's to show, not ours.
        if (snapshot.status === 'ended' || (snapshot.view && snapshot.view.id !== kept.pairingId)) {
          made.dispose();
          return;
        }
        const fresh = snapshot.reactions.filter((r) => !seen.has(`${r.phoneId}-${r.at}`));
        if (!fresh.length) return;
        const now = Date.now();
        for (const r of fresh) seen.add(`${r.phoneId}-${r.at}`);
        setFlashes((shown) => [...shown, ...fresh.map((reaction) => ({ key: `p-${reaction.phoneId}-${reaction.at}`, reaction, until: now + SHOW_MS }))].slice(-MAX_SHOWN));
        clearTimeout(timer);
        timer = setTimeout(expire, SHOW_MS);
      });
      made.start();
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      client?.dispose();
    };
    // Once per watch screen: the pairing is entered again only when the screen opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return flashes;
}
