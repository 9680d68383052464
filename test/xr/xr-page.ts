// Test-only: the XR shell as the browser tests see it — its hook on `window.__setvisit.xr`, the store, and the
// steps a headset journey takes (enter, move with the controller, look at an eye marker), on top of IWER.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { parseTour } from '../../src/protocol/tour-schema';
import type { Hotspot, Tour, TourLocation } from '../../src/protocol/tour-schema';
import { REPO_ROOT } from '../helpers/test-server';
import { aimRightController, aimRightHand, setRightPinch, setRightTrigger, turnHead, switchToHands } from './iwer-harness';

/** The sample tour, read at test time (someone may regenerate it with other locations). */
export function sampleTour(): Tour {
  const parsed = parseTour(JSON.parse(readFileSync(join(REPO_ROOT, 'scenes/lantern-keeper.json'), 'utf8')));
  if (parsed.kind !== 'tour') throw new Error('the sample tour is not valid');
  return parsed.tour;
}

export interface XrHookView {
  presenting: boolean;
  path: string | null;
  frames: number;
  views: number;
  drawCalls: number;
  triangles: number;
  mediaLayers: number;
  panelYaw: number;
  panelDraws: number;
  headYaw: number;
  locationList: { entries: { id: string; yaw: number; pitch: number }[]; highlighted: string | null; gaze: { target: string | null; progress: number } };
  toast: { visible: boolean; text: string; draws: number };
  caption: string;
  gaze: { target: string | null; progress: number };
  /** The notice in the room (a lock, a stall, an error); kind '' while there is none. */
  mediaNotice: { kind: string; text: string; yaw: number; retry: boolean };
  session(): { end(): Promise<void> } | null;
  surfacePng(name: string): string | null;
}

interface PageHook {
  store: { getState(): { tour: { locationId: string | null }; media: { status: string } } };
  xr?: XrHookView;
}

export class XrPage {
  constructor(
    readonly page: Page,
    readonly tour: Tour,
  ) {}

  location(id: string): TourLocation {
    const location = this.tour.locations.find((l) => l.id === id);
    if (!location) throw new Error(`no location ${id} in the sample tour`);
    return location;
  }

  /** The XR hook's plain fields (no functions), as of now. */
  async xr(): Promise<Omit<XrHookView, 'session'> & { session: boolean }> {
    return this.page.evaluate(() => {
      const xr = (window as unknown as { __setvisit: PageHook }).__setvisit.xr;
      if (!xr) throw new Error('no XR hook');
      const fields = JSON.parse(JSON.stringify(xr)) as Omit<XrHookView, 'session'>;
      return { ...fields, session: xr.session() !== null };
    });
  }

  async locationId(): Promise<string | null> {
    return this.page.evaluate(() => (window as unknown as { __setvisit: PageHook }).__setvisit.store.getState().tour.locationId);
  }

  /** Waits until `id` is the location on screen and playing. */
  async waitForLocation(id: string, timeout = 15_000): Promise<void> {
    await this.page.waitForFunction(
      (want) => {
        const state = (window as unknown as { __setvisit: PageHook }).__setvisit.store.getState();
        return state.tour.locationId === want && state.media.status === 'playing';
      },
      id,
      { timeout },
    );
  }

  /** Waits for `n` more XR frames. */
  async frames(n: number): Promise<void> {
    const start = (await this.xr()).frames;
    await this.page.waitForFunction((want) => ((window as unknown as { __setvisit: PageHook }).__setvisit.xr?.frames ?? 0) >= want, start + n, { timeout: 20_000 });
  }

  /** Waits for Enter VR to be enabled and the start location to play, then enters. */
  async enterVr(): Promise<void> {
    await this.page.waitForFunction(() => document.querySelector('[data-testid="xr-support"]')?.getAttribute('data-support') === 'supported', undefined, { timeout: 30_000 });
    await this.waitForLocation(this.tour.start, 30_000);
    await this.page.getByTestId('enter-vr').click();
    await this.page.waitForFunction(() => (window as unknown as { __setvisit: PageHook }).__setvisit.xr?.presenting === true, undefined, { timeout: 20_000 });
    await this.frames(5);
  }

  async exitVr(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as { __setvisit: PageHook }).__setvisit.xr?.session()?.end());
    await this.page.waitForFunction(() => (window as unknown as { __setvisit: PageHook }).__setvisit.xr?.presenting === false, undefined, { timeout: 10_000 });
  }

  /** Points the right controller at `hotspot` and pulls the trigger for a frame; waits for its location to play. */
  async selectWithController(hotspot: Hotspot): Promise<void> {
    await aimRightController(this.page, hotspot.yaw, hotspot.pitch);
    await this.frames(3);
    await setRightTrigger(this.page, 1);
    await this.frames(1);
    await setRightTrigger(this.page, 0);
    await this.waitForLocation(hotspot.target);
    // Point it down, out of the way of the next picture.
    await aimRightController(this.page, 90, -80);
  }

  /** The same with the right hand: controllers put down, the hand points at `hotspot` and pinches. */
  async selectWithHand(hotspot: Hotspot): Promise<void> {
    await switchToHands(this.page, true);
    try {
      await aimRightHand(this.page, hotspot.yaw, hotspot.pitch);
      await this.frames(3);
      await setRightPinch(this.page, 1);
      await this.frames(1);
      await setRightPinch(this.page, 0);
      await this.waitForLocation(hotspot.target);
    } finally {
      await switchToHands(this.page, false);
    }
  }

  /** Moves to `id` through a hotspot of the location on screen (shown for the whole video) that leads there. */
  async goTo(id: string): Promise<void> {
    const here = await this.locationId();
    if (here === id || here === null) return;
    const link = this.location(here).hotspots.find((h) => h.target === id && h.start === undefined && h.end === undefined);
    if (!link) throw new Error(`no steady hotspot from ${here} to ${id}`);
    await this.selectWithController(link);
  }

  /** Waits until the lazily following panels have stopped moving (still across five frames). */
  async waitForPanelsToSettle(): Promise<void> {
    const deadline = Date.now() + 15_000;
    let last = (await this.xr()).panelYaw;
    for (;;) {
      await this.frames(5);
      const now = (await this.xr()).panelYaw;
      if (Math.abs(now - last) < 0.05) return;
      if (Date.now() > deadline) throw new Error(`the panels kept moving (${last}° → ${now}°)`);
      last = now;
    }
  }

  /** Where the location list's row for `id` is, as seen from the head once the panels are still (yaw/pitch, degrees). */
  async listEntry(id: string): Promise<{ yaw: number; pitch: number }> {
    await this.waitForPanelsToSettle();
    const entry = (await this.xr()).locationList.entries.find((e) => e.id === id);
    if (!entry) throw new Error(`the location list has no row for ${id}`);
    return entry;
  }

  /**
   * Points the right controller (or, with `hand`, the right hand, controllers put down) at the list's row for
   * `id`, waits until the row lights up under the ray, pulls the trigger (or pinches) for a frame and waits for
   * that location to play.
   */
  async selectFromList(id: string, input: 'controller' | 'hand' = 'controller'): Promise<void> {
    const { yaw, pitch } = await this.listEntry(id);
    if (input === 'hand') await switchToHands(this.page, true);
    try {
      await (input === 'hand' ? aimRightHand : aimRightController)(this.page, yaw, pitch);
      await this.page.waitForFunction((want) => (window as unknown as { __setvisit: PageHook }).__setvisit.xr?.locationList.highlighted === want, id, { timeout: 10_000 });
      const press = input === 'hand' ? setRightPinch : setRightTrigger;
      await press(this.page, 1);
      await this.frames(1);
      await press(this.page, 0);
      await this.waitForLocation(id);
    } finally {
      if (input === 'hand') await switchToHands(this.page, false);
    }
    await aimRightController(this.page, 90, -80);
  }

  /** A PNG of a canvas-drawn surface of the scene ('toast', 'locations', 'milestones'), as its texture holds it. */
  async surface(name: string): Promise<Buffer> {
    const url = await this.page.evaluate((n) => (window as unknown as { __setvisit: PageHook }).__setvisit.xr?.surfacePng(n) ?? null, name);
    if (!url) throw new Error(`no surface ${name}`);
    return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
  }

  /**
   * Turns the head level to `yaw` and waits for the lazily following panel to settle there: within 2° it stops
   * following (LazyFollow's settleDeg), so it stays put when the head turns less than 35° away next.
   */
  async leadPanelTo(yaw: number): Promise<void> {
    await turnHead(this.page, yaw, 0);
    await this.page.waitForFunction((want) => Math.abs(((window as unknown as { __setvisit: PageHook }).__setvisit.xr?.panelYaw ?? 0) - want) <= 2, yaw, { timeout: 10_000 });
  }

  /**
   * Looks at the eye marker burnt into the sample footage (yaw 0, pitch −30; see src/tools/media-pipeline/eye-marker.ts)
   * and returns the colour each eye sees there: IWER draws the left eye in the left half of the canvas, the right
   * eye in the right half. The milestone panel sits below the gaze, over the marker, so it is led off to the
   * right first (it only follows once the gaze is 35° away). Retries until both eyes show a marker colour.
   */
  async eyeColours(artifact?: string): Promise<{ left: Rgb; right: Rgb }> {
    await this.leadPanelTo(70);
    await this.leadPanelTo(30);
    await turnHead(this.page, 0, -30);
    let result: { left: Rgb; right: Rgb };
    const deadline = Date.now() + 8_000;
    do {
      await this.frames(3);
      const png = await this.page.locator('canvas').screenshot();
      result = { left: colourAt(png, 0.25, 0.5), right: colourAt(png, 0.75, 0.5) };
      if (artifact) this.artifact = { name: artifact, png };
      if (isMarker(result.left) && isMarker(result.right)) break;
    } while (Date.now() < deadline);
    await turnHead(this.page, 0, 0);
    return result;
  }

  /** The last picture taken by eyeColours, for the test to save. */
  artifact: { name: string; png: Buffer } | null = null;
}

export type Rgb = [number, number, number];

/** The colour at (fx, fy) of a screenshot, as fractions of its size. */
export function colourAt(png: Buffer, fx: number, fy: number): Rgb {
  const image = PNG.sync.read(png);
  const i = (Math.round((image.height - 1) * fy) * image.width + Math.round((image.width - 1) * fx)) * 4;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
}

/** How many pixels of a PNG match `test`. */
export function countPixels(png: Buffer, test: (rgb: Rgb) => boolean): number {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i + 3]! > 128 && test([image.data[i]!, image.data[i + 1]!, image.data[i + 2]!])) count++;
  return count;
}

export const isGreen = ([r, g, b]: Rgb) => g > 170 && r < 110 && b < 110;
export const isMagenta = ([r, g, b]: Rgb) => r > 170 && b > 170 && g < 110;
export const isYellow = ([r, g, b]: Rgb) => r > 170 && g > 170 && b < 110;
const isMarker = (rgb: Rgb) => isGreen(rgb) || isMagenta(rgb) || isYellow(rgb);
