// Controller rays built from the session's own input sources. @react-three/xr only creates controller state once
// it has fetched the controller's input profile (from a CDN by default); the product fetches nothing from a CDN,
// so the ray, its cursor and a plain built-in controller shape are wired here: trigger (select) presses and
// releases go to the same pointer-event system the hands, transient pointers and gaze use.
import { PointerCursorModel, PointerRayModel, usePointerXRInputSourceEvents, useRayPointer, useXR, XRSpace } from '@react-three/xr';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Object3D } from 'three';
import { SELECT_CLICK_MS } from './xr-store';

const NO_MISSED_EVENTS: XRInputSourceEvent[] = [];

export function ControllerRays() {
  const session = useXR((s) => s.session);
  const [controllers, setControllers] = useState<XRInputSource[]>([]);
  useEffect(() => {
    if (!session) return;
    // Tracked pointers without a hand are controllers; hands and transient pointers have their own pointers.
    const update = () => setControllers(Array.from(session.inputSources).filter((s) => s.targetRayMode === 'tracked-pointer' && !s.hand));
    update();
    session.addEventListener('inputsourceschange', update);
    return () => {
      session.removeEventListener('inputsourceschange', update);
      setControllers([]);
    };
  }, [session]);
  return controllers.map((source, i) => <ControllerRay key={`${source.handedness}-${i}`} source={source} />);
}

function ControllerRay({ source }: { source: XRInputSource }) {
  const space = useRef<Object3D>(null);
  const pointerState = useMemo(() => ({ inputSource: source, type: 'controller' as const }), [source]);
  const pointer = useRayPointer(space, pointerState, { minDistance: 0.2, clickThresholdMs: SELECT_CLICK_MS });
  usePointerXRInputSourceEvents(pointer, source, 'select', NO_MISSED_EVENTS);
  return (
    <>
      <XRSpace ref={space} space={source.targetRaySpace}>
        <PointerRayModel pointer={pointer} color="#ffb547" opacity={0.7} maxLength={1.2} size={0.006} />
        <PointerCursorModel pointer={pointer} color="#ffffff" opacity={0.9} size={0.25} />
      </XRSpace>
      {source.gripSpace && (
        <XRSpace space={source.gripSpace}>
          <mesh rotation-x={Math.PI / 2}>
            <capsuleGeometry args={[0.022, 0.09, 4, 12]} />
            <meshBasicMaterial color="#2a303c" />
          </mesh>
        </XRSpace>
      )}
    </>
  );
}
