// Where a viewer was when a lock stopped them, so that opening it with a backer code does not throw them back to the
// tour's start: a sign-in loads the tour again with a new pass, and the shells make a new player for it (on the TV
// after a trip through the Meet-ups keypad, the watch screen gone in between). The next player of that tour resumes
// there, at the same moment of the footage, once; the viewer then walks into the location the code opened. Plain
// functions over one map of the page: this is on the TV's first screen, whose bytes are counted.
import type { TourPlace } from './tour-player';

const stopped = new Map<string, TourPlace>();

/** A lock stopped the viewer at `place`; or (`left`) the player of a stopped viewer goes, the footage having gone on
 * behind the lock: they were last here. */
export function rememberPlace(tourId: string, place: TourPlace, left = false): void {
  if (!left || stopped.has(tourId)) stopped.set(tourId, place);
}

/** Where the next player of `tourId` starts, once: where the viewer was, if a lock stopped them. */
export function takePlace(tourId: string): TourPlace | undefined {
  const place = stopped.get(tourId);
  stopped.delete(tourId);
  return place;
}
