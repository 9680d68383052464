// A new milestone arriving during the session, as a toast just above the milestone panel (so it moves with it:
// world space, lazily following, never head-locked). It fades in, calls the panel over to where the person
// looks, and hides by itself (the shared toast policy, src/feed/milestone-arrivals.ts, decides what shows and until
// when). Redrawn only when it changes.
import { useFrame } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { Mesh, MeshBasicMaterial } from 'three';
import type { MilestoneArrivals, MilestoneToast as ShownToast } from '../../feed/milestone-arrivals';
import { useI18n, useServices } from '../../react/AppContext';
import { layoutToast } from '../../xr/panel-layout';
import { useCanvasTexture } from './useCanvasTexture';
import type { XrHook } from './xr-hook';

const CANVAS: [number, number] = [1024, 176];
export const TOAST_WIDTH_M = 1.5;
export const TOAST_HEIGHT_M = (TOAST_WIDTH_M * CANVAS[1]) / CANVAS[0];
const FADE_MS = 300;

const newestOf = (arrivals: MilestoneArrivals): ShownToast | null => arrivals.toasts[arrivals.toasts.length - 1] ?? null;

export function MilestoneToast({ hook, position, onOpen }: { hook: XrHook; position: [number, number, number]; onOpen: () => void }) {
  const i18n = useI18n();
  const { arrivals } = useServices();
  const surface = useCanvasTexture(...CANVAS);
  useEffect(() => hook.registerSurface('toast', surface), [hook, surface]);
  /** When the toast last opened or changed, for the fade in. */
  const openedAt = useRef(-Infinity);
  /** The toast on show (the burst's newest), null when none. */
  const shown = useRef<ShownToast | null>(null);

  useEffect(() => {
    // A toast already on show when VR starts is old news here: only what arrives from now on opens this one.
    let paintedId = newestOf(arrivals)?.milestone.id ?? null;
    return arrivals.subscribe(() => {
      const newest = newestOf(arrivals);
      if (!newest) {
        shown.current = null;
        return;
      }
      if (newest.milestone.id === paintedId) return; // an older toast of the burst hid
      paintedId = newest.milestone.id;
      const model = {
        language: i18n.language,
        label: i18n.t('xr.toast.new'),
        kind: i18n.t(`milestone.kind.${newest.milestone.kind}`),
        title: i18n.pick(newest.milestone.title),
        more: arrivals.count > 1 ? i18n.t('xr.toast.more', { count: arrivals.count - 1 }) : '',
      };
      surface.paint(layoutToast(model, surface.measure, ...CANVAS));
      if (!hook.toast.visible) openedAt.current = performance.now();
      shown.current = newest;
      hook.countToastDraw([model.label, model.kind, model.title, model.more].filter(Boolean).join(' · '));
      onOpen();
    });
  }, [arrivals, surface, i18n, hook, onOpen]);

  const mesh = useRef<Mesh>(null);
  const material = useRef<MeshBasicMaterial>(null);
  useFrame(() => {
    if (!mesh.current || !material.current) return;
    const now = performance.now();
    const toast = shown.current;
    const visible = toast !== null;
    mesh.current.visible = visible;
    hook.setToastVisible(visible);
    if (!toast) return;
    const fadeIn = (now - openedAt.current) / FADE_MS;
    const fadeOut = (toast.hidesAt - now) / FADE_MS;
    material.current.opacity = Math.max(0, Math.min(1, fadeIn, fadeOut));
  });

  return (
    <mesh ref={mesh} position={position} visible={false} renderOrder={3}>
      <planeGeometry args={[TOAST_WIDTH_M, TOAST_HEIGHT_M]} />
      <meshBasicMaterial ref={material} map={surface.texture} transparent depthWrite={false} toneMapped={false} />
    </mesh>
  );
}
