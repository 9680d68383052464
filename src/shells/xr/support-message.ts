// What the entry card says about starting VR here, in the UI language.
import type { Translator } from '../../i18n/translator';
import type { ImmersiveSupport } from './useImmersiveSupport';

export function supportMessage(support: ImmersiveSupport, t: Translator['t']): string {
  switch (support) {
    case 'checking':
      return t('xr.checking');
    case 'supported':
      return t('xr.ready');
    case 'insecure':
      return t('xr.insecure');
    case 'unsupported':
      return t('xr.unsupported');
  }
}
