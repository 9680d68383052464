// Where the headset's circle plugs into the XR shell. Opened with an invite (`#circle=` in the address, as the
// desktop's invite link and QR code give it), the page joins that circle as a headset member; the circle's code and
// its strings come in one chunk after the first frame (loadWhenOnline). That chunk hands the circle up through a
// context, so the scene inside the VR canvas (XrScene) can draw its part of the room. The room's drawing
// (XrCircleRoom) is in the XR shell's own chunk: a lazy chunk that drew with the shell's three.js modules made the
// bundler move React out of the entry into a chunk of its own, which every first screen then paid for.
// It is also the headset's circle host: the one client outlives the player it follows, so a circle that goes into a
// live meet-up takes the headset to that meet-up's stage (`onMeetup`) and back, the same circle on the same socket.
import { createContext, lazy, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { loadWhenOnline } from '../../../app/load-when-online';
import type { CircleClient, CirclePresence } from '../../../circles';
import type { CircleHostValue } from '../../../react/CircleHost';
import { circleCodeFromHash } from '../../../protocol/circle-code';
import { AfterFirstFrame } from '../../../react/AfterFirstFrame';
import type { TourPlayer } from '../../../tour/tour-player';
import type { HeadPose } from '../head-pose';
import type { XrHook } from '../xr-hook';
import type { XrCircleReport } from './xr-circle-report';
import { XrCircleRoom } from './XrCircleRoom';

/** The circle this headset is in, as its parts in the room need it. */
export interface XrCircleSession {
  client: CircleClient;
  presence: CirclePresence;
  report: XrCircleReport;
}

const XrCircleContext = createContext<XrCircleSession | null>(null);

const XrCircleBinding = lazy(() => loadWhenOnline(() => import('./XrCircleBinding')));

export interface XrCircleMountProps {
  /** The set tour's player. */
  player: TourPlayer;
  /** The meet-up stage open now, if any: the circle follows there when it is the circle's meet-up. */
  stage: { player: TourPlayer; meetupId: string } | null;
  /** The circle takes the headset into a meet-up the server let it into, or back to the tour (undefined). */
  onMeetup: (meetupId: string | undefined) => void;
  children: ReactNode;
}

/** Joins the invite's circle (if the address has one) and gives it to everything under it. */
export function XrCircleMount({ player, stage, onMeetup, children }: XrCircleMountProps) {
  const [code] = useState(() => circleCodeFromHash(window.location.hash));
  const [session, setSession] = useState<XrCircleSession | null>(null);
  const client = useRef<CircleClient | undefined>(undefined);
  const moves = useRef(onMeetup);
  useEffect(() => void (moves.current = onMeetup), [onMeetup]);
  /** The meet-up the circle took the headset to, if any. */
  const at = useRef<string | undefined>(undefined);
  const host = useMemo<CircleHostValue>(() => {
    const moveToMeetup = (id: string | undefined) => {
      at.current = id;
      moves.current(id);
    };
    return {
      obtain(make) {
        if (client.current) return client.current;
        const made = make();
        client.current = made;
        // The circle left the meet-up the headset is at (taken back, or it ended): back to the set, whether or not a
        // follower is on the stage just then (an ended meet-up's replay makes a new player).
        made.subscribe((s) => (at.current !== undefined && s.status === 'joined' && s.view && s.view.playback.live?.meetupId !== at.current ? moveToMeetup(undefined) : undefined));
        return made;
      },
      moveToMeetup,
    };
  }, []);
  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = undefined;
    },
    [],
  );
  return (
    <XrCircleContext.Provider value={session}>
      {children}
      {code && (
        <AfterFirstFrame>
          <XrCircleBinding player={stage?.player ?? player} {...(stage ? { meetupId: stage.meetupId } : {})} host={host} code={code} onSession={setSession} />
        </AfterFirstFrame>
      )}
    </XrCircleContext.Provider>
  );
}

/** Inside the VR scene: the circle's part of the room, while in a circle. */
export function XrCircleWorld({ head, hook }: { head: HeadPose; hook: XrHook }) {
  const session = useContext(XrCircleContext);
  return session ? <XrCircleRoom session={session} head={head} hook={hook} /> : null;
}
