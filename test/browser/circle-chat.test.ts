// Talking in a circle, in real Chromium against the real server: a TV page (Tizen user agent, remote keys only) and
// a desktop page join a circle by invite. The desktop sends a message and a reaction: the TV shows
// both, large enough to read from a sofa. The TV answers with a quick reply reached by the D-pad: the desktop sees
// it, in its own words.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircleClient } from '../../src/circles';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { enterWatch, focusedId, openTvHome, type WatchPage } from '../tv/watch/watch-page';
import { TIZEN_UA } from '../tv/watch/tv-remote';

let server: TestServer;
let browser: Browser;
let tv: WatchPage | undefined;
const owned: { dispose(): void }[] = [];

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  for (const o of owned) o.dispose();
  await browser?.close();
  await server?.dispose();
});

/** Joins from the desktop's panel, opened by the invite link's fragment; waits until in. */
async function joinOnDesktop(page: Page): Promise<void> {
  // Up to 60 s: the panel's chunk loads after the first frame, which a loaded machine was seen to take long over.
  await page.getByLabel('Your name (shown to the circle)').fill('Dee', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByTestId('circle-chat').waitFor({ timeout: 15_000 });
}

/** Notes the text and font size of every item added to a flashes list (by test id), as it appears; a drawn reaction
 * (an SVG shape: emoji are empty boxes without a colour-emoji font) reads as [shape]. */
const NOTE_FLASHES = `
  window.__flashes = [];
  new MutationObserver((changes) => {
    for (const change of changes) for (const node of change.addedNodes) {
      const items = node.nodeType === 1 ? [node, ...node.querySelectorAll('li')] : [];
      for (const li of items) {
        if (li.tagName !== 'LI' || !li.closest('[data-testid$=flashes]')) continue;
        window.__flashes.push({ list: li.closest('[data-testid$=flashes]').dataset.testid, text: (li.querySelector('svg path') ? '[shape] ' : '') + li.textContent.replace(/\\s+/g, ' ').trim(), fontSize: parseFloat(getComputedStyle(li).fontSize) });
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
`;
const flashesSeen = (page: Page, list: string) =>
  page.evaluate((name) => (window as unknown as { __flashes: { list: string; text: string; fontSize: number }[] }).__flashes.filter((f) => f.list === name), list);

describe('talking in a circle', { timeout: 150_000 }, () => {
  it('a desktop member’s message and reaction show on the TV; the TV’s quick reply by D-pad shows on the desktop', async () => {
    // The host is a circle client over a real socket (the TV and desktop joining are what this test is about).
    const host = new CircleClient({ url: server.url, token: () => undefined, name: () => 'Ana', device: 'desktop', socketOptions: { transports: ['websocket'] } });
    owned.push(host);
    expect(await host.start({ projectId: PROJECT_ID, locationId: 'backlot', mediaTime: 2, playing: true })).toEqual({ ok: true });
    const code = host.current.view!.code;

    // The TV first, then the desktop: two pages starting their video at once on a loaded machine starve each other.
    // A 1080p TV's page (1920×1080 CSS px, as Tizen and webOS lay it out), drawn at half scale to keep SwiftShader's
    // work that of a 960×540 page (the layout at 960×540 CSS px has its own test: tv-circle-layout.test.ts).
    const tvContext = await browser.newContext({ userAgent: TIZEN_UA, viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 0.5 });
    tv = await openTvHome(browser, server.url, `#circle=${code}`, { context: tvContext });
    await enterWatch(tv);
    const badge = tv.page.getByTestId('tv-circle');
    await expect.poll(() => badge.getAttribute('data-circle-status'), { timeout: 60_000 }).toBe('joined');
    await badge.getByText('Watching with Ana’s circle (2)').waitFor({ timeout: 10_000 });

    const desktop = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const desktopErrors = recordPageErrors(desktop);
    await desktop.goto(`${server.url}/?project=${PROJECT_ID}&lang=en#circle=${code}`);
    await joinOnDesktop(desktop);
    await badge.getByText('Watching with Ana’s circle (3)').waitFor({ timeout: 10_000 });

    // What shows over each view is there for a few seconds only: each page notes every item as it appears, so a slow
    // step of the test on a loaded machine cannot miss one.
    await Promise.all([tv.page, desktop].map((page) => page.addScriptTag({ content: NOTE_FLASHES })));
    // The desktop says something and reacts.
    const chat = desktop.getByTestId('circle-chat');
    await chat.getByLabel('Message to the circle').fill('  Look at the crane, left of the door  ');
    await chat.getByRole('button', { name: 'Send' }).click();
    await chat.getByRole('button', { name: 'Applause' }).click();
    // An empty message is refused on the desktop with its reason; nothing is sent.
    await chat.getByLabel('Message to the circle').fill('   ');
    await chat.getByRole('button', { name: 'Send' }).click();
    await chat.getByText('Type something first.').waitFor({ timeout: 5_000 });

    // The TV shows both over the view, at 24 px or more.
    const tvSaw = () => flashesSeen(tv!.page, 'tv-circle-flashes');
    await expect.poll(async () => (await tvSaw()).map((f) => f.text), { timeout: 15_000 }).toEqual(
      expect.arrayContaining(['Dee Look at the crane, left of the door', '[shape] Dee: Applause']) as unknown,
    );
    // Sizes are in rem, as the whole watch screen's: the same pixels on a 1080p panel as in this page.
    const sizes = (await tvSaw()).map((f) => f.fontSize);
    expect(Math.min(...sizes), `flash font sizes ${sizes.join(', ')} px`).toBeGreaterThanOrEqual(24);

    // The TV answers by remote: OK shows the controls; the quick replies are the row under their buttons (Down),
    // the reactions first, then the phrases (Right along the row).
    await tv.remote.press('ok');
    await tv.page.getByTestId('tv-quick-replies').waitFor({ timeout: 10_000 });
    saveArtifact('circle-chat-tv-quick-replies.png', await tv.page.screenshot());
    await expect.poll(() => focusedId(tv!.page)).toBe('watch-play');
    const path: (string | null)[] = [await focusedId(tv.page)];
    const phrase = /^circle-quick-(look|wow|pause|back|go-on|thanks)$/;
    await tv.remote.press('down');
    path.push(await focusedId(tv.page));
    expect(path.at(-1), `focus went ${path.join(' → ')}`).toMatch(/^circle-quick-/);
    for (let i = 0; i < 10 && !phrase.test(path.at(-1) ?? ''); i++) {
      await tv.remote.press('right');
      path.push(await focusedId(tv.page));
    }
    if (!phrase.test(path.at(-1) ?? '')) saveArtifact('circle-chat-tv-quick-route.png', await tv.page.screenshot());
    expect(path.at(-1), `focus went ${path.join(' → ')}`).toMatch(phrase);
    const chosen = (await focusedId(tv.page))!.replace('circle-quick-', '');
    const words: Record<string, string> = { look: 'Look at this!', wow: 'Wow!', pause: 'Can we pause?', back: 'Go back a bit?', 'go-on': 'Let’s go on', thanks: 'Thanks!' };
    expect(Object.keys(words)).toContain(chosen);
    await tv.remote.press('ok');
    await tv.page.getByText(`✓ ${words[chosen]}`).waitFor({ timeout: 10_000 });

    // The desktop sees the TV's reply, over the view and in the panel's list, under the TV's name.
    await expect.poll(async () => (await flashesSeen(desktop, 'circle-flashes')).map((f) => f.text), { timeout: 15_000 }).toContain(`TV ${words[chosen]}`);
    await expect.poll(() => desktop.getByTestId('circle-messages').locator('li').allInnerTexts(), { timeout: 10_000 }).toEqual([
      expect.stringContaining('Look at the crane, left of the door') as unknown,
      expect.stringContaining(`TV ${words[chosen]}`) as unknown,
    ]);
    expect(tv.errors).toEqual([]);
    expect(desktopErrors).toEqual([]);
  });
});
