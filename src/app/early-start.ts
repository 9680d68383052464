// What the first 360 frame waits for, started before anything else in the page runs. main.tsx imports this module
// first, and ES modules evaluate in import order, so this runs before React, the feed client and the store are even
// evaluated (at 4× CPU that evaluation alone takes half a second): the tour file, the start location's stream and
// the renderer's chunk (three.js) are on the wire while the rest of the entry starts up.
import { chooseShell } from '../tv/device';
import { prefetchTour } from '../tour/tour-prefetch';
import { browserStorage, createBackerTokenStore } from '../feed/backer-token-store';
import { isHeadsetBrowser } from '../xr/headset-browser';
import { readLaunchParams } from './url-params';

export const launchParams = readLaunchParams(location.search);
export const launchShell = chooseShell({ search: location.search, userAgent: navigator.userAgent, immersiveVrSupported: isHeadsetBrowser(navigator.userAgent) });

/** Not the host console nor a meet-up link: the page opens on a shell's tour. */
const opensTour = !launchParams.hostConsole && !launchParams.meetupId;
/** Whether this page opens on the desktop tour (not the TV's home or a headset's). */
export const opensDesktopTour = opensTour && launchShell === 'desktop';

// The desktop tour adopts the started stream and draws it with the renderer made here; the XR shell starts its
// video inside the Enter VR tap, so it only gets the file. Not on the TV, whose first screen shows no tour.
if (opensDesktopTour) {
  const streamStarted = prefetchTour(launchParams.projectId, { startStream: true, code: storedCode() });
  // Making the renderer takes a quarter second of main thread at 4× CPU: after the stream's first requests are
  // out (they wait on the main thread too), not before them.
  const view = import('../panorama/PanoramaCanvas');
  void Promise.all([view, streamStarted]).then(([{ warmUpRenderer }]) => setTimeout(warmUpRenderer, 0), () => undefined);
} else if (opensTour && launchShell === 'xr') {
  void prefetchTour(launchParams.projectId, { startStream: false, code: storedCode() });
}

/** The backer code the sign-in form stored: a gated tour's media pass is asked for with it before the file. */
function storedCode(): string | undefined {
  return createBackerTokenStore(browserStorage()).get();
}
