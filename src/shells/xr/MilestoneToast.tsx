// A new milestone arriving during the session, as a toast just above the milestone panel (so it moves with it:
// world space, lazily following, never head-locked). It fades in, calls the panel over to where the person
// looks, and hides by itself (MilestoneToasts decides what shows and until when). Redrawn only when it changes.
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Mesh, MeshBasicMaterial } from 'three';
import { useAppState, useI18n } from '../../react/AppContext';
import type { Milestone } from '../../protocol';
import { MilestoneToasts } from '../../xr/milestone-toasts';
import { layoutToast } from '../../xr/panel-layout';
import { useCanvasTexture } from './useCanvasTexture';
import type { XrHook } from './xr-hook';

const CANVAS: [number, number] = [1024, 176];
export const TOAST_WIDTH_M = 1.5;
export const TOAST_HEIGHT_M = (TOAST_WIDTH_M * CANVAS[1]) / CANVAS[0];
const FADE_MS = 300;

export function MilestoneToast({ hook, position, onOpen }: { hook: XrHook; position: [number, number, number]; onOpen: () => void }) {
  const i18n = useI18n();
  const milestones = useAppState((s) => s.feed.data?.milestones ?? null);
  const toasts = useMemo(() => new MilestoneToasts<Milestone>(), []);
  const surface = useCanvasTexture(...CANVAS);
  useEffect(() => hook.registerSurface('toast', surface), [hook, surface]);
  /** When the toast last opened or changed, for the fade in. */
  const openedAt = useRef(-Infinity);

  useEffect(() => {
    // Nothing until the first snapshot: that is the baseline, not news.
    if (!milestones) return;
    const now = performance.now();
    if (!toasts.observe(milestones, now)) return;
    const toast = toasts.current(now);
    if (!toast) return;
    const model = {
      language: i18n.language,
      label: i18n.t('xr.toast.new'),
      kind: i18n.t(`milestone.kind.${toast.milestone.kind}`),
      title: i18n.pick(toast.milestone.title),
      more: toast.count > 1 ? i18n.t('xr.toast.more', { count: toast.count - 1 }) : '',
    };
    surface.paint(layoutToast(model, surface.measure, ...CANVAS));
    if (!hook.toast.visible) openedAt.current = now;
    hook.countToastDraw([model.label, model.kind, model.title, model.more].filter(Boolean).join(' · '));
    onOpen();
  }, [milestones, toasts, surface, i18n, hook, onOpen]);

  const mesh = useRef<Mesh>(null);
  const material = useRef<MeshBasicMaterial>(null);
  useFrame(() => {
    if (!mesh.current || !material.current) return;
    const now = performance.now();
    const toast = toasts.current(now);
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
