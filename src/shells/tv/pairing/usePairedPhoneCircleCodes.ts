// Joining the TV to a circle from a paired phone: the phone types the circle's code, the server hands it to the TV,
// and whichever TV view can join a circle registers `join` here (it joins as the TV's viewer, with the TV's own
// circle client and backer code, so a circle never lets anyone past a tier). `join` resolves when the TV is in the
// circle, or with the circle's refusal. Does nothing unless the page has a pairing (./paired-tv.ts); loads no
// pairing code.
import { useEffect } from 'react';
import type { ProtocolError } from '../../../protocol';
import { usePairedTv } from './paired-tv';

export type PairedCircleJoin = (code: string, phoneName: string) => Promise<{ ok: true } | { ok: false; error: ProtocolError }>;

/** While mounted (and `join` is given), a phone's circle code is joined with `join`; without it, the phone hears "not now". */
export function usePairedPhoneCircleCodes(join: PairedCircleJoin | null): void {
  const paired = usePairedTv();
  useEffect(() => {
    if (!paired || !join) return undefined;
    return paired.handleCircleCodes(async ({ code, phoneName }) => {
      const outcome = await join(code, phoneName);
      return outcome.ok ? { ok: true } : { ok: false, reason: 'circle-refused', error: outcome.error };
    });
  }, [paired, join]);
}
