// Where the circle's other members look, in the room: a small labelled marker on the sphere at each one's gaze
// (their name on a pill above a dot, as the desktop's compass shows it), and an arrow at the edge of the view,
// with their name, for each one looking somewhere out of sight.
import { useEffect, useMemo, useRef } from 'react';
import type { CirclePresence, PresenceLook } from '../../../circles';
import { directionOf } from '../../../panorama/projection';
import type { HeadPose } from '../head-pose';
import { CIRCLE_COLORS } from './circle-drawings';
import { EdgeArrow } from './EdgeArrow';
import { NameLabel } from './NameLabel';
import { usePresenceSnapshot } from './useCircleSnapshots';
import type { WhereInView } from './where-in-view';
import type { XrCircleReport } from './xr-circle-report';

/** Nearer than the hotspots (8 m), so a marker is never behind one. */
export const MARKER_DISTANCE_M = 6;
const LABEL_WIDTH_M = 1.0;

export function MemberMarkers({ presence, head, report }: { presence: CirclePresence; head: HeadPose; report: XrCircleReport }) {
  const { looks } = usePresenceSnapshot(presence);
  return looks.map((look) => <MemberMarker key={look.memberId} look={look} head={head} report={report} />);
}

function MemberMarker({ look, head, report }: { look: PresenceLook; head: HeadPose; report: XrCircleReport }) {
  const position = useMemo(() => directionOf(look.yaw, look.pitch).map((v) => v * MARKER_DISTANCE_M) as [number, number, number], [look.yaw, look.pitch]);
  const seen = useRef<boolean | null>(null);
  const { memberId, name, yaw, pitch } = look;
  useEffect(() => {
    seen.current = null;
    return () => report.dropMarker(memberId);
  }, [report, memberId, yaw, pitch]);
  const onWhere = (where: WhereInView) => {
    if (seen.current === where.inView) return;
    seen.current = where.inView;
    report.setMarker({ memberId, name, yaw, pitch, inView: where.inView });
  };
  return (
    <>
      <group position={position} ref={(g) => g?.lookAt(0, 0, 0)}>
        <mesh renderOrder={5}>
          <circleGeometry args={[0.07, 24]} />
          <meshBasicMaterial color={CIRCLE_COLORS.text} transparent opacity={0.95} depthTest={false} depthWrite={false} toneMapped={false} />
        </mesh>
        <mesh renderOrder={4}>
          <ringGeometry args={[0.07, 0.11, 24]} />
          <meshBasicMaterial color="#14141c" transparent opacity={0.85} depthTest={false} depthWrite={false} toneMapped={false} />
        </mesh>
        <NameLabel text={name} tone="member" width={LABEL_WIDTH_M} position={[0, 0.28, 0]} />
      </group>
      <EdgeArrow head={head} yaw={yaw} pitch={pitch} text={name} tone="member" onWhere={onWhere} />
    </>
  );
}
