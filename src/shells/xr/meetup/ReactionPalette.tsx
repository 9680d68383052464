// The reactions palette, held on the left hand or controller (its grip space), turned towards the eyes: select a
// reaction with the other hand's ray (trigger) or pinch. Each select is one tap for the meet-up client, which
// coalesces taps into a few messages a second (ReactionCoalescer); the person's own reaction bursts at once. With
// no left input (Vision Pro's look-and-pinch, gaze-only viewers) the palette sits under the question board.
import { useFrame, type ThreeEvent } from '@react-three/fiber';
import { useXR, XRSpace } from '@react-three/xr';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Mesh } from 'three';
import { useI18n } from '../../../react/AppContext';
import { useMeetupServices } from '../../../react/useMeetup';
import { layoutReactionPalette, PALETTE_CANVAS, reactionOf } from '../../../xr/meetup-board';
import { aimPointsOf } from '../aim-points';
import type { HeadPose } from '../head-pose';
import { useCanvasTexture } from '../useCanvasTexture';
import type { XrHook } from '../xr-hook';
import { targetUnder, usePanelHighlight } from './usePanelHighlight';
import type { WorldReactions } from './WorldBurst';

const ON_HAND_WIDTH_M = 0.26;
const IN_ROOM_WIDTH_M = 0.7;

/** The palette on the left hand or controller `source`, a hand's width above its grip. */
export function PaletteOnHand({ source, ...props }: { source: XRInputSource; head: HeadPose; hook: XrHook; reactions: WorldReactions }) {
  return (
    <XRSpace space={source.gripSpace ?? source.targetRaySpace}>
      <group position={[0, 0.09, -0.02]}>
        <PaletteMesh {...props} width={ON_HAND_WIDTH_M} billboard />
      </group>
    </XRSpace>
  );
}

/** The palette in the room (no left input), wherever its parent puts it. */
export function PaletteInRoom(props: { head: HeadPose; hook: XrHook; reactions: WorldReactions }) {
  return <PaletteMesh {...props} width={IN_ROOM_WIDTH_M} billboard={false} />;
}

export const PALETTE_IN_ROOM_HEIGHT_M = (IN_ROOM_WIDTH_M * PALETTE_CANVAS.height) / PALETTE_CANVAS.width;

/** The left tracked input (controller or hand), following the session's input sources. */
export function useLeftInput(): XRInputSource | null {
  const session = useXR((s) => s.session);
  const [left, setLeft] = useState<XRInputSource | null>(null);
  useEffect(() => {
    if (!session) return undefined;
    const update = () => setLeft(Array.from(session.inputSources).find((s) => s.handedness === 'left' && s.targetRayMode === 'tracked-pointer') ?? null);
    update();
    session.addEventListener('inputsourceschange', update);
    return () => session.removeEventListener('inputsourceschange', update);
  }, [session]);
  return left;
}

function PaletteMesh({ head, hook, reactions, width, billboard }: { head: HeadPose; hook: XrHook; reactions: WorldReactions; width: number; billboard: boolean }) {
  const i18n = useI18n();
  const { client } = useMeetupServices();
  const surface = useCanvasTexture(PALETTE_CANVAS.width, PALETTE_CANVAS.height);
  useEffect(() => hook.registerSurface('palette', surface), [hook, surface]);
  const { highlighted, pointerHandlers } = usePanelHighlight(hook);
  const drawing = useMemo(() => layoutReactionPalette(i18n.t('xr.meetup.react'), i18n.language, highlighted), [i18n, highlighted]);
  useEffect(() => surface.paint(drawing), [surface, drawing]);
  const size = useMemo<[number, number]>(() => [width, (width * PALETTE_CANVAS.height) / PALETTE_CANVAS.width], [width]);

  const mesh = useRef<Mesh>(null);
  useFrame(() => {
    if (!mesh.current) return;
    if (billboard) mesh.current.lookAt(head.position);
    hook.setAimPoints('palette', aimPointsOf(mesh.current, size, drawing, head));
  });
  useEffect(() => () => hook.setAimPoints('palette', []), [hook]);

  const select = (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    const target = targetUnder(drawing, event.uv);
    const kind = target ? reactionOf(target) : null;
    if (!kind || !client.react(kind)) return;
    reactions.addOwn(kind);
    hook.countReactionSent(kind);
  };
  return (
    <mesh ref={mesh} renderOrder={4} userData={{ panel: 'palette' }} onClick={select} {...pointerHandlers(drawing)}>
      <planeGeometry args={size} />
      <meshBasicMaterial map={surface.texture} transparent depthWrite={false} toneMapped={false} />
    </mesh>
  );
}
