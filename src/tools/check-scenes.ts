// `npm run scenes:check`: validates every tour file in scenes/ and prints each problem as file + JSON path +
// reason; `--write-schema` regenerates scenes/tour.schema.json for editors. Exits 1 when any file is broken.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describeIssues } from '../protocol';
import { tourJsonSchema } from './tour-json-schema';
import { Tour } from '../protocol/tour-schema';

export interface SceneProblem {
  file: string;
  path: string;
  message: string;
}

export const SCHEMA_FILE = 'tour.schema.json';

/** Every problem in every tour file of `dir` (an empty list when all are valid). */
export function checkScenes(dir: string): SceneProblem[] {
  const problems: SceneProblem[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE).sort()) {
    const file = join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      problems.push({ file, path: '', message: `not valid JSON (${err instanceof Error ? err.message : String(err)})` });
      continue;
    }
    const parsed = Tour.safeParse(json);
    if (!parsed.success) problems.push(...describeIssues(parsed.error).map((issue) => ({ file, ...issue })));
  }
  return problems;
}

function main(): void {
  const dir = resolve(import.meta.dirname, '../../scenes');
  if (process.argv.includes('--write-schema')) {
    writeFileSync(join(dir, SCHEMA_FILE), JSON.stringify(tourJsonSchema(), null, 2) + '\n');
    console.info(`wrote ${relative(process.cwd(), join(dir, SCHEMA_FILE))}`);
  }
  const problems = checkScenes(dir);
  for (const p of problems) console.error(`${relative(process.cwd(), p.file)}: ${p.path || '(file)'}: ${p.message}`);
  if (problems.length) {
    console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the tour files.`);
    process.exit(1);
  }
  console.info('All tour files are valid.');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
