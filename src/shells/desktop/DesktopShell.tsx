// The desktop and phone shell: the 360 tour (or the project's star meet-ups) beside the project's live status.
import { lazy, Suspense, useState } from 'react';
import { addMessages } from '../../i18n/translator';
import { DESKTOP_MESSAGES } from '../../i18n/desktop';
import { useI18n, useServices } from '../../react/AppContext';
import { CircleHost, useCircleMeetup } from '../../react/CircleHost';
import { EnterVrButton } from './EnterVrButton';
import { ProjectPanel } from './ProjectPanel';
import { TourView } from './TourView';
import './sections.css';

// The player controls', arrivals' and captions' strings come with this shell, not with every first screen.
addMessages(DESKTOP_MESSAGES);

// The meet-ups section (its socket, board and burst) loads only when opened.
const MeetupsView = lazy(() => import('./meetup/MeetupsView'));

type Section = 'tour' | 'meetups';

/** `onEnterVr`: switch to the XR shell (given where this browser can enter VR; see EnterVrButton). */
export default function DesktopShell({ onEnterVr }: { onEnterVr?: () => void }) {
  // The page's circle lives above the sections: a circle taken into a meet-up shows its stage, and comes back.
  return (
    <CircleHost>
      <DesktopSections {...(onEnterVr ? { onEnterVr } : {})} />
    </CircleHost>
  );
}

function DesktopSections({ onEnterVr }: { onEnterVr?: () => void }) {
  const { t } = useI18n();
  const { launch } = useServices();
  const [meetupId] = useState(() => launch.meetupId);
  const [chosen, setSection] = useState<Section>(meetupId ? 'meetups' : 'tour');
  const circleMeetup = useCircleMeetup();
  const section: Section = circleMeetup ? 'meetups' : chosen;
  return (
    <div className="desktop">
      <main className="desktop__view">
        <nav className="sections" aria-label={t('sections.label')}>
          {(['tour', 'meetups'] as const).map((s) => (
            <button key={s} type="button" className="sections__tab" aria-current={section === s ? 'page' : undefined} onClick={() => setSection(s)}>
              {t(`sections.${s}`)}
            </button>
          ))}
          {onEnterVr && <EnterVrButton onEnterVr={onEnterVr} />}
        </nav>
        {section === 'meetups' ? (
          <Suspense fallback={null}>
            <MeetupsView key={circleMeetup ?? ''} initialMeetupId={circleMeetup ?? meetupId} />
          </Suspense>
        ) : (
          <TourView />
        )}
      </main>
      <ProjectPanel />
    </div>
  );
}
