// Asks an HbbTV set or an OIPF/CE-HTML operator box for the remote's keys: until the application sets its keyset,
// such a terminal keeps colour, media and number keys (and, on some, even the arrows) for itself.
import type { OipfApplicationManager } from './platform-apis';
import { OIPF_APPLICATION_MANAGER } from './remote-key-access';

/** OIPF DAE 7.2.5 key groups (HbbTV TS 102 796 uses the same values). */
export const OIPF_KEYS = {
  RED: 0x1,
  GREEN: 0x2,
  YELLOW: 0x4,
  BLUE: 0x8,
  NAVIGATION: 0x10,
  VCR: 0x20,
  NUMERIC: 0x100,
} as const;

/** Everything SetVisit uses: colours, arrows/OK/Back, play/pause/stop/rewind/fast-forward, digits (the meet-up code). */
export const SETVISIT_KEYSET =
  OIPF_KEYS.RED | OIPF_KEYS.GREEN | OIPF_KEYS.YELLOW | OIPF_KEYS.BLUE | OIPF_KEYS.NAVIGATION | OIPF_KEYS.VCR | OIPF_KEYS.NUMERIC;

export { OIPF_APPLICATION_MANAGER };

export interface OipfKeyRequest {
  /** 'unavailable': no OIPF application manager here (a plain browser); 'failed': it threw — keys stay as they were. */
  method: 'keyset' | 'unavailable' | 'failed';
  requested: number;
  /** What the terminal says it granted, when it says (`keyset.value`). */
  granted: number | null;
}

/**
 * Finds the page's application manager object, or adds a hidden one (the terminal binds it on insertion), and asks
 * for `mask` — trimmed to the terminal's `maximumValue`, since some firmware throws on keys it never grants. Never
 * throws: a terminal that refuses leaves the app on the keys it gets anyway (arrows, OK, Back on most).
 */
export function requestOipfKeys(doc: Document, mask: number = SETVISIT_KEYSET): OipfKeyRequest {
  let object = doc.querySelector(`object[type="${OIPF_APPLICATION_MANAGER}"]`);
  const added = !object;
  if (!object) {
    object = doc.createElement('object');
    object.setAttribute('type', OIPF_APPLICATION_MANAGER);
    object.setAttribute('style', 'position:absolute;width:0;height:0;visibility:hidden');
    doc.body.appendChild(object);
  }
  const manager = object as unknown as OipfApplicationManager;
  const report: OipfKeyRequest = { method: 'unavailable', requested: mask, granted: null };
  try {
    if (manager.getOwnerApplication) report.method = 'failed';
    const app = manager.getOwnerApplication ? manager.getOwnerApplication(doc) : null;
    const keyset = app && app.privateData && app.privateData.keyset;
    if (!app || !keyset || !keyset.setValue) {
      report.method = 'unavailable';
    } else {
      const max = keyset.maximumValue;
      report.requested = typeof max === 'number' && max > 0 ? mask & max : mask;
      keyset.setValue(report.requested);
      report.method = 'keyset';
      if (typeof keyset.value === 'number') report.granted = keyset.value;
      if (app.show) app.show();
    }
  } catch {
    // report.method says how far it got.
  }
  // An object that bound to nothing is litter; a bound one stays, as the terminal ties the application to it.
  if (report.method === 'unavailable' && added) object.remove();
  return report;
}
