// Owns one MediaSession for the lifetime of a component: created on mount, disposed on unmount.
import { useEffect, useState } from 'react';
import { MediaSession } from '../media/media-session';
import { useServices } from './AppContext';

export function useMediaSession(): MediaSession | null {
  const { store } = useServices();
  const [session, setSession] = useState<MediaSession | null>(null);
  useEffect(() => {
    const created = new MediaSession({ store });
    setSession(created);
    return () => created.dispose();
  }, [store]);
  return session;
}
