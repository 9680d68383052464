// Whether this browser can start an immersive-vr session: the Enter VR button is enabled only when it can.
import { useEffect, useState } from 'react';
import { initialImmersiveSupport, watchImmersiveSupport, type ImmersiveSupport } from '../../xr/immersive-support';

export type { ImmersiveSupport } from '../../xr/immersive-support';

export function useImmersiveSupport(): ImmersiveSupport {
  const [support, setSupport] = useState<ImmersiveSupport>(() => initialImmersiveSupport({ isSecureContext: window.isSecureContext, xr: navigator.xr }));
  useEffect(() => (navigator.xr ? watchImmersiveSupport(navigator.xr, setSupport) : undefined), []);
  return support;
}
