// Which focusables a D-pad reaches in the watch overlay, found with real remote keys: a breadth-first walk from the
// focus the overlay opened with, trying every arrow on every element reached. A move that one opposite arrow does not
// undo is replayed from the start (Back closes the overlay, OK opens it again on its first focus).
import { expect } from 'vitest';
import { focusedId, type WatchPage } from './watch-page';

type Arrow = 'up' | 'down' | 'left' | 'right';
const ARROWS: readonly Arrow[] = ['up', 'down', 'left', 'right'];
const OPPOSITE: Record<Arrow, Arrow> = { up: 'down', down: 'up', left: 'right', right: 'left' };

/** Left and Right on the scrub bar seek (they are its keys, not focus moves): the walk does not press them there. */
const seeks = (id: string | null, arrow: Arrow) => id === 'watch-scrub' && (arrow === 'left' || arrow === 'right');

/** The focus ids reachable from the overlay's current focus, each with the arrows that get there. */
export async function dpadReach(watch: WatchPage): Promise<Map<string, Arrow[]>> {
  const { page, remote } = watch;
  const start = await focusedId(page);
  if (start === null) throw new Error('nothing has the focus in the overlay');
  const paths = new Map<string, Arrow[]>([[start, []]]);
  const restart = async () => {
    await remote.press('back');
    await page.locator('.watch[data-overlay=false]').waitFor({ timeout: 5_000 });
    await remote.press('ok');
    await page.locator('.watch[data-overlay=true]').waitFor({ timeout: 5_000 });
    await expect.poll(() => focusedId(page), { timeout: 5_000 }).toBe(start);
  };
  const goTo = async (id: string) => {
    if ((await focusedId(page)) === id) return;
    await restart();
    for (const arrow of paths.get(id)!) await remote.press(arrow);
    expect(await focusedId(page), `replaying ${paths.get(id)!.join(' ')}`).toBe(id);
  };
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const arrow of ARROWS) {
      if (seeks(id, arrow)) continue;
      await goTo(id);
      await remote.press(arrow);
      const next = await focusedId(page);
      if (next === null || next === id) continue;
      if (!paths.has(next)) {
        paths.set(next, [...paths.get(id)!, arrow]);
        queue.push(next);
      }
      if (!seeks(next, OPPOSITE[arrow])) await remote.press(OPPOSITE[arrow]);
    }
  }
  await goTo(start);
  return paths;
}

/** The focus ids of the hotspots on show now (a hidden one is off screen or outside its time). */
export const hotspotsOnShow = (watch: WatchPage) =>
  watch.page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.watch-hotspot:not([hidden])')].map((e) => e.getAttribute('data-focus-id')!));
