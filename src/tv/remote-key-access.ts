// Asks the TV for the remote's keys wherever the platform holds some back until asked: Tizen (key registration) and
// HbbTV sets and OIPF/CE-HTML operator boxes (the keyset). webOS, Android TV and Fire TV deliver them unasked.
import type { OipfKeyRequest } from './oipf-keys';
import type { TvPlatformWindow } from './platform-apis';
import type { TizenKeyRegistration } from './tizen-keys';

/** The part of `navigator` that tells an OIPF terminal; `navigator` fits it, and so does a test's plain object. */
export interface OipfSignals {
  userAgent: string;
  /** OIPF browsers list the application manager's MIME type here (a MimeTypeArray is indexed by type). */
  mimeTypes?: unknown;
}

export interface RemoteKeyAccess {
  tizen: TizenKeyRegistration;
  /** null where nothing says this is an OIPF terminal: no object is added to an ordinary page. */
  oipf: OipfKeyRequest | null;
}

/** The MIME type of the OIPF application manager, the object that grants the keyset. */
export const OIPF_APPLICATION_MANAGER = 'application/oipfApplicationManager';

// Every HbbTV browser says so, LG's and Samsung's included (whose own markers win in detectTvPlatform).
const HBBTV = /\bHbbTV\/\d/i;

/** Whether this browser is an HbbTV or OIPF terminal, whichever TV brand it runs on. */
export function isOipfTerminal(nav: OipfSignals): boolean {
  if (HBBTV.test(nav.userAgent)) return true;
  const types = nav.mimeTypes as Record<string, unknown> | null | undefined;
  return !!types && !!types[OIPF_APPLICATION_MANAGER];
}

/** Requests every key SetVisit uses where the platform wants it; never throws, resolves with what happened. */
export function requestRemoteKeys(win: TvPlatformWindow, doc: Document, nav: OipfSignals): Promise<RemoteKeyAccess> {
  // The keyset code comes on demand: only OIPF terminals need it, and the TV's first screen has a byte budget.
  const oipf = isOipfTerminal(nav) && doc.body ? import('./oipf-keys').then(({ requestOipfKeys }) => requestOipfKeys(doc)) : Promise.resolve(null);
  // The registration code likewise comes only where there is a Tizen API to register with (Back and the arrows
  // reach the page unasked, so the few milliseconds of the import cost nothing the family would notice).
  const tizen: Promise<TizenKeyRegistration> = win.tizen
    ? import('./tizen-keys').then(({ registerTizenKeys }) => registerTizenKeys(win))
    : Promise.resolve({ method: 'unavailable', registered: [], failed: [] });
  return Promise.all([tizen, oipf]).then(([registered, requested]) => ({ tizen: registered, oipf: requested }));
}
