// When a meet-up starts, as a person reads it: the clock time alone for today, the day with it otherwise. "Starts
// at 12:00" beside a countdown of "1 d 01:59" reads as today noon; the day says which noon.
import type { Language } from '../../protocol';

const formats = new Map<Language, { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat }>();

function formatsFor(language: Language) {
  let made = formats.get(language);
  if (!made) {
    made = {
      time: new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }),
      day: new Intl.DateTimeFormat(language, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
    };
    formats.set(language, made);
  }
  return made;
}

/** `epochMs` in the viewer's time zone: "12:00 PM" on the same day as `nowMs`, "Tue, Dec 8, 12:00 PM" on another. */
export function startTimeText(language: Language, epochMs: number, nowMs = Date.now()): string {
  const start = new Date(epochMs);
  const now = new Date(nowMs);
  const sameDay = start.getFullYear() === now.getFullYear() && start.getMonth() === now.getMonth() && start.getDate() === now.getDate();
  const { time, day } = formatsFor(language);
  return (sameDay ? time : day).format(epochMs);
}
