// Opens the star meet-ups on the TV (./MeetupScreen.tsx) as a lazy chunk: the socket to the meet-up room, the 360
// stage and the reaction burst load only when the family picks "Meet-ups", so the first screen stays in budget.
// While the chunk loads, or if it cannot be fetched, the screen still has a focused Back (and Try again).
import { Component, lazy, Suspense, useLayoutEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../../react/AppContext';
import { useFocusable } from '../useFocusable';
import { useTvShell } from '../TvShellContext';

const loadScreen = () => lazy(() => import('./MeetupScreen'));

function HostCard({ text, alert = false, onRetry }: { text: string; alert?: boolean; onRetry?: () => void }) {
  const { t } = useI18n();
  const shell = useTvShell();
  const back = useFocusable<HTMLButtonElement>('meetup-host-back', { section: 'meetup-host', onSelect: shell.back });
  const retry = useFocusable<HTMLButtonElement>('meetup-host-retry', { section: 'meetup-host', onSelect: onRetry });
  useLayoutEffect(() => {
    shell.focus.setFocus(onRetry ? 'meetup-host-retry' : 'meetup-host-back');
  }, [shell.focus, onRetry]);
  return (
    <div className="tv-card" role={alert ? 'alert' : 'status'} aria-busy={!alert} data-testid={alert ? 'tv-meetup-failed' : 'tv-meetup-loading'}>
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

class LoadBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.error('the meet-up screen failed', error);
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** `room`: a meet-up's room is open over the list (the shell's 'meetup' screen); Back closes it. */
export function MeetupHost({ room }: { room: boolean }) {
  const { t } = useI18n();
  // A new lazy component per attempt: React caches a rejected lazy() for good, so Try again needs a fresh one.
  const [attempt, setAttempt] = useState(() => ({ key: 0, Screen: loadScreen() }));
  const retry = () => setAttempt((previous) => ({ key: previous.key + 1, Screen: loadScreen() }));
  const { Screen } = attempt;
  return (
    <section className="tv-meetup-host" data-screen="meetups">
      <LoadBoundary key={attempt.key} fallback={<HostCard text={t('tv.meetup.failed')} alert onRetry={retry} />}>
        <Suspense fallback={<HostCard text={t('meetup.list.loading')} />}>
          <Screen room={room} />
        </Suspense>
      </LoadBoundary>
    </section>
  );
}
