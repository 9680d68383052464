// Thin React bindings of the meet-up core: a provider that owns one MeetupClient (and so its socket) for as long
// as a meet-up view is open, and hooks that read the store's meetup slice, the project's meet-up list and a clock.
import { createContext, createElement, useCallback, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { MeetupApi, type ApiFailure } from '../meetup/meetup-api';
import { MeetupClient } from '../meetup/meetup-client';
import type { MeetupRoom } from '../meetup/meetup-room';
import { StartReminder, browserNotify } from '../meetup/start-reminder';
import type { Meetup } from '../protocol/meetup';
import { useAppState, useServices } from './AppContext';

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
