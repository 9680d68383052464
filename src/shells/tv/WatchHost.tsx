// Opens "Watch the set" (src/shells/tv/watch/WatchScreen.tsx, built by the 360 part of the TV shell) as a lazy
// chunk, so three.js, R3F and hls.js load only here. While it loads, or if its chunk cannot be fetched, the screen
// still has a focused Back button, and a failed load offers Try again.
import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { useI18n } from '../../react/AppContext';
import { useFocusable } from './useFocusable';
import { useTvShell } from './TvShellContext';

// A glob, not a plain import(): the shell builds before and after the watch screen lands; with no file the glob is
// empty and the placeholder below stands in.
const watchModules = import.meta.glob<{ default: ComponentType }>('./watch/WatchScreen.tsx');
const watchPaths = Object.keys(watchModules);

function makeWatchScreen(): ComponentType {
  const path = watchPaths[0];
  const load = path === undefined ? undefined : watchModules[path];
  return load ? lazy(() => load()) : WatchPlaceholder;
}

function BackButton() {
  const { t } = useI18n();
  const { back } = useTvShell();
  const { props } = useFocusable<HTMLButtonElement>('watch-back', { section: 'watch-host', onSelect: back });
  return (
    <button type="button" className="tv-button tv-focusable" {...props}>
      {t('tv.back')}
    </button>
  );
}

function WatchPlaceholder() {
  const { t } = useI18n();
  return (
    <div className="tv-card" data-testid="tv-watch-placeholder">
      <p>{t('tv.watch.soon')}</p>
      <BackButton />
    </div>
  );
}

function WatchLoading() {
  const { t } = useI18n();
  return (
    <div className="tv-card" aria-busy="true" data-testid="tv-watch-loading">
      <p>{t('tv.watch.loading')}</p>
      <BackButton />
    </div>
  );
}

function WatchFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  const retry = useFocusable<HTMLButtonElement>('watch-retry', { section: 'watch-host', onSelect: onRetry });
  return (
    <div className="tv-card" role="alert" data-testid="tv-watch-failed">
      <p>{t('tv.watch.failed')}</p>
      <div className="tv-row">
        <button type="button" className="tv-button tv-button--primary tv-focusable" {...retry.props}>
          {t('tv.retry')}
        </button>
        <BackButton />
      </div>
    </div>
  );
}

class LoadBoundary extends Component<{ onRetry: () => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.error('the watch screen failed', error);
  }
  override render() {
    return this.state.failed ? <WatchFailed onRetry={this.props.onRetry} /> : this.props.children;
  }
}

export function WatchHost() {
  // A new lazy component per attempt: React caches a rejected lazy() for good, so Try again needs a fresh one.
  const [attempt, setAttempt] = useState(() => ({ key: 0, Screen: makeWatchScreen() }));
  const retry = () => setAttempt((previous) => ({ key: previous.key + 1, Screen: makeWatchScreen() }));
  const { Screen } = attempt;
  return (
    <section className="tv-watch" data-screen="watch">
      <LoadBoundary key={attempt.key} onRetry={retry}>
        <Suspense fallback={<WatchLoading />}>
          <Screen />
        </Suspense>
      </LoadBoundary>
    </section>
  );
}
