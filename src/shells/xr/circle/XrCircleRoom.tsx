// The circle's part of the room in VR (handed to the scene by XrCircleBinding): where the others look, a "look
// here" from them, "look here" from this headset's controller, and the circle's panel.
import { useState } from 'react';
import type { HeadPose } from '../head-pose';
import type { XrHook } from '../xr-hook';
import { CueGuide } from './CueGuide';
import { MemberMarkers } from './MemberMarkers';
import { PointOnSet } from './PointOnSet';
import type { XrCircleSession } from './XrCircleMount';
import { XrCirclePanel } from './XrCirclePanel';
import { useCircleSnapshot } from './useCircleSnapshots';

export function XrCircleRoom({ session, head, hook }: { session: XrCircleSession; head: HeadPose; hook: XrHook }) {
  const { client, presence, report } = session;
  // The last "look here" sent from here, or why it was refused: the panel says it.
  const [note, setNote] = useState<string | null>(null);
  // Out of the circle (left, removed, ended) only the panel stays, saying so.
  const { status } = useCircleSnapshot(client);
  const inCircle = status === 'joined' || status === 'offline';
  return (
    <>
      {inCircle && (
        <>
          <MemberMarkers presence={presence} head={head} report={report} />
          <CueGuide presence={presence} head={head} report={report} />
          <PointOnSet client={client} presence={presence} report={report} onSent={setNote} />
        </>
      )}
      <XrCirclePanel client={client} head={head} hook={hook} report={report} note={note} />
    </>
  );
}
