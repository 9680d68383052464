// The XR shell's two tour players: the set tour's (which, after the desktop's Enter VR, starts at the location the
// desktop showed, in the video element that click started) and, while a meet-up is open and streaming, the
// stage's — the meet-up's stream as a one-location tour (stageTour), so it plays through the same media session,
// sphere and media-layer paths as any location. Each player is made in an effect and disposed in its cleanup.
import { useEffect, useMemo, useState } from 'react';
import { MediaSession } from '../../media/media-session';
import { watchLivePosition } from '../../meetup/live-position';
import { stageTour } from '../../meetup/stage-tour';
import { useServices } from '../../react/AppContext';
import { useMeetupRoom, useMeetupServices } from '../../react/useMeetup';
import { TourPlayer, type SessionSettings } from '../../tour/tour-player';
import type { Tour } from '../../protocol/tour-schema';
import { takeHandedMedia, type VrHandOff } from '../../xr/vr-handoff';

export function useXrTourPlayer(tour: Tour, handOff: VrHandOff | null): TourPlayer | null {
  const { store, launch: { hls } } = useServices();
  const [player, setPlayer] = useState<TourPlayer | null>(null);
  useEffect(() => {
    const start = handOff?.locationId && tour.locations.some((l) => l.id === handOff.locationId) ? handOff.locationId : tour.start;
    // The first location plays in the element the desktop's click started (so its sound is allowed); every later
    // one in a new session. Under StrictMode's development double mount the first player disposes it, and the
    // second falls back to a muted start that the first select in VR unmutes.
    let handed = takeHandedMedia(handOff);
    const createSession = (settings: SessionSettings) => {
      const session = handed ?? new MediaSession(settings);
      handed = null;
      return session;
    };
    const created = new TourPlayer({ tour: { ...tour, start }, store, engine: hls, createSession });
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPlayer(created);
    return () => created.dispose();
  }, [tour, store, handOff, hls]);
  return player;
}

/**
 * The open meet-up's room (joined on mount of a `meetupId`, left when it goes) and its stage player: null until the
 * server let the backer in and the meet-up streams (live or replay). While live, reports the latency behind live.
 */
export function useStagePlayer(meetupId: string | null): TourPlayer | null {
  const { store, launch: { hls } } = useServices();
  const { client } = useMeetupServices();
  const room = useMeetupRoom();
  useEffect(() => {
    if (!meetupId) return undefined;
    client.join(meetupId);
    return () => client.leave();
  }, [client, meetupId]);

  const inRoom = room.phase === 'joined' || room.phase === 'reconnecting';
  const meetup = inRoom && room.meetup?.id === meetupId ? room.meetup : null;
  // A new stage only when the stream changes (live → replay), not on every room update.
  const streamUrl = meetup?.streamUrl;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const tour = useMemo(() => (meetup ? stageTour(meetup) : null), [streamUrl, meetup?.id]);
  const [player, setPlayer] = useState<TourPlayer | null>(null);
  useEffect(() => {
    if (!tour) return undefined;
    const created = new TourPlayer({ tour, store, engine: hls });
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPlayer(created);
    return () => {
      created.dispose();
      setPlayer(null);
    };
  }, [tour, store, hls]);

  const live = meetup?.state === 'live';
  useEffect(() => {
    if (!player || !live) return undefined;
    const stop = watchLivePosition(player.state.current.session.video, (position) => client.reportLivePosition(position));
    return () => {
      stop();
      client.reportLivePosition(null);
    };
  }, [player, live, client]);
  return tour ? player : null;
}
