// The meet-up's part of the headset scene, around the stage's 360 video: the question board (audience and latency,
// the spotlighted question, upvotes, suggested questions to ask) as a canvas panel below eye level that follows the
// person lazily like the milestone panel (with the way back to the set tour), the reaction burst rising beside
// it, and the reactions palette on the left hand. While the meet-up refuses the backer, a panel in its place says why and which tier would let them in.
import { useFrame, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Group, Mesh } from 'three';
import { directionOf } from '../../../panorama/projection';
import { useI18n } from '../../../react/AppContext';
import { useMeetupRoom, useMeetupServices } from '../../../react/useMeetup';
import { LazyFollow } from '../../../xr/lazy-follow';
import { BOARD_CANVAS, layoutMeetupBoard, meetupBoardModel, SUGGESTED_QUESTIONS } from '../../../xr/meetup-board';
import { refusalLines } from '../../../xr/meetup-refusal';
import { layoutNotice } from '../../../xr/panel-layout';
import { aimPointsOf } from '../aim-points';
import type { HeadPose } from '../head-pose';
import { useCanvasTexture } from '../useCanvasTexture';
import type { XrHook } from '../xr-hook';
import { PaletteInRoom, PaletteOnHand, PALETTE_IN_ROOM_HEIGHT_M, useLeftInput } from './ReactionPalette';
import { targetUnder, usePanelHighlight } from './usePanelHighlight';
import { WorldBurst, WorldReactions } from './WorldBurst';

const DISTANCE_M = 2.4;
const PITCH_DEG = -22;
const BOARD_WIDTH_M = 1.4;
const BOARD_SIZE: [number, number] = [BOARD_WIDTH_M, (BOARD_WIDTH_M * BOARD_CANVAS.height) / BOARD_CANVAS.width];

export type XrMeetupMode = 'stage' | 'refused';

export function MeetupScene({ mode, head, hook, onLeave }: { mode: XrMeetupMode; head: HeadPose; hook: XrHook; onLeave: () => void }) {
  const group = useRef<Group>(null);
  const follow = useMemo(() => new LazyFollow(head.yawDeg), [head]);
  useFrame((_, delta) => {
    if (!group.current) return;
    const yaw = follow.update(head.yawDeg, delta * 1000);
    const [x, y, z] = directionOf(yaw, PITCH_DEG);
    group.current.position.set(x * DISTANCE_M, y * DISTANCE_M, z * DISTANCE_M);
    group.current.lookAt(0, 0, 0);
  });
  const reactions = useMemo(() => new WorldReactions(), []);
  const left = useLeftInput();
  useEffect(() => hook.setMeetup({ palette: mode === 'stage' ? (left ? 'hand' : 'room') : null }), [hook, left, mode]);

  return (
    <>
      <group ref={group}>
        {mode === 'refused' ? (
          <RefusalPanel head={head} hook={hook} />
        ) : (
          <>
            <QuestionBoard head={head} hook={hook} onLeave={onLeave} />
            <WorldBurst reactions={reactions} hook={hook} position={[BOARD_SIZE[0] / 2 + 0.3, -BOARD_SIZE[1] / 2, 0.05]} />
            {!left && (
              <group position={[0, -BOARD_SIZE[1] / 2 - PALETTE_IN_ROOM_HEIGHT_M / 2 - 0.05, 0]}>
                <PaletteInRoom head={head} hook={hook} reactions={reactions} />
              </group>
            )}
          </>
        )}
      </group>
      {mode === 'stage' && left && <PaletteOnHand source={left} head={head} hook={hook} reactions={reactions} />}
    </>
  );
}

function QuestionBoard({ head, hook, onLeave }: { head: HeadPose; hook: XrHook; onLeave: () => void }) {
  const i18n = useI18n();
  const { client } = useMeetupServices();
  const room = useMeetupRoom();
  const { highlighted, pointerHandlers } = usePanelHighlight(hook);
  const latency = room.live?.latencySeconds ?? null;
  const model = useMemo(
    () =>
      meetupBoardModel(
        {
          title: room.meetup ? i18n.pick(room.meetup.title) : '',
          audience: room.audience,
          // Tenths of a second, so the board is redrawn when the figure on it changes, not at every sample.
          latencySeconds: latency === null ? null : Math.round(latency * 10) / 10,
          live: room.meetup?.state === 'live',
          questions: room.questions,
          spotlight: room.spotlight,
          actionError: room.actionError?.message ?? null,
        },
        i18n,
      ),
    [room.meetup, room.audience, latency, room.questions, room.spotlight, room.actionError, i18n],
  );
  const surface = useCanvasTexture(BOARD_CANVAS.width, BOARD_CANVAS.height);
  useEffect(() => hook.registerSurface('board', surface), [hook, surface]);
  const drawing = useMemo(() => layoutMeetupBoard(model, surface.measure, highlighted), [model, surface, highlighted]);
  useEffect(() => {
    surface.paint(drawing);
    hook.setMeetup({ boardDraws: hook.meetup.boardDraws + 1, spotlight: model.spotlight?.text ?? null, questions: model.questions.map((q) => q.id), facts: [model.audience, model.latency].filter(Boolean).join(' · ') });
  }, [surface, drawing, model, hook]);

  const mesh = useRef<Mesh>(null);
  useFrame(() => {
    if (mesh.current) hook.setAimPoints('board', aimPointsOf(mesh.current, BOARD_SIZE, drawing, head));
  });
  useEffect(() => () => hook.setAimPoints('board', []), [hook]);

  const select = (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    const target = targetUnder(drawing, event.uv);
    if (target === 'leave') onLeave();
    if (target?.startsWith('upvote:')) void client.upvote(target.slice('upvote:'.length));
    const suggestion = SUGGESTED_QUESTIONS.find((key) => target === `ask:${key}`);
    if (suggestion) void client.ask(i18n.t(`xr.meetup.suggest.${suggestion}`));
  };
  return (
    <mesh ref={mesh} renderOrder={2} userData={{ panel: 'board' }} onClick={select} {...pointerHandlers(drawing)}>
      <planeGeometry args={BOARD_SIZE} />
      <meshBasicMaterial map={surface.texture} transparent depthWrite={false} toneMapped={false} />
    </mesh>
  );
}

const NOTICE_CANVAS: [number, number] = [1024, 320];
const NOTICE_WIDTH_M = 1.3;
const NOTICE_SIZE: [number, number] = [NOTICE_WIDTH_M, (NOTICE_WIDTH_M * NOTICE_CANVAS[1]) / NOTICE_CANVAS[0]];

/** Why the meet-up kept the backer out, in the room: the tier needed and theirs. */
function RefusalPanel({ head, hook }: { head: HeadPose; hook: XrHook }) {
  const i18n = useI18n();
  const { refusal } = useMeetupRoom();
  const surface = useCanvasTexture(...NOTICE_CANVAS);
  const mesh = useRef<Mesh>(null);
  // Where it is as seen from the head (one "target": the whole panel), so tests can tell it is in view.
  useFrame(() => {
    if (mesh.current) hook.setAimPoints('refusal', aimPointsOf(mesh.current, NOTICE_SIZE, { width: 1, height: 1, steps: [], targets: [{ id: 'refusal', x: 0, y: 0, width: 1, height: 1 }] }, head));
  });
  useEffect(() => () => hook.setAimPoints('refusal', []), [hook]);
  useEffect(() => hook.registerSurface('refusal', surface), [hook, surface]);
  useEffect(() => {
    if (!refusal) return;
    const lines = refusalLines(refusal, i18n);
    surface.paint(layoutNotice(lines.title, lines.body, i18n.language, surface.measure, ...NOTICE_CANVAS));
    hook.setMeetup({ refusal: [lines.title, ...lines.body].join(' ') });
    return () => hook.setMeetup({ refusal: '' });
  }, [refusal, i18n, surface, hook]);
  // Above the milestone panel, which stays in its place below it.
  return (
    <mesh ref={mesh} position={[0, 0.95, 0]} renderOrder={3} userData={{ panel: 'refusal' }}>
      <planeGeometry args={NOTICE_SIZE} />
      <meshBasicMaterial map={surface.texture} transparent depthWrite={false} toneMapped={false} />
    </mesh>
  );
}
