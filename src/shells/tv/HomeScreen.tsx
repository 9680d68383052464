// The TV's first screen: the project's progress at 10-foot distance, live from the store, and the way into the set.
import { useEffect, useState } from 'react';
import { DEFAULT_PROJECT_ID, homeHref } from '../../app/url-params';
import { useFeed, useI18n, useServices } from '../../react/AppContext';
import { tourFileUrl } from '../../tour/tour-prefetch';
import { useFocusable } from './useFocusable';
import { useRemoteKeys, useTvShell } from './TvShellContext';
import { ConnectionState } from './ConnectionState';
import { FundingChart } from './FundingChart';
import { MilestoneTimeline } from './MilestoneTimeline';
import { SummaryTiles } from './SummaryTiles';

export const INTERACTIVE_MARK = 'setvisit:tv-interactive';

export function HomeScreen({ onWatch, onMeetups, onPair }: { onWatch: () => void; onMeetups: () => void; onPair: () => void }) {
  const feed = useFeed();
  const i18n = useI18n();
  const { t } = i18n;
  const { projectId } = useServices();
  const watch = useFocusable<HTMLButtonElement>('home-watch', { section: 'actions', onSelect: onWatch });
  const meetups = useFocusable<HTMLButtonElement>('home-meetups', { section: 'actions', onSelect: onMeetups });
  const pair = useFocusable<HTMLButtonElement>('home-pair', { section: 'actions', onSelect: onPair });
  const settled = feed.data !== null || feed.error !== null;
  const picture = useSetPicture(feed.data ? projectId : null);
  useEffect(() => {
    // For `npm run bench`: the moment the first screen shows the project (or why it cannot) and answers the remote.
    if (settled && performance.getEntriesByName(INTERACTIVE_MARK).length === 0) performance.mark(INTERACTIVE_MARK);
  }, [settled]);

  // No project to show (missing, backers-only, a wrong code): nothing to watch or meet either, so the way out is the
  // only thing offered, and focused.
  const code = feed.error?.code;
  const noProject = code === 'unauthorized' || code === 'not-found' || code === 'forbidden';
  const { focus } = useTvShell();
  useEffect(() => {
    if (noProject && !focus.setFocus('home-start')) focus.setFocus('home-retry');
  }, [noProject, focus]);
  // Play is the "Watch the set" button's key (the shell's): with no button here, it is taken and does nothing.
  useRemoteKeys(({ action }) => action.action === 'play' || action.action === 'playPause', noProject);

  let body;
  if (feed.error) {
    // The server answers a missing project and a backers-only one alike (nothing tells a stranger a hidden
    // project exists): the message is true of both, and the way out is the start page, not Try again.
    const { code } = feed.error;
    const refused = code === 'unauthorized' || code === 'not-found';
    const title = refused ? t('project.unavailable') : code === 'forbidden' ? t('feed.signIn.wrongCode') : t('tv.watch.failed');
    body = (
      <div className="tv-card" role="alert" data-testid="tv-feed-error">
        <p className="tv-card__title">{title}</p>
        <p>{refused || code === 'forbidden' ? t('tv.signIn') : t('feed.error.generic', { message: feed.error.message })}</p>
        {(refused || code === 'forbidden') && projectId !== DEFAULT_PROJECT_ID ? <HomeButton /> : <RetryButton />}
      </div>
    );
  } else if (!feed.data) {
    body = (
      <p className="tv-card tv-muted" aria-busy="true" data-testid="tv-loading">
        {t('project.loading')}
      </p>
    );
  } else {
    const { project, milestones } = feed.data;
    body = (
      <div className="tv-home__grid">
        <div className="tv-home__main">
          <SummaryTiles project={project} />
          <FundingChart project={project} />
        </div>
        <MilestoneTimeline milestones={milestones} />
      </div>
    );
  }

  return (
    <main
      className={picture ? 'tv-home tv-home--pictured' : 'tv-home'}
      data-screen="home"
      data-set-picture={picture ?? undefined}
      style={picture ? { backgroundImage: `linear-gradient(rgba(13, 15, 20, 0.78), rgba(13, 15, 20, 0.92)), url("${picture}")` } : undefined}
    >
      <header className="tv-home__header">
        <h1 className="tv-home__title" data-testid="tv-title">
          {feed.data ? i18n.pick(feed.data.project.title) : t('app.name')}
        </h1>
        {!noProject && (
          <>
            <button type="button" className="tv-button tv-button--primary tv-focusable" data-testid="tv-watch" {...watch.props}>
              {t('tv.watch')}
            </button>
            <button type="button" className="tv-button tv-focusable" data-testid="tv-meetups" {...meetups.props}>
              {t('tv.meetups')}
            </button>
          </>
        )}
        {/* Offered while the TV is connected (a phone pairs through the server): offline, the header keeps its
            room for the title and the badge saying since when. On the sign-in card too: a paired phone types the
            backer code there instead of the remote. */}
        {(noProject || feed.status === 'live') && (
          <button type="button" className="tv-button tv-home__pair tv-focusable" data-testid="tv-pair" {...pair.props}>
            {t('tv.pairPhone')}
          </button>
        )}
        <ConnectionState />
      </header>
      {body}
    </main>
  );
}

/** The picture of the set (the tour's start still) for a project the feed shows; null until found, or without one. */
function useSetPicture(projectId: string | null): string | null {
  const [picture, setPicture] = useState<string | null>(null);
  useEffect(() => {
    if (!projectId) return undefined;
    let live = true;
    // Its own small chunk: the picture only decorates, so its code stays off the first screen's byte budget.
    import('../../tv/dashboard/set-picture')
      .then(({ loadSetPicture }) => loadSetPicture(tourFileUrl(projectId)))
      .then((found) => live && setPicture(found))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [projectId]);
  return picture;
}

/** The start page (the default project), in the same language and shell. */
function HomeButton() {
  const { t } = useI18n();
  const { launch } = useServices();
  const { props } = useFocusable<HTMLButtonElement>('home-start', { section: 'actions', onSelect: () => location.assign(homeHref(launch)) });
  return (
    <button type="button" className="tv-button tv-button--primary tv-focusable" data-testid="tv-home-start" {...props}>
      {t('project.home')}
    </button>
  );
}

/** A feed refusal does not fix itself (a wrong code, an unknown project): reloading starts from scratch. */
function RetryButton() {
  const { t } = useI18n();
  const { props } = useFocusable<HTMLButtonElement>('home-retry', { section: 'actions', onSelect: () => location.reload() });
  return (
    <button type="button" className="tv-button tv-focusable" {...props}>
      {t('tv.retry')}
    </button>
  );
}
