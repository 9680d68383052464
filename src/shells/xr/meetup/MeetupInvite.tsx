// A live meet-up's entry in the room, beside the milestone panel (placed by WorldPanels): "Star meet-up live: …"
// with the way in. Selecting it with a ray or a pinch opens the meet-up without leaving VR: the page joins its room
// with the backer's code and, once let in, the stage replaces the set around the person (or a panel says why not).
import { useFrame, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Mesh } from 'three';
import { useI18n } from '../../../react/AppContext';
import { layoutInvite, INVITE_CANVAS } from '../../../xr/meetup-board';
import { aimPointsOf } from '../aim-points';
import type { HeadPose } from '../head-pose';
import { useCanvasTexture } from '../useCanvasTexture';
import type { XrHook } from '../xr-hook';

export interface MeetupInviteProps {
  meetupId: string;
  title: string;
  onOpen: () => void;
}

export const INVITE_WIDTH_M = 0.8;
export const INVITE_HEIGHT_M = (INVITE_WIDTH_M * INVITE_CANVAS.height) / INVITE_CANVAS.width;

export function MeetupInvite({ invite, head, hook, position, rotationY }: { invite: MeetupInviteProps; head: HeadPose; hook: XrHook; position: [number, number, number]; rotationY: number }) {
  const i18n = useI18n();
  const [highlighted, setHighlighted] = useState(false);
  const surface = useCanvasTexture(INVITE_CANVAS.width, INVITE_CANVAS.height);
  const drawing = useMemo(
    () => layoutInvite(`invite:${invite.meetupId}`, i18n.t('xr.meetup.enterFromVr', { title: invite.title }), i18n.t('xr.meetup.join'), i18n.language, surface.measure, highlighted),
    [invite, i18n, surface, highlighted],
  );
  useEffect(() => hook.registerSurface('invite', surface), [hook, surface]);
  useEffect(() => surface.paint(drawing), [surface, drawing]);
  const mesh = useRef<Mesh>(null);
  useFrame(() => {
    if (mesh.current) hook.setAimPoints('invite', aimPointsOf(mesh.current, [INVITE_WIDTH_M, INVITE_HEIGHT_M], drawing, head));
  });
  useEffect(() => () => hook.setAimPoints('invite', []), [hook]);
  const select = (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    invite.onOpen();
  };
  const hover = (on: boolean) => {
    setHighlighted(on);
    hook.setMeetup({ highlighted: on ? `invite:${invite.meetupId}` : null });
  };
  return (
    <group position={position} rotation-y={rotationY}>
      <mesh ref={mesh} renderOrder={2} userData={{ panel: 'invite' }} onClick={select} onPointerEnter={() => hover(true)} onPointerLeave={() => hover(false)}>
        <planeGeometry args={[INVITE_WIDTH_M, INVITE_HEIGHT_M]} />
        <meshBasicMaterial map={surface.texture} transparent depthWrite={false} toneMapped={false} />
      </mesh>
    </group>
  );
}
