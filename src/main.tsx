// The browser entry: builds the framework-free core (store, feed, translator), then mounts the shell.
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { readLaunchParams } from './app/url-params';
import { ProjectFeed } from './feed/project-feed';
import { createTranslator, detectLanguage } from './i18n/translator';
import { AppProvider, type AppServices } from './react/AppContext';
import { createAppStore } from './store/app-store';
import './styles.css';

// Only the desktop shell exists so far; every mode shows it until the TV and XR shells land.
const DesktopShell = lazy(() => import('./shells/desktop/DesktopShell'));

const params = readLaunchParams(location.search);
const i18n = createTranslator(detectLanguage(location.search, navigator.languages));
document.documentElement.lang = i18n.language;
document.title = i18n.t('app.name');

const store = createAppStore();
const feed = new ProjectFeed({ projectId: params.projectId, store });
feed.start();

const services: AppServices = { store, i18n, projectId: params.projectId };
// Tests and the stats overlay read the feed's counters here; it holds no secrets.
(window as unknown as { __setvisit?: unknown }).__setvisit = { store, feed };

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <AppProvider services={services}>
      <Suspense fallback={null}>
        <DesktopShell />
      </Suspense>
    </AppProvider>
  </StrictMode>,
);
