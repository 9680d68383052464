// The countdown to a scheduled meet-up, as parts the views format in the UI language.
export interface Countdown {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** The start time has come (the server may not have started it yet). */
  due: boolean;
  /** Whole minutes since the start time while the host has not started: 0 before it, and in its first minute. */
  overdueMinutes: number;
}

/** Past this, "any moment now" is no longer true: the views say the host is late instead. */
export const LATE_AFTER_MINUTES = 5;

/** The host is late: the views say so (a sentence, not a clock) instead of "any moment now". */
export const isLate = (c: Countdown): boolean => c.due && c.overdueMinutes >= LATE_AFTER_MINUTES;

export function countdownTo(startMs: number, nowMs: number): Countdown {
  const left = Math.max(0, Math.ceil((startMs - nowMs) / 1000));
  return {
    days: Math.floor(left / 86_400),
    hours: Math.floor((left % 86_400) / 3_600),
    minutes: Math.floor((left % 3_600) / 60),
    seconds: left % 60,
    due: left === 0,
    overdueMinutes: Math.max(0, Math.floor((nowMs - startMs) / 60_000)),
  };
}
