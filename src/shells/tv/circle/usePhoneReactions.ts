// Reactions from the phones paired with this TV, heard on the watch screen: the page's pairing client
// (../pairing/paired-tv.ts) outlives the "Pair a phone" screen, so what a phone sends while the family watches
// flashes over the picture instead of waiting on the pairing screen. Nothing is asked for when this TV has no pairing.
import { useEffect, useState } from 'react';
import type { PairingReaction } from '../../../protocol/pairing';
import { usePairedTv } from '../pairing/paired-tv';

/** A phone's reaction shown over the view until `until`. */
export interface PhoneFlash {
  key: string;
  reaction: PairingReaction;
  until: number;
}

/** As long as a circle's reactions stay (circle-chat.ts). */
const SHOW_MS = 3_000;
const MAX_SHOWN = 4;

const keyOf = (reaction: PairingReaction) => `p-${reaction.phoneId}-${reaction.at}`;

export function usePhoneReactions(): readonly PhoneFlash[] {
  const client = usePairedTv();
  const [flashes, setFlashes] = useState<readonly PhoneFlash[]>([]);
  useEffect(() => {
    if (!client) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Only what arrives from now on flashes: reactions sent before the screen opened are old news.
    const seen = new Set(client.current.reactions.map(keyOf));
    const expire = () => {
      const now = Date.now();
      setFlashes((shown) => {
        const left = shown.filter((f) => f.until > now);
        clearTimeout(timer);
        if (left.length) timer = setTimeout(expire, Math.max(50, left[0]!.until - now));
        return left;
      });
    };
    const off = client.subscribe((snapshot) => {
      const fresh = snapshot.reactions.filter((r) => !seen.has(keyOf(r)));
      if (!fresh.length) return;
      const now = Date.now();
      for (const r of fresh) seen.add(keyOf(r));
      setFlashes((shown) => [...shown, ...fresh.map((reaction) => ({ key: keyOf(reaction), reaction, until: now + SHOW_MS }))].slice(-MAX_SHOWN));
      clearTimeout(timer);
      timer = setTimeout(expire, SHOW_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [client]);
  return flashes;
}
