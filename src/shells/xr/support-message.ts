// What the entry card says about starting VR here, in the UI language: where VR cannot start, why (no WebXR at all,
// or WebXR without a headset) and what to do instead.
import type { Translator } from '../../i18n/translator';
import { addMessages } from '../../i18n/translator';
import { XR_ENTRY_MESSAGES } from '../../i18n/xr-entry';
import type { ImmersiveSupport } from './useImmersiveSupport';

addMessages(XR_ENTRY_MESSAGES);

/** `hasWebXr`: whether the browser has WebXR at all (navigator.xr); it tells "no WebXR" from "no headset found". */
export function supportMessage(support: ImmersiveSupport, t: Translator['t'], hasWebXr = typeof navigator !== 'undefined' && 'xr' in navigator && !!navigator.xr): string {
  switch (support) {
    case 'checking':
      return t('xr.checking');
    case 'supported':
      return t('xr.ready');
    case 'insecure':
      return t('xr.insecure');
    case 'unsupported':
      return hasWebXr ? t('xr.noHeadset') : t('xr.noWebXr');
  }
}

/** Where VR cannot start here, the entry offers the 360° view in this browser instead (the desktop shell). */
export function canOffer360(support: ImmersiveSupport): boolean {
  return support === 'unsupported' || support === 'insecure';
}

/** This page in the desktop shell: the same project, language and location. */
export function desktopHref(href: string): string {
  const url = new URL(href);
  url.searchParams.set('mode', 'desktop');
  return url.pathname + url.search;
}
