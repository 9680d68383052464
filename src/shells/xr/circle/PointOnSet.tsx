// "Look here" from the headset: pointing the controller (or a hand) at a spot of the set and pulling the trigger
// (pinching) offers the others a turn to that spot. An invisible sphere just inside the footage catches the ray
// where nothing nearer (a hotspot, a panel) does; a mark at the spot says it was sent, or why not.
import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useState } from 'react';
import { BackSide } from 'three';
import type { CircleClient, CirclePresence } from '../../../circles';
import { directionOf } from '../../../panorama/projection';
import { useI18n } from '../../../react/AppContext';
import { CIRCLE_COLORS } from './circle-drawings';
import { refusalText } from './circle-state';
import { MARKER_DISTANCE_M } from './MemberMarkers';
import { NameLabel } from './NameLabel';
import { directionTo } from './where-in-view';
import type { XrCircleReport } from './xr-circle-report';

/** Behind the hotspots (8 m) and the markers, in front of the footage's sphere. */
const CATCH_RADIUS_M = 9.5;
const MARK_SHOWN_MS = 3_000;

interface Mark {
  yaw: number;
  pitch: number;
  ok: boolean;
  text: string;
  at: number;
}

export function PointOnSet({ client, presence, report, onSent }: { client: CircleClient; presence: CirclePresence; report: XrCircleReport; onSent: (text: string) => void }) {
  const { t } = useI18n();
  const [mark, setMark] = useState<Mark | null>(null);
  useEffect(() => {
    if (!mark) return;
    const timer = setTimeout(() => setMark((now) => (now === mark ? null : now)), MARK_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [mark]);

  const point = (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    const at = directionTo(event.point);
    void presence.point(at).then((outcome) => {
      const text = outcome.ok ? t('circle.xr.pointSent') : refusalText(t, outcome.refusal, client.current.view);
      report.addPointed({ ...at, ok: outcome.ok, text });
      setMark({ ...at, ok: outcome.ok, text, at: performance.now() });
      onSent(text);
    });
  };

  return (
    <>
      <mesh onClick={point} userData={{ circle: 'point' }}>
        <sphereGeometry args={[CATCH_RADIUS_M, 32, 16]} />
        {/* Never drawn, still hit by rays (three.js raycasts meshes whatever their material shows). */}
        <meshBasicMaterial visible={false} side={BackSide} />
      </mesh>
      {mark && <PointMark mark={mark} />}
    </>
  );
}

function PointMark({ mark }: { mark: Mark }) {
  const position = useMemo(() => directionOf(mark.yaw, mark.pitch).map((v) => v * MARKER_DISTANCE_M) as [number, number, number], [mark]);
  return (
    <group position={position} ref={(g) => g?.lookAt(0, 0, 0)}>
      <mesh renderOrder={5}>
        <circleGeometry args={[0.1, 24]} />
        <meshBasicMaterial color={mark.ok ? CIRCLE_COLORS.accent : CIRCLE_COLORS.warn} transparent opacity={0.95} depthTest={false} depthWrite={false} toneMapped={false} />
      </mesh>
      <NameLabel text={mark.text} tone={mark.ok ? 'cue' : 'member'} width={2.4} canvasWidth={1024} position={[0, -0.32, 0]} />
    </group>
  );
}
