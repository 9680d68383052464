// The countdown to a scheduled meet-up, as parts the views format in the UI language.
export interface Countdown {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** The start time has come (the server may not have started it yet). */
  due: boolean;
}

export function countdownTo(startMs: number, nowMs: number): Countdown {
  const left = Math.max(0, Math.ceil((startMs - nowMs) / 1000));
  return {
    days: Math.floor(left / 86_400),
    hours: Math.floor((left % 86_400) / 3_600),
    minutes: Math.floor((left % 3_600) / 60),
    seconds: left % 60,
    due: left === 0,
  };
}
