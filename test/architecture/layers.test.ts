// The layer rules (.dependency-cruiser.cjs, .dependency-cruiser-first-screen.cjs) fail on deliberate violations,
// each with a message naming the rule, and let the allowed imports through; and the real src/ keeps them.
// Runs dependency-cruiser's own CLI, as `npm run check:layers` does.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/test-server';

const CLI = join(REPO_ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const LAYERS = join(REPO_ROOT, '.dependency-cruiser.cjs');
const FIRST_SCREEN = join(REPO_ROOT, '.dependency-cruiser-first-screen.cjs');
const FIXTURE = join(import.meta.dirname, 'fixtures/violations');
// TypeScript's start-up dominates a run; on a loaded two-core machine one takes up to ~30 s.
const CRUISE_TIMEOUT_MS = 120_000;

function cruise(cwd: string, config: string, paths: string[]): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, [CLI, ...paths, '--config', config, '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

describe('layer rules on deliberate violations', () => {
  it(
    'names each broken layer rule with the import that broke it, and lets allowed imports through',
    () => {
      const { status, out } = cruise(FIXTURE, LAYERS, ['src']);
      expect(status, out).not.toBe(0);
      expect(out).toMatch(/error core-not-react: src\/feed\/uses-react\.ts → \S*node_modules\/react\//);
      expect(out).toContain('error shell-not-other-shell: src/shells/host/HostRoom.ts → src/shells/desktop/QuestionBoard.ts');
      expect(out).toContain('error server-only-protocol: src/server/feed-gateway.ts → src/feed/project-state.ts');
      expect(out).toContain('error runtime-not-tools: src/media/session.ts → src/tools/pipeline.ts');
      // Allowed: a shell using src/shells/shared/, the core using three.js itself.
      expect(out).not.toContain('src/shells/shared/MeetupBoard.ts');
      expect(out).not.toContain('src/panorama/sphere.ts');
      expect(out).toContain('4 dependency violations');
    },
    CRUISE_TIMEOUT_MS,
  );

  it(
    'fails the TV first screen that statically reaches three.js, not the dynamic import of hls.js',
    () => {
      const { status, out } = cruise(FIXTURE, FIRST_SCREEN, ['src/main.tsx', 'src/shells/tv/TvShell.tsx']);
      expect(status, out).not.toBe(0);
      expect(out).toMatch(/error tv-first-screen-not-three-or-hls: src\/shells\/tv\/TvShell\.tsx → \S*node_modules\/three\//);
      expect(out).not.toContain('hls.js');
      expect(out).toContain('1 dependency violations');
    },
    CRUISE_TIMEOUT_MS,
  );
});

// Passes once the React/R3F views leave src/panorama/ (PanoramaCanvas.tsx, VideoSpheres.tsx): until then it names
// them, which is the check doing its job.
describe('layer rules on the real src/', () => {
  it(
    'keeps every layer rule and the TV first screen clean',
    () => {
      const layers = cruise(REPO_ROOT, LAYERS, ['src']);
      expect(layers.status, layers.out).toBe(0);
      const firstScreen = cruise(REPO_ROOT, FIRST_SCREEN, ['src/main.tsx', 'src/shells/tv/TvShell.tsx']);
      expect(firstScreen.status, firstScreen.out).toBe(0);
    },
    2 * CRUISE_TIMEOUT_MS,
  );
});
