// Where the headset's circle plugs into the XR shell. Opened with an invite (`#circle=` in the address, as the
// desktop's invite link and QR code give it), the page joins that circle as a headset member; the circle's code and
// its strings come in one chunk after the first frame (loadWhenOnline). That chunk hands the circle up through a
// context, so the scene inside the VR canvas (XrScene) can draw its part of the room. The room's drawing
// (XrCircleRoom) is in the XR shell's own chunk: a lazy chunk that drew with the shell's three.js modules made the
// bundler move React out of the entry into a chunk of its own, which every first screen then paid for.
import { createContext, lazy, useContext, useState, type ReactNode } from 'react';
import { loadWhenOnline } from '../../../app/load-when-online';
import type { CircleClient, CirclePresence } from '../../../circles';
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
  return session ? <XrCircleRoom session={session} head={head} hook={hook} /> : null;
}
