// Tour files as campaign staff write them: each kind of mistake is reported with its file and JSON path,
// and the JSON Schema that editors use matches the runtime schema.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_FILE, checkScenes } from '../../src/tools/check-scenes';
import { tourJsonSchema } from '../../src/tools/tour-json-schema';
import { REPO_ROOT } from '../helpers/test-server';

const dir = mkdtempSync(join(tmpdir(), 'setvisit-scenes-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const location = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: { en: id },
  stream: `/media/${id}/master.m3u8`,
  projection: 'equirect360',
  initialView: { yaw: 0, pitch: 0 },
  ...extra,
});
const tour = (locations: unknown[], extra: Record<string, unknown> = {}) => ({ id: 't', projectId: 'p', title: { en: 'T' }, start: 'a', locations, ...extra });

function problemsOf(content: unknown): { path: string; message: string }[] {
  const file = join(dir, 'tour.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  const problems = checkScenes(dir);
  rmSync(file);
  for (const p of problems) expect(p.file).toBe(file);
  return problems.map(({ path, message }) => ({ path, message }));
}

describe('scenes:check', () => {
  it('passes the repo’s own tour files', () => {
    expect(checkScenes(join(REPO_ROOT, 'scenes'))).toEqual([]);
  });

  it.each([
    ['a missing field', tour([{ ...location('a'), stream: undefined }]), 'locations[0].stream', /expected string/],
    ['an unknown target location', tour([location('a', { hotspots: [{ target: 'nowhere', yaw: 0, pitch: 0, label: { en: 'x' } }] })]), 'locations[0].hotspots[0].target', /no location "nowhere"/],
    ['a bad projection', tour([location('a', { projection: 'cubemap' })]), 'locations[0].projection', /expected one of "equirect360", "equirect180"/],
    ['an out-of-range yaw', tour([location('a', { initialView: { yaw: 270, pitch: 0 } })]), 'locations[0].initialView.yaw', /at most 180/],
    ['a hotspot behind a 180° view', tour([location('a', { projection: 'equirect180', hotspots: [{ target: 'b', yaw: 120, pitch: 0, label: { en: 'x' } }] }), location('b')]), 'locations[0].hotspots[0].yaw', /±90 for equirect180/],
    ['a bad stereo layout', tour([location('a', { stereo: 'side-by-side' })]), 'locations[0].stereo', /expected one of "mono"/],
    ['a time window that ends before it starts', tour([location('a', { hotspots: [{ target: 'b', yaw: 0, pitch: 0, label: { en: 'x' }, start: 5, end: 2 } ] }), location('b')]), 'locations[0].hotspots[0].end', /after start/],
    ['a start that is not a location', tour([location('a')], { start: 'b' }), 'start', /must name one of/],
    ['duplicate location ids', tour([location('a'), location('a')]), 'locations[1].id', /duplicate/],
    ['an unknown field', tour([location('a', { colour: 'red' })]), 'locations[0].colour', /unknown field/],
  ])('reports %s with its path', (_name, content, path, message) => {
    const problems = problemsOf(content);
    const problem = problems.find((p) => p.path === path);
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem!.message).toMatch(message);
  });

  it('reports a file that is not JSON', () => {
    expect(problemsOf('{ "id": ')).toEqual([{ path: '', message: expect.stringMatching(/not valid JSON/) as unknown }]);
  });

  it('keeps scenes/tour.schema.json in step with the runtime schema (run `npm run scenes:check -- --write-schema`)', () => {
    const committed = JSON.parse(readFileSync(join(REPO_ROOT, 'scenes', SCHEMA_FILE), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(tourJsonSchema())));
  });
});
