// Shared by the attention browser tests: a background audience of socket clients speaking the attention protocol
// (each a distinct viewer to the server), the operator's reads of the live radar over the HTTP API, and a viewer
// page's view direction, read and turned by real drags.
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { expect } from 'vitest';
import { ATTENTION_EVENTS, type AttentionRadar } from '../../src/protocol/attention';
import { OPERATOR_TOKEN, PROJECT_ID } from './test-server';

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
 * right, about 0.31° a pixel in a 240 px high, 75° view (fewer on a taller one: each step measures where it got).
 * A drag moves the look at once, however few frames four SwiftShader pages on two cores draw; the direction is
 * read back once a frame has shown it.
 */
export async function turn(page: Page, target: number, canvas = '.view canvas'): Promise<Direction> {
  const box = (await page.locator(canvas).first().boundingBox())!;
  for (let step = 0; step < 8; step++) {
    const before = await direction(page);
    const gap = wrap(target - before.yaw);
    if (Math.abs(gap) < 10) break;
    const pixels = Math.max(-300, Math.min(300, gap / 0.3125));
    // The drag starts on the picture itself: on a small page the view's own controls (locations, notice, player
    // controls, captions) cover most of it, and a drag that starts on one of them turns nothing. Any row of the
    // picture will do, at the planned start or, failing that, from the middle.
    const spot = () =>
      page.evaluate(
        ({ xs, top, height }) => {
          for (const x of xs)
            for (let f = 0.05; f < 1; f += 0.05) if (document.elementFromPoint(x, top + height * f)?.tagName === 'CANVAS') return { x, y: top + height * f };
          return null;
        },
        { xs: [box.x + box.width / 2 + pixels / 2, box.x + box.width / 2], top: box.y, height: box.height },
      );
    // Until the first frame the loading card covers the whole picture.
    await expect.poll(spot, { timeout: 30_000, message: "a spot of the picture not covered by the view's controls" }).not.toBeNull();
    const { x: from, y: startY } = (await spot())!;
    await page.mouse.move(from, startY);
    await page.mouse.down();
    await page.mouse.move(from - pixels, startY, { steps: 4 });
    await page.mouse.up();
    // A drag the page did not take (it came as the view re-rendered, say) is made again by the next step; the
    // direction reached is checked below.
    await page.waitForFunction((yaw) => (window as unknown as { __setvisit: { view: { current(): { yaw: number } } } }).__setvisit.view.current().yaw !== yaw, before.yaw, { timeout: 5_000 }).catch(() => undefined);
  }
  const reached = await direction(page);
  expect(Math.abs(wrap(target - reached.yaw))).toBeLessThan(10);
  return reached;
}
