// Entitled media: who may fetch a gated tour file, a gated location's or backers-only project's playlists,
// segments and captions, and a meet-up's stream. Viewers get short-lived signed cookies (media passes) from
// the pass API with their backer code; the static files and the live routes verify them on every request,
// as a CDN in front can (docs/deploy.md, "Entitled media behind a CDN").
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Project } from '../../protocol';
import type { AccessResolver } from '../access';
import type { RateLimit } from '../rate-limiter';
import type { ServerLog } from '../server-log';
import type { MeetupRecord, MeetupStorage } from '../storage/meetup-storage';
import type { StreamPassCheck } from '../live-hls/live-hls-routes';
import { createMediaCatalog } from './media-catalog';
import { checkMediaCredential, mediaKeyring, type MediaKey } from './media-credential';
import { createMediaGate, normalizedPath, type MediaGate } from './media-gate';
import { createMediaPassApi } from './media-pass-api';

export { isGatedResponse, type MediaGate } from './media-gate';

export interface MediaAccessConfig {
  /** Signing keys, the first signs; several while rotating. Default: one random key per process (one node only). */
  keys: MediaKey[];
  /** How long a pass lasts; the client renews it before then while the page is open. */
  passTtlSeconds: number;
}

export const DEFAULT_MEDIA_PASS_TTL_SECONDS = 600;

export interface MediaAccessOptions {
  config?: Partial<MediaAccessConfig>;
  /** The tour files (scenes/): which paths belong to which project and location. */
  scenesDir: string | undefined;
  projects: { getProject(projectId: string): Promise<Project | undefined> };
  access: AccessResolver;
  meetups?: MeetupStorage;
  onStreamKeyChanged?: (meetup: MeetupRecord) => Promise<void>;
  rateLimit: RateLimit;
  log: ServerLog;
  now?: () => number;
}

export interface MediaAccess {
  /** For the static files: resolves true to serve, false when it has answered (401/403). */
  gate: MediaGate;
  /** The pass API; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** For the live and replay routes: the request's pass for a stream's scope. */
  verifyStream(req: IncomingMessage, scope: string): StreamPassCheck;
}

/** How long a project's visibility is trusted: media requests come every few seconds per viewer. */
const PROJECT_CACHE_MS = 2_000;

export function createMediaAccess(options: MediaAccessOptions): MediaAccess {
  const now = options.now ?? Date.now;
  const keys = options.config?.keys?.length ? options.config.keys : [{ id: 'local', secret: randomBytes(32).toString('base64url') }];
  const keyring = mediaKeyring(keys);
  const ttlSeconds = options.config?.passTtlSeconds ?? DEFAULT_MEDIA_PASS_TTL_SECONDS;
  const catalog = createMediaCatalog(options.scenesDir ?? '/nonexistent', (message, fields) => options.log.warn(message, fields));
  const cached = new Map<string, { at: number; project: Promise<Project | undefined> }>();
  const project = (projectId: string) => {
    const hit = cached.get(projectId);
    if (hit && now() - hit.at < PROJECT_CACHE_MS) return hit.project;
    if (cached.size > 10_000) cached.clear();
    const lookup = options.projects.getProject(projectId);
    cached.set(projectId, { at: now(), project: lookup });
    lookup.catch(() => cached.delete(projectId));
    return lookup;
  };
  return {
    gate: createMediaGate({ catalog, project, keyring, now }),
    handle: createMediaPassApi({
      catalog,
      project,
      access: options.access,
      keyring,
      ttlSeconds,
      rateLimit: options.rateLimit,
      ...(options.meetups ? { meetups: options.meetups } : {}),
      ...(options.onStreamKeyChanged ? { onStreamKeyChanged: options.onStreamKeyChanged } : {}),
      now,
      log: options.log,
    }),
    verifyStream: (req, scope) => {
      const path = normalizedPath(req.url ?? '/') ?? '';
      const check = checkMediaCredential(req.headers.cookie, path.startsWith(scope) ? path : scope, keyring, Math.floor(now() / 1000));
      if (check.ok) return { ok: true };
      if (check.reason === 'missing') return { ok: false, status: 401, code: 'media-pass-needed', message: 'this stream is for those let into the meet-up: get a stream pass first' };
      if (check.reason === 'expired') return { ok: false, status: 403, code: 'media-pass-expired', message: 'the stream pass has expired: get a new one' };
      return { ok: false, status: 403, code: 'media-pass-invalid', message: 'the stream pass is not valid for this stream' };
    },
  };
}

/** Reads `SETVISIT_MEDIA_KEYS` ("id:secret,id:secret", first signs) and `SETVISIT_MEDIA_PASS_TTL` (seconds). */
export function readMediaAccessEnvironment(env: NodeJS.ProcessEnv): Partial<MediaAccessConfig> {
  const config: Partial<MediaAccessConfig> = {};
  const rawKeys = env.SETVISIT_MEDIA_KEYS;
  if (rawKeys) {
    config.keys = rawKeys.split(',').map((pair) => {
      const [id, secret] = [pair.slice(0, pair.indexOf(':')).trim(), pair.slice(pair.indexOf(':') + 1).trim()];
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id) || pair.indexOf(':') < 0) throw new Error('SETVISIT_MEDIA_KEYS must be "id:secret" pairs separated by commas; ids are 1–32 letters, digits, _ or -');
      if (secret.length < 32) throw new Error(`SETVISIT_MEDIA_KEYS: the secret of key "${id}" must be at least 32 characters`);
      return { id, secret };
    });
  }
  const ttl = env.SETVISIT_MEDIA_PASS_TTL;
  if (ttl) {
    const seconds = Number(ttl);
    if (!Number.isInteger(seconds) || seconds < 30 || seconds > 86_400) throw new Error(`SETVISIT_MEDIA_PASS_TTL must be an integer from 30 to 86400 (seconds), got "${ttl}"`);
    config.passTtlSeconds = seconds;
  }
  return config;
}
