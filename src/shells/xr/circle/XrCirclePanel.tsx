// The circle's panel in the room, compact: who is in (host, you, offline), what the circle is doing or waiting for,
// the last "look here" sent from here (or how to send one), and Leave, chosen with a ray or a pinch. It hangs to
// the left of the milestone panel, below where a live meet-up's entry would be, and goes where that panel goes
// (it reads the panel's lazily following yaw), so reading it never makes the panels move.
import { useFrame, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Group, Mesh } from 'three';
import type { CircleClient } from '../../../circles';
import { directionOf } from '../../../panorama/projection';
import { useI18n } from '../../../react/AppContext';
import { aimPointsOf } from '../aim-points';
import type { HeadPose } from '../head-pose';
import { MILESTONE_PANEL_HEIGHT_M, MILESTONE_PANEL_WIDTH_M } from '../MilestonePanel';
import { targetAtUv } from '../../../xr/meetup-board';
import { useCanvasTexture } from '../useCanvasTexture';
import type { XrHook } from '../xr-hook';
import { LEAVE_TARGET, layoutCirclePanel, PANEL_CANVAS, PANEL_ROWS, type CirclePanelModel } from './circle-drawings';
import { circleStateText, memberDetail } from './circle-state';
import { useCircleSnapshot } from './useCircleSnapshots';
import type { XrCircleReport } from './xr-circle-report';

/** Where WorldPanels hangs its group (distance and pitch), so this panel sits beside the milestone panel. */
const PANELS_DISTANCE_M = 2.5;
const PANELS_PITCH_DEG = -32;
const GAP_M = 0.06;
const TURN_RAD = 0.45;
export const CIRCLE_PANEL_WIDTH_M = 0.7;
const HEIGHT_M = (CIRCLE_PANEL_WIDTH_M * PANEL_CANVAS.height) / PANEL_CANVAS.width;

export function XrCirclePanel({ client, head, hook, report, note }: { client: CircleClient; head: HeadPose; hook: XrHook; report: XrCircleReport; note: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const snapshot = useCircleSnapshot(client);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const model = useMemo<CirclePanelModel>(() => {
    const view = snapshot.view;
    const members = view ? view.members.map((m) => ({ id: m.id, name: m.name, detail: memberDetail(t, view, m.id, snapshot.you), online: m.online })) : [];
    const inCircle = snapshot.status === 'joined' || snapshot.status === 'offline';
    return {
      language: i18n.language,
      title: t('circle.xr.panelTitle', { count: view ? view.members.filter((m) => m.online).length : 0 }),
      ...(({ text, warn }) => ({ state: text, warn }))(circleStateText(t, snapshot)),
      members,
      more: members.length > PANEL_ROWS ? t('circle.xr.more', { count: members.length - PANEL_ROWS }) : null,
      note: note ?? t('circle.xr.pointHint'),
      leave: inCircle ? t('circle.leave') : null,
    };
  }, [snapshot, t, i18n.language, note]);
  const surface = useCanvasTexture(PANEL_CANVAS.width, PANEL_CANVAS.height);
  const drawing = useMemo(() => layoutCirclePanel(model, surface.measure, highlighted), [model, surface, highlighted]);
  useEffect(() => {
    surface.paint(drawing);
    report.panelDrawn(model.state, model.members.map((m) => m.name));
  }, [surface, drawing, model, report]);
  useEffect(() => hook.registerSurface('circle', surface), [hook, surface]);

  const group = useRef<Group>(null);
  const mesh = useRef<Mesh>(null);
  useFrame(() => {
    if (!group.current) return;
    const [x, y, z] = directionOf(hook.panelYaw, PANELS_PITCH_DEG);
    group.current.position.set(x * PANELS_DISTANCE_M, y * PANELS_DISTANCE_M, z * PANELS_DISTANCE_M);
    group.current.lookAt(0, 0, 0);
    if (mesh.current) report.setPanelTargets(aimPointsOf(mesh.current, [CIRCLE_PANEL_WIDTH_M, HEIGHT_M], drawing, head));
  });

  const targetAt = (event: ThreeEvent<PointerEvent | MouseEvent>) => (event.uv ? targetAtUv(drawing, event.uv.x, event.uv.y) : null);
  const select = (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    if (targetAt(event) === LEAVE_TARGET) void client.leave();
  };
  // Left of the milestone panel, its bottom edge level with that panel's, turned towards the viewer.
  const x = -(MILESTONE_PANEL_WIDTH_M / 2 + GAP_M + (CIRCLE_PANEL_WIDTH_M / 2) * Math.cos(TURN_RAD));
  const zOffset = (CIRCLE_PANEL_WIDTH_M / 2) * Math.sin(TURN_RAD);
  return (
    <group ref={group}>
      <mesh
        ref={mesh}
        position={[x, -MILESTONE_PANEL_HEIGHT_M / 2 + HEIGHT_M / 2, zOffset]}
        rotation-y={TURN_RAD}
        renderOrder={2}
        userData={{ panel: 'circle' }}
        onClick={select}
        onPointerMove={(e) => setHighlighted(targetAt(e))}
        onPointerLeave={() => setHighlighted(null)}
      >
        <planeGeometry args={[CIRCLE_PANEL_WIDTH_M, HEIGHT_M]} />
        <meshBasicMaterial map={surface.texture} transparent depthWrite={false} toneMapped={false} />
      </mesh>
    </group>
  );
}
