// Shared by the attention browser tests: a background audience of socket clients speaking the attention protocol
// (each a distinct viewer to the server), the operator's reads of the live radar over the HTTP API, and a viewer
// page's view direction, read and turned by real drags.
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { expect } from 'vitest';
import { ATTENTION_EVENTS, type AttentionRadar } from '../../src/protocol/attention';
import { OPERATOR_TOKEN, PROJECT_ID } from '../helpers/test-server';

/** Viewers on sockets, each looking at its cell at `locationId` and saying so every few seconds (the radar keeps a look 25 s). */
export class SocketAudience {
  private readonly sockets: Socket[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;

  private constructor(
    private readonly locationId: string,
    private readonly cells: number[],
  ) {}

  static async join(url: string, locationId: string, cells: number[]): Promise<SocketAudience> {
    const audience = new SocketAudience(locationId, cells);
    await Promise.all(cells.map(() => audience.connect(url)));
    audience.lookNow();
    audience.timer = setInterval(() => audience.lookNow(), 5_000);
    return audience;
  }

  private async connect(url: string): Promise<void> {
    const socket = io(url, { transports: ['websocket'], auth: { v: 1 }, forceNew: true });
    this.sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
  }

  /** Each viewer reports its look (two samples), as a live sampler does on a turn. */
  lookNow(): void {
    const a = Math.floor(Date.now() / 1000);
    this.sockets.forEach((s, i) => s.emit(ATTENTION_EVENTS.report, { p: PROJECT_ID, l: this.locationId, t: 1, a, c: [this.cells[i]!, 2] }));
  }

  /** Viewer `i` looks at `cell` from now on. */
  turn(i: number, cell: number): void {
    this.cells[i] = cell;
    this.lookNow();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.sockets.forEach((s) => s.disconnect());
  }
}

/** The live radar of a location as the operator reads it. */
export async function readRadar(url: string, locationId: string): Promise<AttentionRadar> {
  const response = await fetch(`${url}/api/projects/${PROJECT_ID}/attention/${encodeURIComponent(locationId)}/radar`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
  if (!response.ok) throw new Error(`radar read failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as AttentionRadar;
}

export interface Direction {
  yaw: number;
  pitch: number;
}

/** Where a page's view looks now (the app's view direction, from its test hook). */
export const direction = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __setvisit: { view: { current(): Direction } } }).__setvisit.view.current() }));

export const wrap = (deg: number) => ((((deg + 180) % 360) + 360) % 360) - 180;

/**
 * Drags the view (the real pointer path) towards `target` yaw until within 10°: dragging left turns the view
 * right, about 0.31° a pixel in a 240 px high, 75° view (fewer on a taller one: each step measures where it got). A drag moves the look at once, however few frames four
 * SwiftShader pages on two cores draw; the direction is read back once a frame has shown it.
 */
export async function turn(page: Page, target: number, canvas = '.view canvas'): Promise<Direction> {
  const box = (await page.locator(canvas).first().boundingBox())!;
  const y = box.y + box.height / 2;
  for (let step = 0; step < 8; step++) {
    const before = await direction(page);
    const gap = wrap(target - before.yaw);
    if (Math.abs(gap) < 10) break;
    const pixels = Math.max(-300, Math.min(300, gap / 0.3125));
    const from = box.x + box.width / 2 + pixels / 2;
    // The drag starts on the picture itself: on a small page the view's own controls (locations, notice, player
    // controls) cover its lower half, and a drag that starts on one of them turns nothing.
    const startY = await page.evaluate(
      ({ x, top, height, middle }) => {
        for (let f = 0.5; f > 0.05; f -= 0.05) if (document.elementFromPoint(x, top + height * f)?.tagName === 'CANVAS') return top + height * f;
        return middle;
      },
      { x: from, top: box.y, height: box.height, middle: y },
    );
    await page.mouse.move(from, startY);
    await page.mouse.down();
    await page.mouse.move(from - pixels, startY, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await direction(page)).yaw, { timeout: 20_000 }).not.toBe(before.yaw);
  }
  const reached = await direction(page);
  expect(Math.abs(wrap(target - reached.yaw))).toBeLessThan(10);
  return reached;
}
