// Meet-up questions from a paired phone, on the TV: while a meet-up room is on screen, a phone's question is asked
// with the room's own client, that is as the TV's viewer (its backer code), under the phone's name, so the server's
// tier check and the meet-up's length and rate limits are those of any question. The board shows it as asked by the
// phone. Does nothing unless the page has a pairing (./paired-tv.ts); loads no pairing code.
import { useEffect } from 'react';
import type { MeetupClient } from '../../../meetup/meetup-client';
import { usePairedTv } from './paired-tv';

export function usePairedPhoneQuestions(client: MeetupClient): void {
  const paired = usePairedTv();
  useEffect(() => {
    if (!paired) return undefined;
    return paired.handleQuestions(async (question) => {
      const outcome = await client.ask(question.text, question.phoneName);
      return outcome.ok ? { ok: true } : { ok: false, reason: 'meetup-refused', error: outcome.error };
    });
  }, [paired, client]);
}
