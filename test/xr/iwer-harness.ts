// Test-only: puts IWER's emulated Meta Quest 3 into a page before any of the app's scripts run, and drives it
// (head and controller poses, the trigger). The product never loads IWER; the browser tests inject it here.
//
// Why this way (see ../shared/STACK.md, "VR session via IWER"): Chromium has a native `navigator.xr` even without
// a headset, so IWER must be installed with `forceInstall`, and before the XR store and three.js look at the
// WebXR globals. An init script runs before every page script; IWER's UMD build installs synchronously in it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Euler, Quaternion } from 'three';
import { REPO_ROOT } from '../helpers/test-server';

const IWER_UMD = readFileSync(join(REPO_ROOT, 'node_modules/iwer/build/iwer.js'), 'utf8');
const DEG = Math.PI / 180;

export interface IwerOptions {
  /** IWER's WebXR Layers polyfill (XRMediaBinding, projection and equirect layers). */
  polyfillLayers: boolean;
  /**
   * Keep the browser's own (desktop) user agent instead of the Quest Browser's that IWER puts in: a desktop browser
   * with immersive-vr, as Vision Pro's Safari (which reads as a Mac) or a PC with a VR headset.
   */
  desktopUserAgent?: boolean;
}

/**
 * The init script. With `polyfillLayers`, IWER 2.5.0 installs webxr-layers-polyfill and then overwrites the
 * polyfill's `XRWebGLBinding` with its own depth-only one, which cannot make projection layers; three.js then
 * falls back to an XRWebGLLayer, which the polyfill's compositor copies over the media layer instead of
 * blending the scene on top. So the polyfill's binding is captured while IWER installs and put back after.
 */
export function iwerInitScript({ polyfillLayers, desktopUserAgent = false }: IwerOptions): string {
  return `${IWER_UMD}
;(() => {
  const config = ${desktopUserAgent ? '{ ...IWER.metaQuest3, userAgent: navigator.userAgent }' : 'IWER.metaQuest3'};
  const device = new IWER.XRDevice(config, { stereoEnabled: true });
  let layersBinding = null;
  let binding = window.XRWebGLBinding;
  Object.defineProperty(window, 'XRWebGLBinding', {
    configurable: true,
    get: () => binding,
    set: (value) => {
      if (!layersBinding && value && 'createProjectionLayer' in value.prototype) layersBinding = value;
      binding = value;
    },
  });
  device.installRuntime({ forceInstall: true, polyfillLayers: ${polyfillLayers ? 'true' : 'false'} });
  Object.defineProperty(window, 'XRWebGLBinding', { configurable: true, writable: true, value: layersBinding ?? binding });
  window.__iwer = device;
})();`;
}

export async function installIwer(page: Page, options: IwerOptions): Promise<void> {
  await page.addInitScript({ content: iwerInitScript(options) });
}

/** [x, y, z, w] of the rotation that turns −Z (where an unrotated head or controller points) to yaw/pitch. */
export function lookRotation(yawDeg: number, pitchDeg: number): [number, number, number, number] {
  const q = new Quaternion().setFromEuler(new Euler(pitchDeg * DEG, -yawDeg * DEG, 0, 'YXZ'));
  return [q.x, q.y, q.z, q.w];
}

/** Turns the emulated head to look at yaw/pitch (degrees, as in the tour file). */
export async function turnHead(page: Page, yawDeg: number, pitchDeg: number): Promise<void> {
  await page.evaluate((q) => {
    const device = (window as unknown as { __iwer: IwerDevice }).__iwer;
    device.quaternion.set(q[0], q[1], q[2], q[3]);
  }, lookRotation(yawDeg, pitchDeg));
}

/** Holds the right controller at the head, pointing at yaw/pitch. */
export async function aimRightController(page: Page, yawDeg: number, pitchDeg: number): Promise<void> {
  await page.evaluate((q) => {
    const device = (window as unknown as { __iwer: IwerDevice }).__iwer;
    const controller = device.controllers.right!;
    controller.position.set(device.position.x, device.position.y, device.position.z);
    controller.quaternion.set(q[0], q[1], q[2], q[3]);
  }, lookRotation(yawDeg, pitchDeg));
}

/**
 * Sets the right trigger (1 pressed, 0 released). IWER applies it at the next frame's start and fires select
 * events then: press, wait for a frame, release — a press and release within one frame would be lost.
 */
export async function setRightTrigger(page: Page, value: 0 | 1): Promise<void> {
  await page.evaluate((v) => (window as unknown as { __iwer: IwerDevice }).__iwer.controllers.right!.updateButtonValue('trigger', v), value);
}

/** Switches the emulated headset between controllers and tracked hands. */
export async function switchToHands(page: Page, hands: boolean): Promise<void> {
  const mode: IwerDevice['primaryInputMode'] = hands ? 'hand' : 'controller';
  await page.evaluate((m) => ((window as unknown as { __iwer: IwerDevice }).__iwer.primaryInputMode = m), mode);
}

/** Holds the right hand at the head, its pointing ray towards yaw/pitch. */
export async function aimRightHand(page: Page, yawDeg: number, pitchDeg: number): Promise<void> {
  await page.evaluate((q) => {
    const device = (window as unknown as { __iwer: IwerDevice }).__iwer;
    const hand = device.hands.right!;
    hand.position.set(device.position.x, device.position.y, device.position.z);
    hand.quaternion.set(q[0], q[1], q[2], q[3]);
  }, lookRotation(yawDeg, pitchDeg));
}

/** Pinches the right hand (1) or lets go (0); applied at the next frame, like the trigger. */
export async function setRightPinch(page: Page, value: 0 | 1): Promise<void> {
  await page.evaluate((v) => (window as unknown as { __iwer: IwerDevice }).__iwer.hands.right!.updatePinchValue(v), value);
}

interface Posed {
  position: { set(x: number, y: number, z: number): void };
  quaternion: { set(x: number, y: number, z: number, w: number): void };
}

/** The parts of IWER's XRDevice the tests use (the page's copy, reached through `window.__iwer`). */
interface IwerDevice {
  position: { x: number; y: number; z: number };
  quaternion: { set(x: number, y: number, z: number, w: number): void };
  primaryInputMode: 'controller' | 'hand';
  controllers: { right?: Posed & { updateButtonValue(id: string, value: number): void } };
  hands: { right?: Posed & { updatePinchValue(value: number): void } };
}
