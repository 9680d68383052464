// "Add to my TV": while the page stays open, a reminder at the meet-up's start time. A system notification when
// the person allowed them, otherwise a banner in the page (the store's `reminder` turns 'due').
import type { Meetup } from '../protocol/meetup';
import type { MeetupRoom } from './meetup-room';

export interface ReminderHost {
  report(reminder: MeetupRoom['reminder']): void;
  /** A system notification, when allowed; returns whether one was shown. */
  notify?(title: string, body: string): boolean;
  now?(): number;
}

/** setTimeout takes at most 2^31−1 ms (24.8 days); beyond that the timer fires at once. Wait in steps. */
const MAX_TIMER_MS = 2_147_483_647;

export class StartReminder {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private meetupId: string | null = null;

  constructor(private readonly host: ReminderHost) {}

  get armedFor(): string | null {
    return this.meetupId;
  }

  /** Arms the reminder for `meetup`'s scheduled start (replacing any other). `text` is what the reminder says. */
  arm(meetup: Pick<Meetup, 'id' | 'scheduledStart'>, text: { title: string; body: string }): void {
    this.cancel();
    this.meetupId = meetup.id;
    this.host.report({ meetupId: meetup.id, state: 'armed' });
    const startMs = Date.parse(meetup.scheduledStart);
    const wait = () => {
      const left = startMs - (this.host.now?.() ?? Date.now());
      if (left > 0) {
        this.timer = setTimeout(wait, Math.min(left, MAX_TIMER_MS));
        return;
      }
      this.timer = undefined;
      this.host.notify?.(text.title, text.body);
      // The banner shows either way: a notification can be missed, and it is the only reminder on a TV.
      this.host.report({ meetupId: meetup.id, state: 'due' });
    };
    wait();
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.meetupId) this.host.report(null);
    this.meetupId = null;
  }
}

/** A system notification if the person already allowed them; never asks here (asking needs a tap). */
export function browserNotify(title: string, body: string): boolean {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return false;
  new Notification(title, { body });
  return true;
}

/** Asks for notification permission from a tap; resolves whether notifications may be shown. */
export async function askNotificationPermission(): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  if (Notification.permission === 'granted') return true;
  if (Notification.permission === 'denied') return false;
  return (await Notification.requestPermission()) === 'granted';
}
