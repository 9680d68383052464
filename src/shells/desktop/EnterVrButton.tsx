// Enter VR on desktop browsers that offer immersive-vr without reading as a headset (Vision Pro's Safari, PC VR):
// shown only once `isSessionSupported('immersive-vr')` says yes. The click requests the session and starts the
// video element the headset view will play, with sound (both must happen inside the gesture), and hands them to
// the XR shell, which enters the session at the location on screen as soon as its scene can render.
import { useEffect, useState } from 'react';
import { useAppState, useI18n, useServices } from '../../react/AppContext';
import { watchImmersiveSupport, type ImmersiveSupport } from '../../xr/immersive-support';
import { handOffToVr } from '../../xr/vr-handoff';

export function EnterVrButton({ onEnterVr }: { onEnterVr: () => void }) {
  const { t } = useI18n();
  const { launch: { hls } } = useServices();
  const [support, setSupport] = useState<ImmersiveSupport>('checking');
  const locationId = useAppState((s) => s.tour.locationId);
  useEffect(() => (window.isSecureContext && navigator.xr ? watchImmersiveSupport(navigator.xr, setSupport) : undefined), []);
  if (support !== 'supported' || !navigator.xr) return null;
  const xr = navigator.xr;
  const enter = () => {
    handOffToVr(xr, locationId, hls);
    onEnterVr();
  };
  return (
    <button type="button" className="sections__tab sections__tab--vr" onClick={enter} data-testid="desktop-enter-vr">
      {t('xr.enter')}
    </button>
  );
}
