// A screen of the TV shell that comes as a lazy chunk of its own ("Watch the set" with three.js, R3F and hls.js;
// the meet-ups with their socket and stage), so the first screen stays in budget. While the chunk loads, or if it
// cannot be fetched, the screen still has a focused Back (and, after a failure, Try again).
import { Component, lazy, Suspense, useLayoutEffect, useState, type ComponentType, type ReactNode } from 'react';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../react/AppContext';
import { useFocusable } from './useFocusable';
import { useTvShell } from './TvShellContext';

export interface LazyScreenProps<P> {
  /** Names the focus ids (`<name>-host-back`, `<name>-host-retry`) and test ids (`tv-<name>-loading`, `tv-<name>-failed`). */
  name: string;
  load: () => Promise<{ default: ComponentType<P> }>;
  props: P;
  loading: MessageKey;
  failed: MessageKey;
}

function HostCard({ name, text, onRetry }: { name: string; text: string; onRetry?: () => void }) {
  const { t } = useI18n();
  const shell = useTvShell();
  const section = `${name}-host`;
  const back = useFocusable<HTMLButtonElement>(`${section}-back`, { section, onSelect: shell.back });
  const retry = useFocusable<HTMLButtonElement>(`${section}-retry`, { section, onSelect: onRetry });
  useLayoutEffect(() => {
    shell.focus.setFocus(`${section}-${onRetry ? 'retry' : 'back'}`);
  }, [shell.focus, onRetry, section]);
  return (
    <div className="tv-card" role={onRetry ? 'alert' : 'status'} aria-busy={!onRetry} data-testid={`tv-${name}-${onRetry ? 'failed' : 'loading'}`}>
      <p>{text}</p>
      <div className="tv-row">
        {onRetry && (
          <button type="button" className="tv-button tv-button--primary tv-focusable" {...retry.props}>
            {t('tv.retry')}
          </button>
        )}
        <button type="button" className="tv-button tv-focusable" {...back.props}>
          {t('tv.back')}
        </button>
      </div>
    </div>
  );
}

class LoadBoundary extends Component<{ name: string; fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.error(`the ${this.props.name} screen failed`, error);
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function LazyScreen<P extends object>({ name, load, props, loading, failed }: LazyScreenProps<P>) {
  const { t } = useI18n();
  // A new lazy component per attempt: React caches a rejected lazy() for good, so Try again needs a fresh one.
  const [attempt, setAttempt] = useState(() => ({ key: 0, Screen: lazy(load) }));
  const retry = () => setAttempt((previous) => ({ key: previous.key + 1, Screen: lazy(load) }));
  const { Screen } = attempt;
  return (
    <LoadBoundary key={attempt.key} name={name} fallback={<HostCard name={name} text={t(failed)} onRetry={retry} />}>
      <Suspense fallback={<HostCard name={name} text={t(loading)} />}>
        <Screen {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
