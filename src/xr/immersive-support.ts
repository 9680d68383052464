// Whether this browser can start an immersive-vr session, kept up to date (a PC-VR headset plugged in, the
// browser's XR runtime changing). Framework-free; the XR shell and the desktop's Enter VR both use it. WebXR
// exists only in secure contexts (https, or localhost), which gets its own answer.

export type ImmersiveSupport = 'checking' | 'supported' | 'unsupported' | 'insecure';

export function initialImmersiveSupport(page: { isSecureContext: boolean; xr: XRSystem | undefined }): ImmersiveSupport {
  if (!page.isSecureContext) return 'insecure';
  return page.xr ? 'checking' : 'unsupported';
}

/** Calls `onChange` with each answer; returns the stop. */
export function watchImmersiveSupport(xr: XRSystem, onChange: (support: ImmersiveSupport) => void): () => void {
  let current = true;
  const check = () => {
    void xr.isSessionSupported('immersive-vr').then(
      (supported) => current && onChange(supported ? 'supported' : 'unsupported'),
      () => current && onChange('unsupported'),
    );
  };
  check();
  xr.addEventListener('devicechange', check);
  return () => {
    current = false;
    xr.removeEventListener('devicechange', check);
  };
}
