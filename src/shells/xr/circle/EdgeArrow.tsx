// The arrow at the edge of the view that leads the head to a spot out of sight (another member's gaze, a "look
// here"): held in front of the face, at the side the spot lies, pointing round to it, with a name beside it. Hidden
// while the spot is in view. Positioned every frame from the head pose, without React renders.
import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import type { Group, Mesh } from 'three';
import type { HeadPose } from '../head-pose';
import { CIRCLE_COLORS } from './circle-drawings';
import { NameLabel } from './NameLabel';
import { whereInView, type WhereInView } from './where-in-view';

/** In front of the face, and how far from the view's centre the arrow sits (metres): about 18° off centre. */
const DEPTH_M = 1.5;
const RADIUS_M = 0.5;
const LABEL_WIDTH_M = 0.36;

export function EdgeArrow({ head, yaw, pitch, text, tone, onWhere }: { head: HeadPose; yaw: number; pitch: number; text: string; tone: 'member' | 'cue'; onWhere?: (where: WhereInView) => void }) {
  const group = useRef<Group>(null);
  const arrow = useRef<Mesh>(null);
  const label = useRef<Group>(null);
  const where = useRef<WhereInView>({ inView: false, edgeAngle: 0, offDeg: 0 });
  useFrame(() => {
    if (!group.current || !arrow.current || !label.current) return;
    const seen = whereInView(head.quaternion, yaw, pitch, where.current);
    onWhere?.(seen);
    group.current.visible = !seen.inView;
    if (seen.inView) return;
    group.current.position.copy(head.position);
    group.current.quaternion.copy(head.quaternion);
    const cos = Math.cos(seen.edgeAngle);
    const sin = Math.sin(seen.edgeAngle);
    arrow.current.position.set(cos * RADIUS_M, sin * RADIUS_M, -DEPTH_M);
    arrow.current.rotation.set(0, 0, seen.edgeAngle);
    label.current.position.set(cos * (RADIUS_M - LABEL_WIDTH_M / 2 - 0.06), sin * (RADIUS_M - 0.09), -DEPTH_M);
  });
  const color = tone === 'cue' ? CIRCLE_COLORS.accent : CIRCLE_COLORS.text;
  return (
    <group ref={group} visible={false}>
      {/* A triangle: one corner points along +x, turned to the spot's side. */}
      <mesh ref={arrow} renderOrder={6}>
        <circleGeometry args={[0.05, 3]} />
        <meshBasicMaterial color={color} transparent opacity={0.95} depthTest={false} depthWrite={false} toneMapped={false} />
      </mesh>
      <group ref={label}>
        <NameLabel text={text} tone={tone} width={LABEL_WIDTH_M} />
      </group>
    </group>
  );
}
