// Which served paths belong to what: read from the tour files (scenes/*.json), each location's stream folder,
// captions and poster become path scopes with the tier that opens them. Re-read when a file changes, so an
// editor's new tour is gated from its first request without a restart.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { BackerTier } from '../../protocol';
import { parseTour } from '../../protocol/tour-schema';
import type { TourLocation } from '../../protocol/tour-schema';

export interface LocationScopes {
  locationId: string;
  /** Undefined: open to everyone who may see the project. */
  tier: BackerTier | undefined;
  /** Path scopes (folders end in "/") that hold this location's files. */
  scopes: string[];
}

export interface TourEntry {
  /** The tour file's name without .json: the project id the client asks for (`/scenes/<id>.json`). */
  projectId: string;
  locations: LocationScopes[];
}

export interface MediaCatalog {
  /** The tour of a project, if a valid one is in the scenes folder. */
  tour(projectId: string): Promise<TourEntry | undefined>;
  /** Every location (of any project) whose scopes cover `path`. */
  claimants(path: string): Promise<{ projectId: string; location: LocationScopes }[]>;
}

/** How long a scan is trusted before the folder is looked at again. */
const RESCAN_MS = 2_000;

export function createMediaCatalog(scenesDir: string, onProblem: (message: string, fields: Record<string, unknown>) => void): MediaCatalog {
  let tours = new Map<string, TourEntry>();
  const seen = new Map<string, { mtimeMs: number; entry: TourEntry | undefined }>();
  let scannedAt = -Infinity;
  let scanning: Promise<void> | null = null;

  async function scan(): Promise<void> {
    const names = (await readdir(scenesDir).catch(() => [] as string[])).filter((n) => n.endsWith('.json') && n !== 'tour.schema.json');
    const next = new Map<string, TourEntry>();
    for (const name of names) {
      const file = join(scenesDir, name);
      const mtimeMs = await stat(file).then((s) => s.mtimeMs, () => -1);
      let known = seen.get(name);
      if (!known || known.mtimeMs !== mtimeMs) {
        known = { mtimeMs, entry: await readEntry(file, name.slice(0, -'.json'.length)) };
        seen.set(name, known);
      }
      if (known.entry) next.set(known.entry.projectId, known.entry);
    }
    tours = next;
  }

  async function readEntry(file: string, projectId: string): Promise<TourEntry | undefined> {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      onProblem('a tour file cannot be read; its media are served by their folder alone', { file });
      return undefined;
    }
    const parsed = parseTour(json);
    if (parsed.kind !== 'tour') return undefined;
    return { projectId, locations: parsed.tour.locations.map((l) => ({ locationId: l.id, tier: l.tier, scopes: scopesOf(l) })) };
  }

  async function fresh(): Promise<Map<string, TourEntry>> {
    if (performance.now() - scannedAt > RESCAN_MS) {
      scanning ??= scan().finally(() => {
        scannedAt = performance.now();
        scanning = null;
      });
      await scanning;
    }
    return tours;
  }

  return {
    tour: async (projectId) => (await fresh()).get(projectId),
    claimants: async (path) => {
      const found: { projectId: string; location: LocationScopes }[] = [];
      for (const entry of (await fresh()).values()) {
        for (const location of entry.locations) {
          if (location.scopes.some((scope) => (scope.endsWith('/') ? path.startsWith(scope) : path === scope))) found.push({ projectId: entry.projectId, location });
        }
      }
      return found;
    },
  };
}

/**
 * A location's files: the folder of its stream (playlists and segments sit beside it), plus captions and poster
 * kept elsewhere, each as a file scope. A stream at the site root gets a file scope, never "/" (that would gate
 * the whole site). URLs on other hosts are not ours to gate (see docs/deploy.md).
 */
export function scopesOf(location: TourLocation): string[] {
  const scopes = new Set<string>();
  const local = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? posix.normalize(url.split(/[?#]/)[0]!) : undefined);
  const stream = local(location.stream);
  if (stream) {
    const folder = posix.dirname(stream);
    scopes.add(folder === '/' ? stream : `${folder}/`);
  }
  const folderScope = [...scopes].find((s) => s.endsWith('/'));
  for (const url of [...location.captions.map((c) => c.src), ...(location.poster ? [location.poster] : [])]) {
    const path = local(url);
    if (path && !(folderScope && path.startsWith(folderScope))) scopes.add(path);
  }
  return [...scopes];
}
