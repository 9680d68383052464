// Where a viewer was when a lock stopped them, so that opening it with a backer code does not throw them back to the
// tour's start: a sign-in loads the tour again with a new pass, and the shells make a new player for it (on the TV
// after a trip through the Meet-ups keypad, the watch screen gone in between). The next player of that tour resumes
// there, at the same moment of the footage, once; the viewer then walks into the location the code opened.
import type { TourPlace } from './tour-player';

export class UnlockMemory {
  private readonly stopped = new Map<string, TourPlace>();

  /** A lock stopped the viewer at `place`. */
  lockedAt(tourId: string, place: TourPlace): void {
    this.stopped.set(tourId, place);
  }

  /** The player of a stopped viewer goes: they were last here (the footage went on behind the lock). */
  left(tourId: string, place: TourPlace): void {
    if (this.stopped.has(tourId)) this.stopped.set(tourId, place);
  }

  /** Where the next player of `tourId` starts, once: where the viewer was, if a lock stopped them. */
  take(tourId: string): TourPlace | undefined {
    const place = this.stopped.get(tourId);
    this.stopped.delete(tourId);
    return place;
  }
}

/** The page's one memory (each player may be given its own, as tests do). */
export const unlockMemory = new UnlockMemory();
