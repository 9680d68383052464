// Thin React binding of the circle chat core (src/circles/circle-chat.ts): one CircleChat for as long as the
// circle binding lives, its snapshot as state.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { CircleChat, type ChatSnapshot } from '../circles';
import type { CircleBinding } from './useCircle';

const NOTHING: ChatSnapshot = { messages: [], flashes: [], reports: [] };

export function useCircleChat(binding: CircleBinding | undefined): { chat: CircleChat | undefined; snapshot: ChatSnapshot } {
  const [chat, setChat] = useState<CircleChat>();
  useEffect(() => {
    if (!binding) return;
    const made = new CircleChat({ client: binding.client });
    // The chat holds listeners and a timer, so it is made in an effect (whose cleanup disposes it).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setChat(made);
    return () => made.dispose();
  }, [binding]);
  const snapshot = useSyncExternalStore(
    (listener) => chat?.subscribe(listener) ?? (() => undefined),
    () => chat?.current ?? NOTHING,
  );
  return { chat, snapshot };
}
