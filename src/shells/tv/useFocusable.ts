// The React binding of the TV focus manager (src/tv/focus): a provider for the shell, one hook per focusable element.
import { createContext, createElement, useCallback, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { FocusManager } from '../../tv/focus';

const FocusContext = createContext<FocusManager | null>(null);

export function FocusProvider({ manager, children }: { manager: FocusManager; children: ReactNode }) {
  return createElement(FocusContext.Provider, { value: manager }, children);
}

export function useFocusManager(): FocusManager {
  const manager = useContext(FocusContext);
  if (!manager) throw new Error('useFocusManager outside <FocusProvider>');
  return manager;
}

export interface UseFocusableOptions {
  section?: string;
  /** OK, or a click/tap from a pointer remote. The latest function is used; changing it does not re-register. */
  onSelect?: () => void;
}

export interface Focusable<T extends HTMLElement> {
  /** Spread onto the element: registers it, makes it focusable by script only, hover moves the focus to it. */
  props: {
    ref: (element: T | null) => void;
    tabIndex: -1;
    'data-focus-id': string;
    'data-focused': boolean;
    onMouseEnter: () => void;
    onClick: () => void;
  };
  focused: boolean;
}

/**
 * Registers the element under `id` for as long as it is mounted. Hover (Magic Remote pointer, air mouse) moves the
 * one focus here; the next arrow key continues from here. Not in the Tab order (tabIndex -1): a TV has no Tab key
 * and the D-pad goes through the manager, never through the browser's own focus navigation.
 */
export function useFocusable<T extends HTMLElement = HTMLElement>(id: string, options: UseFocusableOptions = {}): Focusable<T> {
  const manager = useFocusManager();
  const onSelect = useRef(options.onSelect);
  useEffect(() => {
    onSelect.current = options.onSelect;
  });
  const section = options.section;
  const select = useCallback(() => onSelect.current?.(), []);

  const unregister = useRef<(() => void) | null>(null);
  const ref = useCallback(
    (element: T | null) => {
      unregister.current?.();
      unregister.current = element ? manager.register({ id, element, section, onSelect: select }) : null;
    },
    [manager, id, section, select],
  );

  const subscribe = useCallback((onChange: () => void) => manager.subscribe(onChange), [manager]);
  const focused = useSyncExternalStore(subscribe, () => manager.current() === id);

  return {
    props: {
      ref,
      tabIndex: -1,
      'data-focus-id': id,
      'data-focused': focused,
      onMouseEnter: () => manager.setFocus(id),
      onClick: () => {
        manager.setFocus(id);
        select();
      },
    },
    focused,
  };
}
