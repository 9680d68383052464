// The one store every shell reads. Only the feed client (feed slice), the media session on screen (media
// slice), the tour player (tour slice) and the meet-up client (meetup slice) write it.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ProtocolError } from '../protocol';
import type { ProjectData } from '../protocol/project-state';
import { initialMeetupRoom, type MeetupRoom } from '../meetup/meetup-room';
import { initialMediaState, type MediaState } from '../media/media-state';

// The media slice's types are the media session's own (src/media/media-state.ts); re-exported for the views.
export { initialMediaState, type LoadingStage, type MediaError, type MediaStall, type MediaState, type MediaStatus, type StallCause } from '../media/media-state';

/** refused: connected, but the server will not give this page the project (missing, or backers only). */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'refused';

export interface FeedState {
  status: ConnectionStatus;
  /** When the status last changed (ms since epoch): "offline since…". */
  since: number;
  /** Reconnection attempt number while reconnecting, else 0. */
  attempt: number;
  /** Null until the first snapshot arrives. */
  data: ProjectData | null;
  /**
   * The last catch-up: how the client got current again (missed events replayed, a fresh snapshot, or
   * socket.io's own recovery of a short drop), and whether it followed a lost connection.
   */
  lastResync: { at: number; kind: 'events' | 'snapshot' | 'recovered'; count: number; afterOutage: boolean } | null;
  /** Set while `data` comes from the offline cache and the server has not confirmed it yet: its age. */
  cachedAt: number | null;
  /** A refusal from the server that retrying will not fix (unknown project, bad version). */
  error: ProtocolError | null;
}

export interface TourState {
  /** The location on screen (null until a tour is loaded). */
  locationId: string | null;
  /** The tour file came back without a tour to play (none yet, for backers only, or broken): no picture will come. */
  nothingToPlay: boolean;
}

export interface AppState {
  feed: FeedState;
  /** The stream on screen; written by that location's media session. */
  media: MediaState;
  /** Written by the tour player. */
  tour: TourState;
  /** The meet-up this page has open; written by the meet-up client. */
  meetup: MeetupRoom;
}

export type AppStore = StoreApi<AppState>;

export function createAppStore(now: number = Date.now()): AppStore {
  return createStore<AppState>()(() => ({
    feed: { status: 'connecting', since: now, attempt: 0, data: null, lastResync: null, error: null, cachedAt: null },
    media: initialMediaState(),
    tour: { locationId: null, nothingToPlay: false },
    meetup: initialMeetupRoom(),
  }));
}

/** Replaces one slice by merging a patch into it: the only way writers change the store. */
export function patchFeed(store: AppStore, patch: Partial<FeedState>): void {
  store.setState((s) => ({ feed: { ...s.feed, ...patch } }));
}

export function patchMedia(store: AppStore, patch: Partial<MediaState>): void {
  store.setState((s) => ({ media: { ...s.media, ...patch } }));
}

export function patchTour(store: AppStore, patch: Partial<TourState>): void {
  store.setState((s) => ({ tour: { ...s.tour, ...patch } }));
}

export function patchMeetup(store: AppStore, patch: Partial<MeetupRoom>): void {
  store.setState((s) => ({ meetup: { ...s.meetup, ...patch } }));
}
