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
  dispose(): void;
}

export function createKeyRouter(source: KeyEventSource): KeyRouter {
  const handlers: RemoteKeyHandler[] = [];

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
  };
  const onKeyDown = route('down');
  const onKeyUp = route('up');
  source.addEventListener('keydown', onKeyDown);
  source.addEventListener('keyup', onKeyUp);

  return {
    push(handler) {
      handlers.push(handler);
      return () => {
        const index = handlers.lastIndexOf(handler);
        if (index >= 0) handlers.splice(index, 1);
      };
    },
    dispose() {
      source.removeEventListener('keydown', onKeyDown);
      source.removeEventListener('keyup', onKeyUp);
      handlers.length = 0;
    },
  };
}
