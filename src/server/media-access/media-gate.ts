// The check in front of the static files: a tour file of a project not open to everyone, and the files of a
// backers-only project's or a tier-gated location's media, are served only with a valid credential covering
// their path. Everything is decided before the file system is asked, so a missing file and a gated one answer
// alike to someone without a credential.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { posix } from 'node:path';
import type { Project } from '../../protocol';
import type { MediaRefusalCode } from '../../protocol/media-refusal';
import { sendJson } from '../http/respond';
import { checkMediaCredential, type CredentialCheck, type MediaKeyring } from './media-credential';
import type { MediaCatalog } from './media-catalog';

export type ProjectLookup = (projectId: string) => Promise<Project | undefined>;

/** Answers 401/403 itself and resolves false, or resolves true: serve the file. */
export type MediaGate = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const TOUR_FILE = /^\/scenes\/([^/]+)\.json$/;
const gatedResponses = new WeakSet<ServerResponse>();

export function createMediaGate(options: { catalog: MediaCatalog; project: ProjectLookup; keyring: MediaKeyring; now: () => number }): MediaGate {
  const { catalog, project } = options;
  const isPublic = async (projectId: string) => (await project(projectId))?.visibility === 'public';

  /** Whether `path` needs a credential at all. */
  async function gated(path: string): Promise<boolean> {
    const tourFile = TOUR_FILE.exec(path);
    if (tourFile && tourFile[1] !== 'tour.schema') return !(await isPublic(tourFile[1]!));
    const claimants = await catalog.claimants(path);
    if (claimants.length === 0) return false;
    // A folder shared by an open location and a gated one stays open: the open location would break otherwise
    // (scenes:check cannot see another tour's folders; keep gated media in folders of their own).
    for (const c of claimants) if (!c.location.tier && (await isPublic(c.projectId))) return false;
    return true;
  }

  return async (req, res) => {
    const path = normalizedPath(req.url ?? '/');
    if (path === undefined || !(await gated(path))) return true;
    const check = checkMediaCredential(req.headers.cookie, path, options.keyring, Math.floor(options.now() / 1000));
    if (check.ok) {
      gatedResponses.add(res);
      return true;
    }
    refuse(res, check);
    return false;
  };
}

/** For the static files' cache headers: a gated answer may be kept by the viewer's browser, never by a shared cache. */
export function isGatedResponse(res: ServerResponse): boolean {
  return gatedResponses.has(res);
}

/** The refusal every gated path gives, whatever is (or is not) behind it; its code is one the client maps to a
 * reason it shows (src/protocol/media-refusal.ts). */
export function refuse(res: ServerResponse, check: Extract<CredentialCheck, { ok: false }>): void {
  const answer = (status: number, code: MediaRefusalCode, message: string, headers: Record<string, string> = {}) => sendJson(res, status, { error: { code, message } }, headers);
  if (check.reason === 'missing') {
    answer(401, 'media-pass-needed', 'this file is for entitled viewers: get a media pass with your backer code first', { 'www-authenticate': 'Bearer realm="media-pass"' });
  } else if (check.reason === 'expired') {
    answer(403, 'media-pass-expired', 'the media pass has expired: get a new one');
  } else {
    answer(403, 'media-pass-invalid', 'the media pass is not valid for this file');
  }
}

/** The path as the static files will resolve it ("/a/../b" is "/b"); undefined when it cannot be decoded. */
export function normalizedPath(url: string): string | undefined {
  try {
    return posix.normalize(decodeURIComponent(url.split('?')[0]!.split('#')[0]!));
  } catch {
    return undefined;
  }
}
