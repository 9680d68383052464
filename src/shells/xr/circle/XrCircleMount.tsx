// Where the headset's circle plugs into the XR shell. Opened with an invite (`#circle=` in the address, as the
// desktop's invite link and QR code give it), the page joins that circle as a headset member; the circle's code,
// its strings and everything it shows come in one chunk after the first frame (loadWhenOnline). That chunk hands
// the circle up through a context, so the scene inside the VR canvas (XrScene) can draw its part of the room.
import { createContext, lazy, useContext, useState, type ComponentType, type ReactNode } from 'react';
import { loadWhenOnline } from '../../../app/load-when-online';
import type { CircleClient, CirclePresence } from '../../../circles';
import { circleCodeFromHash } from '../../../protocol/circle-code';
import { AfterFirstFrame } from '../../../react/AfterFirstFrame';
import type { TourPlayer } from '../../../tour/tour-player';
import type { HeadPose } from '../head-pose';
import type { XrHook } from '../xr-hook';
import type { XrCircleReport } from './xr-circle-report';

/** The circle this headset is in, as its parts in the room need it. */
export interface XrCircleSession {
  client: CircleClient;
  presence: CirclePresence;
  report: XrCircleReport;
  /** The circle's part of the room (markers, cues, "look here", the panel), from the circle's chunk. */
  World: ComponentType<{ session: XrCircleSession; head: HeadPose; hook: XrHook }>;
}

const XrCircleContext = createContext<XrCircleSession | null>(null);

const XrCircleBinding = lazy(() => loadWhenOnline(() => import('./XrCircleBinding')));

/** Joins the invite's circle (if the address has one) and gives it to everything under it. */
export function XrCircleMount({ player, children }: { player: TourPlayer; children: ReactNode }) {
  const [code] = useState(() => circleCodeFromHash(window.location.hash));
  const [session, setSession] = useState<XrCircleSession | null>(null);
  return (
    <XrCircleContext.Provider value={session}>
      {children}
      {code && (
        <AfterFirstFrame>
          <XrCircleBinding player={player} code={code} onSession={setSession} />
        </AfterFirstFrame>
      )}
    </XrCircleContext.Provider>
  );
}

/** Inside the VR scene: the circle's part of the room, while in a circle. */
export function XrCircleWorld({ head, hook }: { head: HeadPose; hook: XrHook }) {
  const session = useContext(XrCircleContext);
  return session ? <session.World session={session} head={head} hook={hook} /> : null;
}
