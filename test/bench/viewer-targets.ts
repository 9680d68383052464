// The viewers on the same tour: SetVisit's desktop tour (as it chooses its engine, held to hls.js, and with its view
// as large as the peers' whole window), Photo Sphere Viewer 5, A-Frame 1.8.0 and a plain three.js + hls.js page. The
// tour is the sample tour, or the bench's 2K + 4K ladder (one location, so no switch).
import type { Page } from 'playwright-core';
import { LADDER_4K_PROJECT } from './ladder-4k';
import { VIEWPORT, type ViewerTarget } from './viewer-run';

export type BenchLadder = 'sample' | '4k';

/** SetVisit's desktop page draws beside its 22rem (352 px) project panel: a window this much wider gives its view the
 * peers' whole-window size, so figures compare at the same drawing size. */
const PROJECT_PANEL_PX = 352;

const SETVISIT_SWITCH = async (page: Page, locationId: string): Promise<number> =>
  page.evaluate((id) => {
    const hook = (window as unknown as { __setvisit: { tour: { player: { goTo(id: string): void } } } }).__setvisit;
    const t = performance.now();
    hook.tour.player.goTo(id);
    return t;
  }, locationId);

const PSV_SWITCH = async (page: Page, locationId: string): Promise<number> =>
  page.evaluate((id) => {
    const hook = (window as unknown as { __bench: { switchTo(id: string): unknown } }).__bench;
    const t = performance.now();
    void hook.switchTo(id);
    return t;
  }, locationId);

export function viewerTargets(setvisitUrl: string, peersUrl: string, ladder: BenchLadder = 'sample'): ViewerTarget[] {
  const sample = ladder === 'sample';
  const setvisit = `${setvisitUrl}/?mode=desktop&project=${sample ? 'lantern-keeper' : LADDER_4K_PROJECT}&lang=en`;
  const tour = sample ? '' : `?tour=${LADDER_4K_PROJECT}`;
  const setvisitSwitch = sample ? SETVISIT_SWITCH : null;
  return [
    { id: 'setvisit', label: 'SetVisit', url: setvisit, switchTo: setvisitSwitch },
    // The same page held to hls.js, as browsers without native HLS (Firefox, older Chrome) play it.
    { id: 'setvisit-hlsjs', label: 'SetVisit, hls.js', url: `${setvisit}&hls=js`, switchTo: setvisitSwitch },
    // The same page in a window widened by its panel: its view draws the peers' whole window.
    { id: 'setvisit-wide', label: 'SetVisit, full-size view', url: setvisit, switchTo: setvisitSwitch, viewport: { width: VIEWPORT.width + PROJECT_PANEL_PX, height: VIEWPORT.height } },
    { id: 'psv', label: 'Photo Sphere Viewer 5.15.1', url: `${peersUrl}/psv/${tour}`, switchTo: sample ? PSV_SWITCH : null },
    { id: 'aframe', label: 'A-Frame 1.8.0', url: `${peersUrl}/aframe/${tour}`, switchTo: null },
    { id: 'three', label: 'three.js 0.185 + hls.js', url: `${peersUrl}/three/${tour}`, switchTo: null },
  ];
}
