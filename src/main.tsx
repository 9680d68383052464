// The browser entry: builds the framework-free core (store, feed, translator), then mounts the shell.
// First import on purpose: it starts the tour's downloads before the modules below are evaluated.
import { launchParams as params, launchShell as shell, opensDesktopTour, warmStart } from './app/early-start';
import { afterFirstFrame } from './app/after-first-frame';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browserStorage, createBackerTokenStore } from './feed/backer-token-store';
import { consoleLogger } from './feed/logger';
import { createMilestoneArrivals } from './feed/milestone-arrivals';
import { ProjectFeed } from './feed/project-feed';
import { createSnapshotCache } from './feed/snapshot-cache';
import { createTranslator, detectLanguage } from './i18n/translator';
import { AppProvider, type AppServices } from './react/AppContext';
import { lazyView } from './react/lazyView';
import { createAppStore } from './store/app-store';
import './styles.css';

// The shell by ?mode or device: the TV shell on TV user agents, the XR shell in headset browsers, the desktop shell
// otherwise. Each is its own lazy chunk, so no shell pays for another (the TV's first screen loads no three.js);
// lazyView, not React.lazy: no Suspense throttle between the chunk's arrival and the shell's first render.
const DesktopShell = lazyView(() => import('./shells/desktop/DesktopShell'));
const XrShell = lazyView(() => import('./shells/xr/XrShell'));
const TvShell = lazyView(() => import('./shells/tv/TvShell'));
// ?mode=host: the operator's meet-up console, a chunk of its own that no audience page loads.
const HostShell = lazyView(() => import('./shells/host/HostShell'));
// ?mode=pair: the phone page that pairs with a TV (its QR code opens it), a chunk of its own.
const PhonePairingPage = lazyView(() => import('./shells/desktop/pairing/PhonePairingPage'));

const i18n = createTranslator(detectLanguage(params.language, navigator.languages));
document.documentElement.lang = i18n.language;
document.title = i18n.t('app.name');

const store = createAppStore();
const storage = browserStorage();
const backerToken = createBackerTokenStore(storage);
const feed = new ProjectFeed({
  projectId: params.projectId,
  store,
  token: backerToken.get(),
  cache: createSnapshotCache(storage, consoleLogger),
});
// On the desktop tour the first 360 frame goes first (src/app/after-first-frame.ts); elsewhere the feed is what
// the first screen shows.
if (opensDesktopTour) afterFirstFrame(store, () => feed.start());
else feed.start();

const services: AppServices = {
  store,
  i18n,
  projectId: params.projectId,
  launch: params,
  warmStart,
  arrivals: createMilestoneArrivals(feed),
  signIn: (token) => {
    backerToken.set(token);
    feed.setToken(token);
  },
  feedSend: (event, payload) => feed.sendNow(event, payload),
};
// Tests and the stats overlay read the feed's counters here; it holds no secrets.
(window as unknown as { __setvisit?: unknown }).__setvisit = { store, feed };

/** The desktop shell, until its Enter VR (desktop browsers that offer immersive-vr) switches to the XR shell. */
function DesktopUntilVr() {
  const [vr, setVr] = useState(false);
  return vr ? <XrShell onLeaveVr={() => setVr(false)} /> : <DesktopShell onEnterVr={() => setVr(true)} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <AppProvider services={services}>
      {params.hostConsole ? <HostShell /> : params.phonePairing ? <PhonePairingPage /> : shell === 'tv' ? <TvShell /> : shell === 'xr' ? <XrShell /> : <DesktopUntilVr />}
    </AppProvider>
  </StrictMode>,
);
