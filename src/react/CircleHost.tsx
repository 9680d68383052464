// The page's one circle, above the shell's sections: the circle client outlives the view that made it (the tour,
// or a meet-up's stage the circle went to), so a circle taken into a meet-up and back is the same circle on the same
// socket. It also says which meet-up the circle takes this member to, for the shell to show its stage. Types only
// from the circle core: the client itself is made (and its code loaded) by the lazily loaded circle panel.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CircleClient } from '../circles';

export interface CircleHostValue {
  /** The page's circle client, made by `make` on first use; disposed with the host. */
  obtain(make: () => CircleClient): CircleClient;
  /** The circle takes this member into a meet-up (the server let them in), or back to the tour (undefined). */
  moveToMeetup(meetupId: string | undefined): void;
}

const HostContext = createContext<CircleHostValue | undefined>(undefined);
const MeetupContext = createContext<string | undefined>(undefined);

export function CircleHost({ children }: { children: ReactNode }) {
  const client = useRef<CircleClient | undefined>(undefined);
  const [meetupId, setMeetupId] = useState<string>();
  const obtain = useCallback((make: () => CircleClient) => (client.current ??= make()), []);
  const moveToMeetup = useCallback((id: string | undefined) => setMeetupId(id), []);
  const value = useMemo(() => ({ obtain, moveToMeetup }), [obtain, moveToMeetup]);
  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = undefined;
    },
    [],
  );
  return (
    <HostContext.Provider value={value}>
      <MeetupContext.Provider value={meetupId}>{children}</MeetupContext.Provider>
    </HostContext.Provider>
  );
}

/** The page's circle host; undefined outside one (a view then owns its own circle client). */
export function useCircleHost(): CircleHostValue | undefined {
  return useContext(HostContext);
}

/** The meet-up the circle has taken this member to, or undefined (the tour, or in no circle). */
export function useCircleMeetup(): string | undefined {
  return useContext(MeetupContext);
}
