// Keeps the last known state of each project in the browser, so a TV switched on without network still shows
// its project — marked with the age of what it shows. Corrupt entries are dropped, never trusted.
import { ProjectSnapshot, describeIssues, summarizeIssues } from '../protocol';
import type { Logger } from './logger';
import type { ProjectData } from '../protocol/project-state';

export interface CachedProject {
  data: ProjectData;
  /** When the cached state was current (ms since epoch). */
  savedAt: number;
}

export interface SnapshotCache {
  load(projectId: string): CachedProject | undefined;
  save(projectId: string, entry: CachedProject): void;
}

const keyOf = (projectId: string) => `setvisit:project:v1:${projectId}`;

/** A cache in `localStorage` (or any Web Storage); without one it remembers nothing. */
export function createSnapshotCache(storage: Storage | undefined, logger: Logger): SnapshotCache {
  return {
    load(projectId) {
      if (!storage) return undefined;
      let raw: string | null;
      try {
        raw = storage.getItem(keyOf(projectId));
      } catch {
        return undefined; // storage disabled (private mode, some TVs)
      }
      if (raw === null) return undefined;
      try {
        const parsed = JSON.parse(raw) as { savedAt?: unknown; snapshot?: unknown };
        const snapshot = ProjectSnapshot.safeParse(parsed.snapshot);
        if (typeof parsed.savedAt !== 'number' || !snapshot.success || snapshot.data.project.id !== projectId) {
          const reason = snapshot.success ? 'savedAt or project id is wrong' : summarizeIssues(describeIssues(snapshot.error));
          throw new Error(reason);
        }
        return { data: snapshot.data, savedAt: parsed.savedAt };
      } catch (err) {
        logger.warn('cache: dropped an unreadable saved project', { projectId, reason: err instanceof Error ? err.message : String(err) });
        storage.removeItem(keyOf(projectId));
        return undefined;
      }
    },
    save(projectId, entry) {
      if (!storage) return;
      try {
        storage.setItem(keyOf(projectId), JSON.stringify({ savedAt: entry.savedAt, snapshot: entry.data }));
      } catch (err) {
        // Quota exceeded or storage disabled: the live view is unaffected, only the offline fallback is.
        logger.warn('cache: could not save the project', { projectId, reason: String(err) });
      }
    },
  };
}
