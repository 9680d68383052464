// A stream request answered 401/403/410: the server refused it, and the viewer should learn why rather than see a
// network error retried for ever. The engines see the status alone (hls.js) or not even that (the browser's own HLS),
// so the refused address is asked once more, past the HTTP cache, and the reason read from the answer's body.
import { isRefusalStatus, refusalOf, type MediaRefusal } from '../protocol/media-refusal';

export { isRefusalStatus };

/** Why `url` is refused now; null when it is not (any more), or cannot be asked. */
export async function readRefusal(url: string, fetchImpl: typeof fetch = fetch): Promise<MediaRefusal | null> {
  try {
    const response = await fetchImpl(url, { cache: 'no-store', credentials: 'same-origin' });
    if (!isRefusalStatus(response.status)) {
      void response.body?.cancel();
      return null;
    }
    return refusalOf(response.status, await response.json().catch(() => null));
  } catch {
    return null;
  }
}
