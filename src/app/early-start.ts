// The launch, and what the first 360 frame waits for, started before anything else in the page runs. main.tsx
// imports this module first, and ES modules evaluate in import order, so this runs before React, the feed client
// and the store are even evaluated (at 4× CPU that evaluation alone takes half a second): the tour file, the start
// location's stream and the renderer's chunk (three.js) are on the wire while the rest of the entry starts up.
// What it starts goes into one warm start (src/app/warm-start.ts) that main.tsx hands to the app.
import { prefetchTour } from '../tour/tour-prefetch';
import { isHeadsetBrowser } from '../xr/headset-browser';
import { chooseShell } from './shell-choice';
import { readLaunchParams } from './url-params';
import { createWarmStart } from './warm-start';

export const launchParams = readLaunchParams(location.search);
export const launchShell = chooseShell({ mode: launchParams.mode, userAgent: navigator.userAgent, immersiveVrSupported: isHeadsetBrowser(navigator.userAgent) });
export const warmStart = createWarmStart();

/** Not the host console, the phone pairing page nor a meet-up link: the page opens on a shell's tour. */
const opensTour = !launchParams.hostConsole && !launchParams.phonePairing && !launchParams.meetupId;
/** Whether this page opens on the desktop tour (not the TV's home or a headset's). */
export const opensDesktopTour = opensTour && launchShell === 'desktop';

// The desktop tour adopts the started stream and draws it with the renderer made here; the XR shell starts its
// video inside the Enter VR tap, so it only gets the file. Not on the TV, whose first screen shows no tour.
if (opensDesktopTour) {
  const tour = prefetchTour(launchParams.projectId);
  warmStart.putTour(launchParams.projectId, tour.response);
  // The player's chunk downloads beside the file, not after it.
  const player = import('../media/prestarted-session');
  const streamStarted = Promise.all([player, tour.startStream]).then(([{ prestartSession }, src]) => {
    if (src) warmStart.putSession(src, prestartSession(src, launchParams.hls));
  });
  // Making the renderer takes a quarter second of main thread at 4× CPU: after the stream's first requests are
  // out (they wait on the main thread too), not before them.
  const view = import('../panorama/panorama-renderer');
  void Promise.all([view, streamStarted]).then(
    ([{ warmUpRenderer, releaseRenderer }]) =>
      setTimeout(() => {
        const renderer = warmUpRenderer();
        if (renderer) warmStart.putRenderer(renderer, () => releaseRenderer(renderer));
      }, 0),
    () => undefined,
  );
} else if (opensTour && launchShell === 'xr') {
  warmStart.putTour(launchParams.projectId, prefetchTour(launchParams.projectId).response);
}
