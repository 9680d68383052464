// The production's status in the world: title, phase, funding, backers, shooting days and the latest three
// milestones, on a 1.5 m panel 2.5 m away, below eye level. It follows the person lazily (see LazyFollow), so it
// is there when they look down yet never sticks to the face. Drawn on a canvas with CJK-capable fonts; redrawn only
// when the store's project data changes (the feed writes at most once per frame, and rarely).
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Group } from 'three';
import { directionOf } from '../../panorama/projection';
import { useAppState, useI18n } from '../../react/AppContext';
import { LazyFollow } from '../../xr/lazy-follow';
import { layoutMilestonePanel, milestonePanelModel } from '../../xr/panel-layout';
import type { HeadPose } from './head-pose';
import { useCanvasTexture } from './useCanvasTexture';

const WIDTH_M = 1.5;
/** 16:9, a 1.5 m × 0.84 m panel. */
const CANVAS: [number, number] = [1024, 576];
const DISTANCE_M = 2.5;
/** Below the horizon, where a seated person glances down to read, clear of the set's hotspots. */
const PITCH_DEG = -32;

export function MilestonePanel({ head, onDraw, onMove }: { head: HeadPose; onDraw?: () => void; onMove?: (yawDeg: number) => void }) {
  const i18n = useI18n();
  const data = useAppState((s) => s.feed.data);
  const model = useMemo(() => milestonePanelModel(data, i18n), [data, i18n]);
  const surface = useCanvasTexture(...CANVAS);
  useEffect(() => {
    surface.paint(layoutMilestonePanel(model, surface.measure, { width: CANVAS[0], height: CANVAS[1], language: i18n.language, loading: i18n.t('project.loading') }));
    onDraw?.();
  }, [model, surface, i18n, onDraw]);

  const group = useRef<Group>(null);
  const follow = useMemo(() => new LazyFollow(head.yawDeg), [head]);
  useFrame((_, delta) => {
    if (!group.current) return;
    const yaw = follow.update(head.yawDeg, delta * 1000);
    onMove?.(yaw);
    const [x, y, z] = directionOf(yaw, PITCH_DEG);
    group.current.position.set(x * DISTANCE_M, y * DISTANCE_M, z * DISTANCE_M);
    // Face the head's starting point (the reference space origin): tilted up towards a seated reader.
    group.current.lookAt(0, 0, 0);
  });

  return (
    <group ref={group}>
      <mesh renderOrder={2} userData={{ panel: 'milestones' }}>
        <planeGeometry args={[WIDTH_M, (WIDTH_M * CANVAS[1]) / CANVAS[0]]} />
        <meshBasicMaterial map={surface.texture} transparent depthWrite={false} toneMapped={false} />
      </mesh>
    </group>
  );
}
