// One keydown/keyup listener for the TV shell, handing each remote action to the screen on top first: the 360 view
// takes held arrows for panning, the shell's focus navigation gets whatever the screen leaves.
import { remoteActionOf, type RemoteAction, type RemoteKeyEvent } from './remote-keys';

export interface RemoteKeyInput {
  action: RemoteAction;
  phase: 'down' | 'up';
  /** An auto-repeat of a held key (keydown only). Back acts only on non-repeats: a held Back is the TV's. */
  repeat: boolean;
}

/** True when the handler used the key: the router then calls preventDefault and asks no one else. */
export type RemoteKeyHandler = (input: RemoteKeyInput) => boolean;

interface KeyEventLike extends RemoteKeyEvent {
  repeat?: boolean;
  preventDefault(): void;
}

/** `window` fits. */
export interface KeyEventSource {
  addEventListener(type: 'keydown' | 'keyup', listener: (event: KeyEventLike) => void): void;
  removeEventListener(type: 'keydown' | 'keyup', listener: (event: KeyEventLike) => void): void;
}

export interface KeyRouter {
  /** Adds a handler above the others (the newest screen); returns its removal. */
  push(handler: RemoteKeyHandler): () => void;
  /**
   * The handler asked last, below every pushed one: the shell's focus navigation and Back. (React runs a child's
   * effects before its parent's, so the shell could not otherwise stay below the screens it renders.)
   */
  setFallback(handler: RemoteKeyHandler | null): void;
  /** Starts routing the source's key events; returns the function that stops it. */
  listen(source: KeyEventSource): () => void;
}

/** Creating a router has no side effects (React may create one twice); listen() attaches it. */
export function createKeyRouter(): KeyRouter {
  const handlers: RemoteKeyHandler[] = [];
  let fallback: RemoteKeyHandler | null = null;

  const route = (phase: 'down' | 'up') => (event: KeyEventLike) => {
    const action = remoteActionOf(event);
    // Keys SetVisit does not map (Exit, Home, volume, channel) are never touched: they belong to the TV.
    if (!action) return;
    const input: RemoteKeyInput = { action, phase, repeat: phase === 'down' && event.repeat === true };
    for (let i = handlers.length - 1; i >= 0; i--) {
      const handler = handlers[i];
      if (handler && handler(input)) {
        event.preventDefault();
        return;
      }
    }
    if (fallback && fallback(input)) event.preventDefault();
  };
  const onKeyDown = route('down');
  const onKeyUp = route('up');

  return {
    push(handler) {
      handlers.push(handler);
      return () => {
        const index = handlers.lastIndexOf(handler);
        if (index >= 0) handlers.splice(index, 1);
      };
    },
    setFallback(handler) {
      fallback = handler;
    },
    listen(source) {
      source.addEventListener('keydown', onKeyDown);
      source.addEventListener('keyup', onKeyUp);
      return () => {
        source.removeEventListener('keydown', onKeyDown);
        source.removeEventListener('keyup', onKeyUp);
      };
    },
  };
}
