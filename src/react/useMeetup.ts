// Thin React bindings of the meet-up core: a provider that owns one MeetupClient (and so its socket) for as long
// as a meet-up view is open, and hooks that read the store's meetup slice, the project's meet-up list, a scheduled
// meet-up's countdown and reminder, and a clock. Each shell draws these with its own markup and focus model.
import { createContext, createElement, useCallback, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { MeetupApi, type ApiFailure } from '../meetup/meetup-api';
import { countdownTo, type Countdown } from '../meetup/countdown';
import { MeetupClient } from '../meetup/meetup-client';
import type { MeetupRoom } from '../meetup/meetup-room';
import { StartReminder, browserNotify } from '../meetup/start-reminder';
import type { Meetup } from '../protocol/meetup';
import { useAppState, useI18n, useServices } from './AppContext';

export interface MeetupServices {
  client: MeetupClient;
  api: MeetupApi;
  reminder: StartReminder;
  /** The token the page signs in with (read when needed, never kept in React state). */
  token: () => string | undefined;
}

const MeetupContext = createContext<MeetupServices | null>(null);

/**
 * Opens the meet-up services for its children. `token` is read at every connect: the backer's code from Web
 * Storage in the audience view, the operator's from sessionStorage in the host console.
 */
export function MeetupProvider({ token, children }: { token: () => string | undefined; children: ReactNode }) {
  const { store } = useServices();
  const [services, setServices] = useState<MeetupServices | null>(null);
  useEffect(() => {
    const client = new MeetupClient({ store, token });
    const reminder = new StartReminder({ report: (r) => client.reportReminder(r), notify: browserNotify });
    // The client holds a socket, so it is made in an effect (whose cleanup closes it), as useTourPlayer does.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setServices({ client, api: new MeetupApi(), reminder, token });
    return () => {
      reminder.cancel();
      client.dispose();
    };
  }, [store, token]);
  return services ? createElement(MeetupContext.Provider, { value: services }, children) : null;
}

export function useMeetupServices(): MeetupServices {
  const services = useContext(MeetupContext);
  if (!services) throw new Error('useMeetupServices outside <MeetupProvider>');
  return services;
}

export function useMeetupRoom(): MeetupRoom {
  return useAppState((s) => s.meetup);
}

export type MeetupListState = { kind: 'loading' } | { kind: 'loaded'; meetups: Meetup[] } | { kind: 'error'; failure: ApiFailure };

/** The project's meet-ups over HTTP, with a reload (after an error, or after the host changed something). */
export function useMeetupList(projectId: string, operatorToken?: string): [MeetupListState, () => void] {
  const { api } = useMeetupServices();
  const [state, setState] = useState<MeetupListState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void api.list(projectId, operatorToken).then((result) => {
      if (cancelled) return;
      setState(result.ok ? { kind: 'loaded', meetups: sortByStart(result.value) } : { kind: 'error', failure: result.failure });
    });
    return () => {
      cancelled = true;
    };
  }, [api, projectId, operatorToken, attempt]);
  const reload = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return [state, reload];
}

/** What a meet-up list shows; every shell draws these four states, each with its own controls and focus. */
export type MeetupListView = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'empty' } | { kind: 'meetups'; meetups: Meetup[] };

export function meetupListView(list: MeetupListState): MeetupListView {
  if (list.kind === 'loading') return list;
  if (list.kind === 'error') return { kind: 'error', message: list.failure.message };
  return list.meetups.length === 0 ? { kind: 'empty' } : { kind: 'meetups', meetups: list.meetups };
}

/** Live first, then the soonest scheduled, then the most recently ended. */
function sortByStart(meetups: Meetup[]): Meetup[] {
  const rank = { live: 0, scheduled: 1, ended: 2 } as const;
  return [...meetups].sort(
    (a, b) => rank[a.state] - rank[b.state] || (a.state === 'ended' ? -1 : 1) * (Date.parse(a.scheduledStart) - Date.parse(b.scheduledStart)),
  );
}

/** The time, ticking every `intervalMs` while mounted (a countdown's clock). */
export function useNow(intervalMs = 1_000): number {
  return useSyncExternalStore(
    (listener) => {
      const timer = setInterval(listener, intervalMs);
      return () => clearInterval(timer);
    },
    () => Math.floor(Date.now() / intervalMs) * intervalMs,
  );
}

export interface MeetupReminder {
  /** The scheduled start (ms since the epoch) and the countdown to it, ticking every second. */
  start: number;
  countdown: Countdown;
  /** This meet-up's "add to my TV" reminder: null until asked for, armed until the start, then due. */
  armed: 'armed' | 'due' | null;
  /** Arms the reminder (once: again while armed or due does nothing), titled in the UI language. */
  arm: () => void;
}

/** A scheduled meet-up's countdown and start reminder, as the desktop and TV countdowns both show them. */
export function useMeetupReminder(meetup: Meetup): MeetupReminder {
  const i18n = useI18n();
  const { reminder } = useMeetupServices();
  const room = useMeetupRoom();
  const now = useNow();
  const start = Date.parse(meetup.scheduledStart);
  const armed = room.reminder?.meetupId === meetup.id ? room.reminder.state : null;
  const arm = () => {
    if (armed === null) reminder.arm(meetup, { title: i18n.t('meetup.reminder.title'), body: i18n.pick(meetup.title) });
  };
  return { start, countdown: countdownTo(start, now), armed, arm };
}
