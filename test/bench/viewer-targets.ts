// The viewers on the same sample tour: SetVisit's desktop tour (as it chooses its engine, and held to hls.js),
// Photo Sphere Viewer 5 and A-Frame 1.8.0.
import type { Page } from 'playwright-core';
import type { ViewerTarget } from './viewer-run';

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

export function viewerTargets(setvisitUrl: string, peersUrl: string): ViewerTarget[] {
  return [
    { id: 'setvisit', label: 'SetVisit', url: `${setvisitUrl}/?mode=desktop&project=lantern-keeper&lang=en`, switchTo: SETVISIT_SWITCH },
    // The same page held to hls.js, as browsers without native HLS (Firefox, older Chrome) play it.
    { id: 'setvisit-hlsjs', label: 'SetVisit, hls.js', url: `${setvisitUrl}/?mode=desktop&project=lantern-keeper&lang=en&hls=js`, switchTo: SETVISIT_SWITCH },
    { id: 'psv', label: 'Photo Sphere Viewer 5.15.1', url: `${peersUrl}/psv/`, switchTo: PSV_SWITCH },
    { id: 'aframe', label: 'A-Frame 1.8.0', url: `${peersUrl}/aframe/`, switchTo: null },
  ];
}
