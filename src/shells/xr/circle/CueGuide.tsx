// A "look here" from another member, in the room: a marker on the sphere at the spot they pointed at ("Ana says:
// look here"), and while it is out of sight an arrow at the edge of the view leading the head there (a headset
// cannot turn the person's view for them, as the TV does). Once the head has come to it and rested a moment it is
// taken; a cue nobody turns to goes after half a minute.
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CirclePresence, LookCue } from '../../../circles';
import { directionOf } from '../../../panorama/projection';
import { useI18n } from '../../../react/AppContext';
import type { HeadPose } from '../head-pose';
import { CIRCLE_COLORS } from './circle-drawings';
import { EdgeArrow } from './EdgeArrow';
import { MARKER_DISTANCE_M } from './MemberMarkers';
import { NameLabel } from './NameLabel';
import { usePresenceSnapshot } from './useCircleSnapshots';
import { whereInView, type WhereInView } from './where-in-view';
import type { XrCircleReport } from './xr-circle-report';

/** Within this of the spot (degrees) the head has come to it; resting there this long takes the cue. */
const REACHED_DEG = 12;
const TAKE_AFTER_MS = 1_500;
const GIVE_UP_MS = 30_000;

export function CueGuide({ presence, head, report }: { presence: CirclePresence; head: HeadPose; report: XrCircleReport }) {
  const { cue } = usePresenceSnapshot(presence);
  return cue ? <CueMarker key={cue.at} cue={cue} presence={presence} head={head} report={report} /> : null;
}

function CueMarker({ cue, presence, head, report }: { cue: LookCue; presence: CirclePresence; head: HeadPose; report: XrCircleReport }) {
  const { t } = useI18n();
  const position = useMemo(() => directionOf(cue.yaw, cue.pitch).map((v) => v * MARKER_DISTANCE_M) as [number, number, number], [cue.yaw, cue.pitch]);
  const [reached, setReached] = useState(false);
  const timing = useRef({ shownAt: 0, reachedAt: 0, done: false });
  const where = useRef<WhereInView>({ inView: false, edgeAngle: 0, offDeg: 180 });
  useEffect(() => () => report.setCue(null), [report]);

  useFrame(() => {
    const now = performance.now();
    const seen = whereInView(head.quaternion, cue.yaw, cue.pitch, where.current);
    report.setCue({ name: cue.name, yaw: cue.yaw, pitch: cue.pitch, inView: seen.inView, offDeg: Math.round(seen.offDeg) });
    const state = timing.current;
    // Counted from the first frame it is drawn in.
    if (state.shownAt === 0) state.shownAt = now;
    if (state.done) return;
    if (seen.offDeg <= REACHED_DEG) {
      if (state.reachedAt === 0) {
        state.reachedAt = now;
        setReached(true);
      } else if (now - state.reachedAt >= TAKE_AFTER_MS) {
        state.done = true;
        report.countCueTaken();
        presence.dismissCue();
      }
    } else if (now - state.shownAt >= GIVE_UP_MS) {
      state.done = true;
      presence.dismissCue();
    }
  });

  return (
    <>
      <group position={position} ref={(g) => g?.lookAt(0, 0, 0)}>
        <mesh renderOrder={5}>
          <ringGeometry args={[0.14, 0.22, 32]} />
          <meshBasicMaterial color={CIRCLE_COLORS.accent} transparent opacity={0.95} depthTest={false} depthWrite={false} toneMapped={false} />
        </mesh>
        <NameLabel text={reached ? t('circle.xr.cueTaken', { name: cue.name }) : t('circle.cue', { name: cue.name })} tone="cue" width={2.0} canvasWidth={1024} position={[0, 0.42, 0]} />
      </group>
      <EdgeArrow head={head} yaw={cue.yaw} pitch={cue.pitch} text={cue.name} tone="cue" />
    </>
  );
}
