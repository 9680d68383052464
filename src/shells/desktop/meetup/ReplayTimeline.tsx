// The replay's reactions timeline: how the room reacted over the meet-up, from the server's stored windows, as
// one bar per slice of time. Loading, error (with retry) and "no reactions" each have their own text.
import { useEffect, useState } from 'react';
import type { ReactionTimeline } from '../../../protocol/meetup';
import type { ApiFailure } from '../../../meetup/meetup-api';
import { useI18n } from '../../../react/AppContext';
import { useMeetupServices } from '../../../react/useMeetup';

const BARS = 60;

type TimelineState = { kind: 'loading' } | { kind: 'loaded'; timeline: ReactionTimeline } | { kind: 'error'; failure: ApiFailure };

export function ReplayTimeline({ meetupId }: { meetupId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api, token } = useMeetupServices();
  const [state, setState] = useState<TimelineState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void api.reactionTimeline(meetupId, token()).then((result) => {
      if (!cancelled) setState(result.ok ? { kind: 'loaded', timeline: result.value } : { kind: 'error', failure: result.failure });
    });
    return () => {
      cancelled = true;
    };
  }, [api, token, meetupId, attempt]);

  if (state.kind === 'loading') return <p className="muted timeline" role="status">{t('meetup.timeline.loading')}</p>;
  if (state.kind === 'error') {
    return (
      <div className="timeline" role="alert">
        <p>{t('meetup.timeline.error', { message: state.failure.message })}</p>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setState({ kind: 'loading' });
            setAttempt((n) => n + 1);
          }}
        >
          {t('meetup.retry')}
        </button>
      </div>
    );
  }
  const { windows, totals } = state.timeline;
  const total = Object.values(totals).reduce((sum, n) => sum + (n ?? 0), 0);
  if (windows.length === 0) return <p className="muted timeline">{t('meetup.timeline.empty')}</p>;
  const bars = binWindows(windows, BARS);
  const peak = Math.max(1, ...bars);
  return (
    <figure className="timeline" data-testid="reaction-timeline">
      <figcaption>{t('meetup.timeline.title', { total: i18n.number(total) })}</figcaption>
      <div className="timeline__bars">
        {bars.map((value, i) => (
          <span key={i} className="timeline__bar" style={{ height: `${Math.round((value / peak) * 100)}%` }} />
        ))}
      </div>
    </figure>
  );
}

/** Sums each window's reactions into `bars` equal slices of the meet-up's length. */
function binWindows(windows: ReactionTimeline['windows'], bars: number): number[] {
  const end = Math.max(1, ...windows.map((w) => w.at));
  const out = new Array<number>(bars).fill(0);
  for (const w of windows) {
    const slot = Math.min(bars - 1, Math.floor((w.at / end) * bars));
    out[slot] = (out[slot] ?? 0) + Object.values(w.counts).reduce((sum, n) => sum + (n ?? 0), 0);
  }
  return out;
}
