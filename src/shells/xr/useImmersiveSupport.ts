// Whether this browser can start an immersive-vr session: the Enter VR button is enabled only when it can.
// WebXR exists only in secure contexts (https, or localhost), which gets its own message.
import { useEffect, useState } from 'react';

export type ImmersiveSupport = 'checking' | 'supported' | 'unsupported' | 'insecure';

function initialSupport(): ImmersiveSupport {
  if (!window.isSecureContext) return 'insecure';
  return navigator.xr ? 'checking' : 'unsupported';
}

export function useImmersiveSupport(): ImmersiveSupport {
  const [support, setSupport] = useState<ImmersiveSupport>(initialSupport);
  useEffect(() => {
    const xr = navigator.xr;
    if (!xr) return;
    let current = true;
    const check = () => {
      void xr.isSessionSupported('immersive-vr').then(
        (supported) => current && setSupport(supported ? 'supported' : 'unsupported'),
        () => current && setSupport('unsupported'),
      );
    };
    check();
    // A headset plugged in (PC VR) or the browser's XR runtime changing.
    xr.addEventListener('devicechange', check);
    return () => {
      current = false;
      xr.removeEventListener('devicechange', check);
    };
  }, []);
  return support;
}
