// The panels in the room, as one group that follows the person lazily (see LazyFollow): the milestone panel
// 2.5 m away below eye level (where a seated person glances down to read, clear of the set's hotspots), the
// toast for new milestones just above it, the location list to its right and, while a star meet-up is live, its
// entry to its left, both turned towards the viewer. They
// stay put while the person looks around nearby and never stick to the face; news calls them over.
import { useFrame } from '@react-three/fiber';
import { useCallback, useMemo, useRef } from 'react';
import type { Group, Object3D } from 'three';
import { directionOf } from '../../panorama/projection';
import type { TourPlayer } from '../../tour/tour-player';
import { LazyFollow } from '../../xr/lazy-follow';
import type { HeadPose } from './head-pose';
import { LocationListPanel, locationListWidthM } from './LocationListPanel';
import { MILESTONE_PANEL_HEIGHT_M, MILESTONE_PANEL_WIDTH_M, MilestonePanel } from './MilestonePanel';
import { MilestoneToast, TOAST_HEIGHT_M } from './MilestoneToast';
import { INVITE_WIDTH_M, MeetupInvite, type MeetupInviteProps } from './meetup/MeetupInvite';
import type { XrHook } from './xr-hook';

const DISTANCE_M = 2.5;
const PITCH_DEG = -32;
const GAP_M = 0.06;
/** The list turned this far towards the viewer, so its far edge is not read at a slant. */
const LIST_TURN_RAD = -0.45;

export function WorldPanels(props: { head: HeadPose; player: TourPlayer; hook: XrHook; registerBlocker: (mesh: Object3D | null) => void; invite?: MeetupInviteProps | null }) {
  const { head, player, hook, registerBlocker, invite = null } = props;
  const group = useRef<Group>(null);
  const follow = useMemo(() => new LazyFollow(head.yawDeg), [head]);
  const callOver = useCallback(() => follow.beginFollowing(), [follow]);
  useFrame((_, delta) => {
    if (!group.current) return;
    const yaw = follow.update(head.yawDeg, delta * 1000);
    hook.setPanelYaw(yaw);
    const [x, y, z] = directionOf(yaw, PITCH_DEG);
    group.current.position.set(x * DISTANCE_M, y * DISTANCE_M, z * DISTANCE_M);
    // Face the head's starting point (the reference space origin): tilted up towards a seated reader.
    group.current.lookAt(0, 0, 0);
  });

  const listWidth = locationListWidthM();
  // The list's near edge sits GAP_M right of the milestone panel; turning it swings its centre back a little.
  const listX = MILESTONE_PANEL_WIDTH_M / 2 + GAP_M + (listWidth / 2) * Math.cos(LIST_TURN_RAD);
  const listZ = (listWidth / 2) * -Math.sin(LIST_TURN_RAD);
  return (
    <group ref={group}>
      <MilestonePanel hook={hook} />
      <MilestoneToast hook={hook} position={[0, MILESTONE_PANEL_HEIGHT_M / 2 + GAP_M + TOAST_HEIGHT_M / 2, 0]} onOpen={callOver} />
      <LocationListPanel player={player} head={head} hook={hook} position={[listX, 0, listZ]} rotationY={LIST_TURN_RAD} registerBlocker={registerBlocker} />
      {invite && (
        <MeetupInvite
          invite={invite}
          head={head}
          hook={hook}
          position={[-(MILESTONE_PANEL_WIDTH_M / 2 + GAP_M + (INVITE_WIDTH_M / 2) * Math.cos(LIST_TURN_RAD)), MILESTONE_PANEL_HEIGHT_M / 2 - 0.14, listZ * (INVITE_WIDTH_M / listWidth)]}
          rotationY={-LIST_TURN_RAD}
        />
      )}
    </group>
  );
}
