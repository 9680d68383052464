// Talking in a circle, in real Chromium against the real server: a desktop page starts a circle and a TV page
// (Tizen user agent, remote keys only) joins it by invite. The desktop sends a message and a reaction: the TV shows
// both, large enough to read from a sofa. The TV answers with a quick reply reached by the D-pad: the desktop sees
// it, in its own words.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { enterWatch, focusedId, openTvHome, type WatchPage } from '../tv/watch/watch-page';

let server: TestServer;
let browser: Browser;
let tv: WatchPage | undefined;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Starts a circle from the desktop's panel; answers its code. */
async function startOnDesktop(page: Page): Promise<string> {
  // Up to 60 s: the panel's chunk loads after the first frame, which a loaded machine was seen to take long over.
  await page.getByRole('button', { name: 'Visit together…' }).click({ timeout: 60_000 });
  await page.getByLabel('Your name (shown to the circle)').fill('Dee');
  await page.getByRole('button', { name: 'Start a circle' }).click();
  const code = page.getByTestId('circle-code');
  await code.waitFor({ timeout: 15_000 });
  return (await code.textContent())!.trim();
}

describe('talking in a circle', { timeout: 150_000 }, () => {
  it('a desktop member’s message and reaction show on the TV; the TV’s quick reply by D-pad shows on the desktop', async () => {
    const desktop = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const desktopErrors = recordPageErrors(desktop);
    await desktop.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
    // The circle starts where the desktop is, playing: the TV then follows a playing circle into "Watch the set".
    await desktop.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.3, undefined, { timeout: 60_000 });
    const code = await startOnDesktop(desktop);

    tv = await openTvHome(browser, server.url, `#circle=${code}`);
    await enterWatch(tv);
    const badge = tv.page.getByTestId('tv-circle');
    await expect.poll(() => badge.getAttribute('data-circle-status'), { timeout: 60_000 }).toBe('joined');
    await badge.getByText('Watching with Dee’s circle (2)').waitFor({ timeout: 10_000 });

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
    const flashes = tv.page.getByTestId('tv-circle-flashes');
    await flashes.getByText('Look at the crane, left of the door').waitFor({ timeout: 10_000 });
    await flashes.getByText('Dee: Applause').waitFor({ timeout: 10_000 });
    // Sizes are in rem, as the whole watch screen's: the same pixels on a 1080p panel as in this page.
    const sizes = await flashes.locator('li').evaluateAll((items) => items.map((li) => parseFloat(getComputedStyle(li).fontSize)));
    expect(Math.min(...sizes), `flash font sizes ${sizes.join(', ')} px`).toBeGreaterThanOrEqual(24);

    // The TV answers by remote: OK shows the controls and the quick replies, Up reaches them, Down the phrases.
    await tv.remote.press('ok');
    await tv.page.getByTestId('tv-quick-replies').waitFor({ timeout: 10_000 });
    for (let i = 0; i < 6 && !/^circle-quick-/.test((await focusedId(tv.page)) ?? ''); i++) await tv.remote.press('up');
    expect(await focusedId(tv.page)).toMatch(/^circle-quick-/);
    for (let i = 0; i < 3 && !/^circle-quick-(look|wow|pause|back|go-on|thanks)$/.test((await focusedId(tv.page)) ?? ''); i++) await tv.remote.press('down');
    const chosen = (await focusedId(tv.page))!.replace('circle-quick-', '');
    const words: Record<string, string> = { look: 'Look at this!', wow: 'Wow!', pause: 'Can we pause?', back: 'Go back a bit?', 'go-on': 'Let’s go on', thanks: 'Thanks!' };
    expect(Object.keys(words)).toContain(chosen);
    await tv.remote.press('ok');
    await tv.page.getByText(`✓ ${words[chosen]}`).waitFor({ timeout: 10_000 });

    // The desktop sees the TV's reply, over the view and in the panel's list, under the TV's name.
    await desktop.getByTestId('circle-flashes').getByText(words[chosen]!).waitFor({ timeout: 10_000 });
    await expect.poll(() => desktop.getByTestId('circle-messages').locator('li').allInnerTexts(), { timeout: 10_000 }).toEqual([
      expect.stringContaining('Look at the crane, left of the door') as unknown,
      expect.stringContaining(`TV ${words[chosen]}`) as unknown,
    ]);
    expect(tv.errors).toEqual([]);
    expect(desktopErrors).toEqual([]);
  });
});
