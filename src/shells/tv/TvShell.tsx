// The TV shell (?mode=tv, or a TV's user agent): a 10-foot home screen driven by the remote alone, "Watch the set"
// on demand, Back through the shell's own screens and an exit prompt on home. A lazy chunk of its own, loading
// no three.js, R3F or hls.js: those come with the watch screen.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../react/AppContext';
import { createBackStack, type BackStack } from '../../tv/back-stack';
import { exitApp } from '../../tv/app-exit';
import { detectTvPlatform } from '../../tv/device';
import { createFocusManager } from '../../tv/focus';
import { FocusProvider } from './useFocusable';
import { createKeyRouter, type RemoteKeyInput } from '../../tv/key-router';
import { createPointerMode, type RemoteInputMode } from '../../tv/pointer-mode';
import { requestRemoteKeys } from '../../tv/remote-key-access';
import { ExitPrompt } from './ExitPrompt';
import { HomeScreen } from './HomeScreen';
import { MeetupHost } from './meetup/MeetupHost';
import { MilestoneToasts } from './MilestoneToasts';
import { PairingHost } from './pairing/PairingHost';
import { isTvScreen, TvShellProvider, type TvScreenId, type TvShellApi } from './TvShellContext';
import { WatchHost } from './WatchHost';
import './tv.css';

interface ScreenView {
  screen: TvScreenId;
  /** The focus id to give back after Back; undefined for a newly opened screen. */
  restore: string | undefined;
}

const HOME_FOCUS = 'home-watch';
/** Focus memory key for the exit prompt: it gives focus back to where the family was on home. */
const BEFORE_EXIT = 'before-exit';

export default function TvShell() {
  const { t } = useI18n();
  const platform = useMemo(() => detectTvPlatform(navigator.userAgent), []);
  // Created without side effects (React may create them twice); their listeners attach in the effects below.
  const [focus] = useState(() => createFocusManager());
  const [keys] = useState(() => createKeyRouter());
  const [view, setView] = useState<ScreenView>({ screen: 'home', restore: undefined });
  const [exitOpen, setExitOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [inputMode, setInputMode] = useState<RemoteInputMode>('five-way');
  const backStack = useRef<BackStack | null>(null);

  useEffect(() => {
    const stack = createBackStack(window, {
      onScreen: (screen, restore) => setView({ screen: isTvScreen(screen) ? screen : 'home', restore }),
      onExitRequested: () => {
        focus.remember(BEFORE_EXIT);
        setExitOpen(true);
      },
      // Every TV hands Back to the page as a key, webOS's packaged app included (its appinfo.json turns the
      // runtime's own history.back() off): the key alone walks back, so an open overlay can take it first.
      platformBackMovesHistory: false,
    });
    backStack.current = stack;
    return () => {
      stack.dispose();
      backStack.current = null;
    };
  }, [focus]);

  // Geometry is re-read after resizes and scrolls only (focus moves scroll the timeline).
  useEffect(() => {
    const invalidate = () => focus.invalidateLayout();
    const options = { capture: true, passive: true };
    window.addEventListener('resize', invalidate);
    window.addEventListener('scroll', invalidate, options);
    // Clicking on nothing, or the page regaining focus, must not leave focus on nothing.
    const reassert = () => {
      if (document.activeElement === document.body || document.activeElement === null) focus.reassert();
    };
    const onFocusOut = () => setTimeout(reassert, 0);
    document.addEventListener('focusout', onFocusOut);
    window.addEventListener('focus', reassert);
    return () => {
      window.removeEventListener('resize', invalidate);
      window.removeEventListener('scroll', invalidate, options);
      document.removeEventListener('focusout', onFocusOut);
      window.removeEventListener('focus', reassert);
    };
  }, [focus]);

  useEffect(() => {
    const pointer = createPointerMode(document);
    const off = pointer.subscribe(setInputMode);
    return () => {
      off();
      pointer.dispose();
    };
  }, []);

  useEffect(() => {
    void requestRemoteKeys(window, document, navigator);
  }, []);

  const api = useMemo<TvShellApi>(
    () => ({
      focus,
      keys,
      platform,
      open: (screen) => backStack.current?.open(screen, focus.current() ?? undefined),
      back: () => {
        backStack.current?.back('control');
      },
    }),
    [focus, keys, platform],
  );

  // The shell's own keys, below every screen's: arrows move the focus, OK selects, Back walks back, Play opens the
  // set (also reachable with the D-pad: the "Watch the set" button).
  useEffect(() => {
    const handle = ({ action, phase, repeat }: RemoteKeyInput): boolean => {
      if (phase !== 'down') return false;
      switch (action.action) {
        case 'up':
        case 'down':
        case 'left':
        case 'right':
          focus.move(action.action);
          return true;
        case 'ok':
          if (!repeat) focus.select();
          return true;
        case 'back':
          // A held Back is the TV's (Tizen: long press leaves to the TV); only a press walks back.
          if (repeat) return false;
          if (exitOpen) {
            answerExit(false);
            return true;
          }
          return backStack.current ? backStack.current.back('key') : false;
        case 'play':
        case 'playPause':
          if (view.screen !== 'home' || exitOpen) return false;
          api.open('watch');
          return true;
        default:
          return false;
      }
    };
    keys.setFallback(handle);
  });
  useEffect(() => {
    const stop = keys.listen(window);
    return () => {
      stop();
      keys.setFallback(null);
    };
  }, [keys]);

  function answerExit(exit: boolean): void {
    setExitOpen(false);
    if (exit && exitApp(window) === 'stayed') setNotice(t('tv.exit.stayed'));
  }

  // After the exit prompt closes, focus goes back to where the family was on home.
  useLayoutEffect(() => {
    if (!exitOpen) focus.restore(BEFORE_EXIT);
  }, [exitOpen, focus]);

  // A screen switch: Back restores the remembered focus; a new screen starts on its first item.
  useLayoutEffect(() => {
    if (view.restore !== undefined && focus.setFocus(view.restore)) return;
    if (view.screen === 'home' && focus.setFocus(HOME_FOCUS)) return;
    focus.reassert();
  }, [view, focus]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6_000);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <FocusProvider manager={focus}>
      <TvShellProvider api={api}>
        {/* mousedown never moves the DOM focus: hover does, through the focus manager. */}
        <div
          className={`tv-shell tv-shell--${inputMode}`}
          data-testid="tv-shell"
          data-input-mode={inputMode}
          data-screen={view.screen}
          onMouseDown={(event) => event.preventDefault()}
        >
          {view.screen === 'home' ? (
            <HomeScreen onWatch={() => api.open('watch')} onMeetups={() => api.open('meetups')} onPair={() => api.open('pairing')} />
          ) : view.screen === 'watch' ? (
            <WatchHost />
          ) : view.screen === 'pairing' ? (
            <PairingHost />
          ) : (
            // One element for the list and a room over it: the meet-up screen stays mounted between the two.
            <MeetupHost room={view.screen === 'meetup'} />
          )}
          <MilestoneToasts notice={notice} />
          {exitOpen && <ExitPrompt onAnswer={answerExit} />}
        </div>
      </TvShellProvider>
    </FocusProvider>
  );
}
