// The TV page's one circle, above its screens: the watch screen (TvCircle) and a meet-up's stage (TvStageCircle)
// each bind the same circle client, so a circle that takes the TV into a meet-up and back is the same circle on the
// same socket. It also says which meet-up the circle took the TV to: the meet-up screen opens that one's room. No
// React: a tiny store the watch screen's circle chunk and the meet-up screen's chunk both import (neither is on the
// TV's first screen). The page owns the client: it lives as long as the page, idle (no socket) outside a circle.
import type { CircleClient } from '../../../circles';
import type { CircleHostValue } from '../../../react/CircleHost';

type MoveListener = (meetupId: string | undefined) => void;

export interface TvCircleHost extends CircleHostValue {
  /** The client, once the watch screen's circle made it. */
  client: () => CircleClient | undefined;
  /** The meet-up the circle took this TV to (the server let it in), or undefined: the tour. */
  meetup: () => string | undefined;
  /** Told of every move the circle asks of this TV; returns the way to stop listening (a store for React too). */
  subscribe: (listener: MoveListener) => () => void;
}

export function createTvCircleHost(): TvCircleHost {
  let client: CircleClient | undefined;
  let meetup: string | undefined;
  const listeners = new Set<MoveListener>();
  const host: TvCircleHost = {
    obtain(make) {
      if (client) return client;
      const made = make();
      client = made;
      // The circle left the meet-up this TV is at (the host took it back, or it ended): back to the tour, whether or
      // not the stage's follower is running just then (a replay's new player, or its chunk still loading).
      made.subscribe((snapshot) => {
        if (meetup !== undefined && snapshot.status === 'joined' && snapshot.view && snapshot.view.playback.live?.meetupId !== meetup) host.moveToMeetup(undefined);
      });
      return made;
    },
    moveToMeetup(meetupId) {
      // A meet-up is told every time it is asked (a follower asks once: after Back from the circle's stage, the next
      // ask reopens it); the way back once.
      if (meetupId === undefined && meetup === undefined) return;
      meetup = meetupId;
      for (const listener of [...listeners]) listener(meetupId);
    },
    client: () => client,
    meetup: () => meetup,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return host;
}

/** The TV page's circle host. */
export const tvCircleHost = createTvCircleHost();
