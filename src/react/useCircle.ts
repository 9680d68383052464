// Thin React binding of the circle core: owns one CircleClient (and so its socket, opened only when a circle is
// started or joined) and one CircleFollower bound to the tour player for as long as the tour is on screen.
// The follower drives the player's media session; a location this member picks themself is asked of the circle.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CircleHostValue } from './CircleHost';
import { CircleClient, CircleFollower, CirclePresence, type CircleMembershipKey, type CircleSnapshot, type PresenceSnapshot } from '../circles';
import type { ViewDirectionSource } from '../view';
import type { CircleDevice } from '../protocol/circle';
import type { TourPlayer } from '../tour/tour-player';

const MEMBERSHIP_KEY = 'setvisit:circle:v1';
const IDLE: CircleSnapshot = { status: 'idle' };

export interface CircleBinding {
  client: CircleClient;
  follower: CircleFollower;
  /** The membership kept in this tab (session storage) to rejoin as the same member after a reload. */
  kept(): CircleMembershipKey | undefined;
}

export interface UseCircleOptions {
  player: TourPlayer;
  token: () => string | undefined;
  name: () => string;
  device: CircleDevice;
  /** The meet-up whose stage `player` plays, when it is one (the circle's live follow applies there). */
  meetupId?: string;
  /** The page's circle host (the desktop's, `useCircleHost()`), which owns the client so that it outlives this view;
   * without one the binding owns it. Passed in rather than read here: the TV and the headset have no host, and
   * reading it here would put the host in a chunk of its own on the desktop tour's first-frame path. */
  host?: CircleHostValue | undefined;
}

export function useCircle({ player, token, name, device, meetupId, host }: UseCircleOptions): { binding: CircleBinding | undefined; snapshot: CircleSnapshot } {
  const names = useRef(name);
  useEffect(() => void (names.current = name), [name]);
  const [binding, setBinding] = useState<CircleBinding>();

  useEffect(() => {
    // Under a circle host the client is the page's (it outlives this view: the circle may go to a meet-up and back).
    const make = () => new CircleClient({ token, name: () => names.current(), device, onMembership: keep });
    const client = host ? host.obtain(make) : make();
    const follower = new CircleFollower({
      client,
      locationNow: () => (meetupId === undefined ? player.state.current.location.id : undefined),
      moveTo: (locationId) => (meetupId === undefined ? player.goTo(locationId) : undefined),
      meetupNow: () => meetupId,
      ...(host ? { moveToMeetup: (id: string | undefined) => host.moveToMeetup(id) } : {}),
    });
    follower.setPlayer(player.state.current.session);
    let location = player.state.current.location.id;
    const unsubscribe = player.subscribe(() => {
      const current = player.state.current;
      if (current.location.id !== location && meetupId === undefined) {
        location = current.location.id;
        const circleAt = client.circleTime()?.locationId;
        // The member went elsewhere themself (the location list, a hotspot): the circle is asked to come along.
        // Said to the follower before it sees the new player, or it would take the member straight back.
        if (client.current.status === 'joined' && circleAt !== undefined && circleAt !== location) {
          follower.movedLocally(location);
          void client.control({ kind: 'location', locationId: location }).then((outcome) => (outcome.ok ? undefined : follower.refused()));
        }
      }
      follower.setPlayer(current.session);
    });
    // The client holds a socket and timers, so it is made in an effect (whose cleanup closes it), as useMeetup does.
    setBinding({ client, follower, kept: readKept });
    return () => {
      unsubscribe();
      follower.dispose();
      if (!host) client.dispose();
    };
  }, [player, token, device, host, meetupId]);

  const snapshot = useSyncExternalStore(
    (listener) => binding?.client.subscribe(listener) ?? (() => undefined),
    () => binding?.client.current ?? IDLE,
  );
  return { binding, snapshot };
}

const NOBODY: PresenceSnapshot = { looks: [] };

/**
 * Presence for as long as the circle binding lives: this member's view direction goes to the circle, and the
 * others' directions and "look here" cues come back as a snapshot.
 */
export function useCirclePresence(binding: CircleBinding | undefined, player: TourPlayer, direction: ViewDirectionSource): { presence: CirclePresence | undefined; snapshot: PresenceSnapshot } {
  const [presence, setPresence] = useState<CirclePresence>();
  useEffect(() => {
    if (!binding) return;
    const made = new CirclePresence({ client: binding.client, direction: () => direction.current(), locationNow: () => player.state.current.location.id });
    // The presence holds a timer and listeners, so it is made in an effect (whose cleanup disposes it).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPresence(made);
    return () => made.dispose();
  }, [binding, player, direction]);
  const snapshot = useSyncExternalStore(
    (listener) => presence?.subscribe(listener) ?? (() => undefined),
    () => presence?.current ?? NOBODY,
  );
  return { presence, snapshot };
}

function keep(key: CircleMembershipKey | undefined): void {
  try {
    if (key) sessionStorage.setItem(MEMBERSHIP_KEY, JSON.stringify(key));
    else sessionStorage.removeItem(MEMBERSHIP_KEY);
  } catch {
    // Storage refused (private mode): the membership lasts as long as the page.
  }
}

function readKept(): CircleMembershipKey | undefined {
  try {
    const raw = sessionStorage.getItem(MEMBERSHIP_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<CircleMembershipKey>) : undefined;
    return parsed && typeof parsed.code === 'string' && typeof parsed.memberId === 'string' && typeof parsed.memberKey === 'string'
      ? { code: parsed.code, memberId: parsed.memberId, memberKey: parsed.memberKey }
      : undefined;
  } catch {
    return undefined;
  }
}
