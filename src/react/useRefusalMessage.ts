// What an error card says about a stream the server refused (src/protocol/media-refusal.ts), with what helps. A
// missing pass on a tour's footage is first asked for again with the stored code (it ran out while the page slept, a
// renewal failed): renewed, the stream loads again by itself; refused, the code no longer opens it, and the card says
// the code was revoked rather than that the pass ran out.
import { useEffect, useState } from 'react';
import type { MessageKey } from '../i18n/en';
import { MEDIA_REFUSAL_MESSAGES } from '../i18n/media-refusal';
import { addMessages } from '../i18n/translator';
import type { MediaError } from '../media/media-state';

addMessages(MEDIA_REFUSAL_MESSAGES);

export type PassRecheck = () => Promise<'renewed' | 'refused' | 'none'>;

/** A renewed pass reloads the stream once in this long: refused again so soon, the pass does not open it, and the
 * card stays (no loop of passes and reloads). */
const RELOAD_AT_MOST_EVERY_MS = 30_000;
let reloadedAt = -Infinity;

/** The message for a refused stream; null for any other error (the card shows its kind). */
export function useRefusalMessage(error: MediaError | null, recheck: PassRecheck | undefined, reload: () => void): MessageKey | null {
  const [revokedFor, setRevokedFor] = useState<MediaError | null>(null);
  useEffect(() => {
    if (error?.refusal !== 'pass' || !recheck) return;
    let live = true;
    void recheck().then((outcome) => {
      if (!live) return;
      if (outcome === 'renewed' && performance.now() - reloadedAt >= RELOAD_AT_MOST_EVERY_MS) {
        reloadedAt = performance.now();
        reload();
      } else if (outcome === 'refused') setRevokedFor(error);
    });
    return () => {
      live = false;
    };
    // Once per refusal: a reload that is refused again brings a new error object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);
  if (!error?.refusal) return null;
  if (error.refusal === 'pass' && revokedFor === error) return 'media.refused.code';
  return `media.refused.${error.refusal}`;
}

/** Whether fetching again can help: after a new code, yes; an ended meet-up or a closed stream, no. */
export function refusalRetryHelps(error: MediaError | null): boolean {
  return error?.refusal === undefined || error.refusal === 'pass';
}
