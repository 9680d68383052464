// Two builds of SetVisit side by side, like with like: each served by the reference server from its own folder,
// visited in turn in one Chromium (A, B, A, B…) at each CPU rate, so that load elsewhere on the machine falls on
// both alike. Prints each run's first draw and the medians. A tool, not a test: nothing is judged. An older build
// needs the server of its own commit (the protocol moves on): --a-repo names that commit's checkout, whose
// test/bench/setvisit-server.ts then serves it.
//
//   git worktree add /tmp/before-repo <commit> && (cd /tmp/before-repo && npx vite build --outDir /tmp/before)
//   npx vite build --outDir /tmp/after
//   npx tsx test/bench/compare-builds.ts --a /tmp/before --a-repo /tmp/before-repo --b /tmp/after [--runs 7] [--cpu 1,4]
import { parseArgs } from 'node:util';
import { launchDebianChromium } from '../helpers/browser';
import { onCleanup, runCleanups, withTimeout } from './bounded';
import { startSetVisitServer, startSetVisitServerFrom } from './setvisit-server';
import { median } from './stats';
import { openProbedPage, waitForFirstDraw } from './viewer-run';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    'a-repo': { type: 'string' },
    b: { type: 'string' },
    runs: { type: 'string', default: '5' },
    cpu: { type: 'string', default: '1,4' },
    query: { type: 'string', default: '' },
  },
});
if (!values.a || !values.b) throw new Error('usage: compare-builds.ts --a <built app dir> --b <built app dir>');
const builds = { a: values.a, b: values.b } as const;
const runs = Number(values.runs);
const rates = values.cpu.split(',').map(Number);

async function main(): Promise<void> {
  const servers = { a: await startSetVisitServerFrom(builds.a, values['a-repo']), b: await startSetVisitServer(builds.b) };
  onCleanup(() => servers.a.close());
  onCleanup(() => servers.b.close());
  const browser = await launchDebianChromium();
  onCleanup(() => browser.close());
  const figures = new Map<string, number[]>();
  for (let run = 1; run <= runs; run++) {
    for (const rate of rates) {
      for (const side of ['a', 'b'] as const) {
        const { page, close } = await openProbedPage(browser, rate);
        try {
          await page.goto(`${servers[side].url}/?mode=desktop&project=lantern-keeper&lang=en${values.query}`, { waitUntil: 'commit' });
          const ms = await withTimeout(waitForFirstDraw(page, -1, 60_000), 70_000, `${side} at ${rate}×`);
          const key = `${side}@${rate}`;
          figures.set(key, [...(figures.get(key) ?? []), ms]);
          console.info(`run ${run} ${rate}× ${side}: first draw ${Math.round(ms)} ms`);
        } finally {
          await close();
        }
      }
    }
  }
  for (const rate of rates) {
    for (const side of ['a', 'b'] as const) {
      const all = figures.get(`${side}@${rate}`) ?? [];
      console.info(`${rate}× ${side} (${builds[side]}): median ${Math.round(median(all))} ms, min ${Math.round(Math.min(...all))}, max ${Math.round(Math.max(...all))}, n=${all.length}`);
    }
  }
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => runCleanups());
