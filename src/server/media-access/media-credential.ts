// Signed, expiring media credentials in the form CDNs verify at the edge: a policy (path scope, expiry, key id)
// and an HMAC-SHA256 over it, carried in a cookie scoped to the same path, so hls.js, the browser's own HLS and
// caption tracks send it by themselves on same-origin requests and no token ever sits in a URL.
//
// Cookie value (the layout of Akamai's EdgeAuth tokens, plus a key id for rotation):
//   exp=<unix seconds>~acl=<path scope>~kid=<key id>~hmac=<hex HMAC-SHA256(secret, "exp=…~acl=…~kid=…")>
// A scope ending in "/" covers every path under it; otherwise it covers that one path.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MEDIA_COOKIE = 'setvisit_media';

export interface MediaKey {
  /** Short, public: names the secret in the credential so a verifier can pick it (rotation). */
  id: string;
  secret: string;
}

/** The first key signs; every key verifies, so a new key can be rolled out before the old one is retired. */
export interface MediaKeyring {
  signing: MediaKey;
  verifying: ReadonlyMap<string, string>;
}

export function mediaKeyring(keys: readonly MediaKey[]): MediaKeyring {
  if (keys.length === 0) throw new Error('a media keyring needs at least one key');
  return { signing: keys[0]!, verifying: new Map(keys.map((k) => [k.id, k.secret])) };
}

export interface MediaPolicy {
  /** Path scope: "/media/monitor/" (a folder) or "/scenes/crew-cut.json" (one file). */
  scope: string;
  /** Unix seconds after which the credential is refused. */
  expiresAt: number;
}

const SCOPE = /^\/[A-Za-z0-9._~\-/%]*$/;

export function signMediaCredential(policy: MediaPolicy, keyring: MediaKeyring): string {
  if (!SCOPE.test(policy.scope)) throw new Error(`a media scope must be a plain absolute path, got "${policy.scope}"`);
  const body = `exp=${Math.floor(policy.expiresAt)}~acl=${policy.scope}~kid=${keyring.signing.id}`;
  return `${body}~hmac=${hmac(keyring.signing.secret, body)}`;
}

export type CredentialCheck =
  | { ok: true; policy: MediaPolicy }
  /** No credential covers the path: none sent, or only ones for other paths. */
  | { ok: false; reason: 'missing' }
  /** A genuine credential for this path, past its expiry. */
  | { ok: false; reason: 'expired' }
  /** Something that claims to cover the path but was not signed by a known key as it reads. */
  | { ok: false; reason: 'invalid' };

/**
 * Checks the credentials a request carries against one path (already decoded and normalized). The best outcome
 * wins: one valid credential is enough; otherwise an expired genuine one says "expired", a forged one "invalid".
 */
export function checkMediaCredential(cookieHeader: string | undefined, path: string, keyring: MediaKeyring, nowSeconds: number): CredentialCheck {
  let outcome: CredentialCheck = { ok: false, reason: 'missing' };
  for (const value of cookieValues(cookieHeader, MEDIA_COOKIE)) {
    const parsed = parseCredential(value);
    if (!parsed) {
      outcome = worse(outcome, 'invalid');
      continue;
    }
    if (!covers(parsed.scope, path)) continue;
    const secret = keyring.verifying.get(parsed.kid);
    if (!secret || !safeEqual(parsed.mac, hmac(secret, parsed.body))) {
      outcome = worse(outcome, 'invalid');
      continue;
    }
    if (parsed.expiresAt <= nowSeconds) {
      outcome = outcome.ok ? outcome : { ok: false, reason: 'expired' };
      continue;
    }
    return { ok: true, policy: { scope: parsed.scope, expiresAt: parsed.expiresAt } };
  }
  return outcome;
}

/** Whether a scope covers a path: a folder scope every path under it, a file scope that path alone. */
export function covers(scope: string, path: string): boolean {
  return scope.endsWith('/') ? path.startsWith(scope) : path === scope;
}

/** A Set-Cookie value for one credential, scoped to its path; `maxAgeSeconds` 0 clears it. */
export function mediaCookie(value: string, scope: string, maxAgeSeconds: number, secure: boolean): string {
  return `${MEDIA_COOKIE}=${value}; Path=${scope}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

function worse(current: CredentialCheck, reason: 'invalid'): CredentialCheck {
  // "expired" (a genuine credential) is more useful to the viewer than "invalid"; keep it if already seen.
  return current.ok || (!current.ok && current.reason === 'expired') ? current : { ok: false, reason };
}

interface ParsedCredential {
  body: string;
  mac: string;
  scope: string;
  kid: string;
  expiresAt: number;
}

const CREDENTIAL = /^(exp=(\d{1,12})~acl=(\/[A-Za-z0-9._~\-/%]*)~kid=([A-Za-z0-9_-]{1,32}))~hmac=([0-9a-f]{64})$/;

function parseCredential(value: string): ParsedCredential | undefined {
  const match = CREDENTIAL.exec(value);
  if (!match) return undefined;
  return { body: match[1]!, expiresAt: Number(match[2]), scope: match[3]!, kid: match[4]!, mac: match[5]! };
}

function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    values.push(part.slice(eq + 1).trim());
  }
  return values;
}

function hmac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
