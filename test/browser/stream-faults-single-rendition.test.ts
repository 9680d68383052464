// A stream of one rendition whose first segment is persistently half-written (an origin serving a file still being
// written, with no other rendition to fall back on), behind the project's fault-injecting proxy, which cuts the
// sample's master playlist down to one rendition. On the sample's three renditions the player gets past such a
// segment by itself; with one it cannot, and what the page says then must be the truth: the stream is at fault, not
// the device ("cannot be decoded on this device" would send the viewer to buy another TV). Once the origin has the
// file whole, it plays by itself within 2 s.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeLeftoverPages, launchChromium, recordPageErrors } from '../helpers/browser';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { resumesWithin } from '../helpers/playback-probe';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

let server: TestServer;
let proxy: FaultProxy;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  proxy = await startFaultProxy(server.url);
  browser = await launchChromium();
}, 60_000);
// A test that fails leaves neither its fault nor its page behind for the next one.
afterEach(async () => {
  proxy.clear();
  await closeLeftoverPages(browser);
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.dispose();
});

/** The master playlist with only its `desktop/` rendition. */
function oneRendition(master: string): string {
  const lines = master.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('#EXT-X-STREAM-INF')) {
      if (line.trim() !== '') out.push(line);
      continue;
    }
    // The variant's URI is the next line that is not empty; both go, or both stay.
    let next = i + 1;
    while (next < lines.length && lines[next]!.trim() === '') next++;
    if (lines[next]?.startsWith('desktop/')) out.push(line, lines[next]!);
    i = next;
  }
  return `${out.join('\n')}\n`;
}

interface MediaView {
  status: string;
  stall: { cause: string } | null;
  error: { kind: string } | null;
}
const mediaState = (page: Page) => page.evaluate(() => (window as unknown as { __setvisit: { store: { getState(): { media: MediaView } } } }).__setvisit.store.getState().media);

const ENGINES = [
  { name: 'hls.js', query: '&hls=js' },
  { name: 'native HLS first', query: '' },
] as const;

describe.each(ENGINES)('one rendition, its first segment half-written, $name', { timeout: 60_000 }, ({ query }) => {
  it('plays past it or says the stream is at fault, never the device; plays once the segment is whole', async () => {
    proxy.set('one-rendition', { match: /\/media\/backlot\/master\.m3u8/, rewrite: oneRendition });
    proxy.set('half-written', { match: /\/media\/backlot\/desktop\/seg_00000\.m4s/, truncate: 0.5 });
    const from = proxy.seen();
    const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
    const errors = recordPageErrors(page);
    await page.goto(`${proxy.url}/?project=${PROJECT_ID}&lang=en${query}`);
    await waitFor(() => proxy.requests(/\/media\/backlot\/desktop\/seg_00000\.m4s/, from).length > 0, 15_000, 'the half-written segment asked for').catch((e: Error) => {
      throw new Error(`${e.message}; asked: ${proxy.requests(/\/media\//, from).join(' ')}`);
    });
    // Only the one rendition was ever asked for.
    expect(proxy.requests(/\/media\/backlot\/(tv|headset)\//, from)).toEqual([]);

    // While it lasts: the player gets past the broken segment and plays on, or says the stream is at fault; never that
    // the device cannot decode it.
    await page.waitForTimeout(6_000);
    const during = await mediaState(page);
    const time = await page.evaluate(() => document.querySelector('video')?.currentTime ?? 0);
    const text = (await page.locator('body').textContent()) ?? '';
    const seen = `the page said "${text.slice(0, 300)}", at ${time.toFixed(1)} s, media ${JSON.stringify(during)}`;
    expect(text, seen).not.toMatch(/could not be decoded|cannot play the set/);
    expect(['media', 'unsupported'], seen).not.toContain(during.error?.kind);
    if (during.status === 'playing') expect(time, seen).toBeGreaterThan(2); // past the first (broken) segment
    else expect(during.stall?.cause ?? during.error?.kind, seen).toMatch(/^(unreachable|network-slow|network|manifest)$/);
    console.info(`one rendition, first segment half-written (${query || 'native first'}): ${during.status} at ${time.toFixed(1)} s`);

    proxy.clear('half-written');
    await resumesWithin(page, 2_000);
    expect((await mediaState(page)).status).toBe('playing');
    expect(errors).toEqual([]);
    proxy.clear('one-rendition');
    await page.close();
  });
});
