// Owns one MediaSession for the lifetime of a component: created on mount, disposed on unmount.
import { useEffect, useState } from 'react';
import { MediaSession } from '../media/media-session';
import { useServices } from './AppContext';

export function useMediaSession(): MediaSession | null {
  const { store } = useServices();
  const [session, setSession] = useState<MediaSession | null>(null);
  useEffect(() => {
    const created = new MediaSession({ store });
    // The session holds a <video> and network work that must be torn down, so it is made in an effect (whose
    // cleanup disposes it) and handed to render through state: the one render this costs happens once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(created);
    return () => created.dispose();
  }, [store]);
  return session;
}
