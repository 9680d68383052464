// Thin React bindings: the store, the translator and the feed are created outside React and passed in here.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../store/app-store';
import type { LaunchParams } from '../app/url-params';
import type { WarmStart } from '../app/warm-start';
import type { MilestoneArrivals } from '../feed/milestone-arrivals';
import type { Translator } from '../i18n/translator';
import { ViewDirectionProvider } from './ViewDirectionProvider';

export interface AppServices {
  store: AppStore;
  i18n: Translator;
  projectId: string;
  /** Every URL parameter, parsed once by the entry. */
  launch: LaunchParams;
  /** What the entry started before React (tour file, start stream, renderer), each taken once by its user. */
  warmStart: WarmStart;
  /** The one toast policy: milestones that arrive while the page is open (fed by the feed client). */
  arrivals: MilestoneArrivals;
  /** Remembers a backer's token and reconnects the feed with it. */
  signIn: (token: string) => void;
  /** Sends another capability's message over the feed's socket while connected (attention reports); false if not. */
  feedSend?: (event: string, payload: unknown) => boolean;
}

const ServicesContext = createContext<AppServices | null>(null);

export function AppProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={services}>
      <ViewDirectionProvider>{children}</ViewDirectionProvider>
    </ServicesContext.Provider>
  );
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside <AppProvider>');
  return services;
}

export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().store, selector);
}

export const useFeed = () => useAppState((s) => s.feed);
export const useMedia = () => useAppState((s) => s.media);
export const useI18n = () => useServices().i18n;
