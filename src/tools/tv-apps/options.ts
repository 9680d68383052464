// The packager's settings: parsed from the command line, checked before anything is written, defaults in one place.

export class TvAppsUsageError extends Error {
  override name = 'TvAppsUsageError';
}

export interface TvAppOptions {
  /** The hosted SetVisit the apps open, as given (`https://visit.example.org/`); `?mode=tv` is added to it. */
  server: URL;
  /** Where the packages go. */
  outDir: string;
  /** webOS app id (lowercase reverse-domain). */
  webosAppId: string;
  /** Tizen package id: exactly 10 letters or digits; the app id is `<package>.SetVisit`. */
  tizenPackage: string;
  /** x.y.z, shared by both packages. */
  version: string;
}

export const TV_APP_DEFAULTS = {
  outDir: 'dist-tv',
  webosAppId: 'org.setvisit.tv',
  tizenPackage: 'SetVisitTV',
  title: 'SetVisit',
  vendor: 'SetVisit',
  /** Tizen 4.0 = the 2018 sets, the oldest SetVisit serves. */
  tizenRequiredVersion: '4.0',
} as const;

export const USAGE = 'usage: npm run package:tv -- --server <https://your-setvisit-host/> [--out dist-tv] [--webos-id org.setvisit.tv] [--tizen-package SetVisitTV]';

/**
 * The URL the TV apps open: http or https only, no credentials (they would sit in every installed app), no
 * fragment; `mode=tv` set, other query parameters (e.g. `project`) kept.
 */
export function parseServerUrl(raw: string | undefined): URL {
  if (!raw) throw new TvAppsUsageError(`--server is required: the address of the hosted SetVisit the TV apps open.\n${USAGE}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TvAppsUsageError(`--server "${raw}" is not a URL: give the full address, e.g. https://visit.example.org/`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TvAppsUsageError(`--server "${raw}" must be an http:// or https:// address (got ${url.protocol})`);
  }
  if (url.username || url.password) {
    throw new TvAppsUsageError('--server must not carry a user name or password: the URL is readable in every installed app');
  }
  if (url.hash) throw new TvAppsUsageError(`--server "${raw}" must not have a #fragment`);
  url.searchParams.set('mode', 'tv');
  return url;
}

// LG: lowercase letters, digits, '.', '-', '+'; not in the platform's own namespaces.
const WEBOS_ID = /^[a-z0-9][a-z0-9.+-]{1,}$/;
const WEBOS_RESERVED = /^(com\.palm|com\.webos|com\.lge|com\.palmdts)(\.|$)/;
const TIZEN_PACKAGE = /^[A-Za-z0-9]{10}$/;

export function parseTvAppArgs(argv: readonly string[], version: string): TvAppOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const [name, inline] = flag.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!['--server', '--out', '--webos-id', '--tizen-package'].includes(name)) throw new TvAppsUsageError(`unknown option ${flag}\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new TvAppsUsageError(`${name} needs a value\n${USAGE}`);
    values.set(name, value);
  }
  const webosAppId = values.get('--webos-id') ?? TV_APP_DEFAULTS.webosAppId;
  if (!WEBOS_ID.test(webosAppId) || WEBOS_RESERVED.test(webosAppId)) {
    throw new TvAppsUsageError(`--webos-id "${webosAppId}": lowercase letters, digits, '.', '-' or '+', not under com.palm, com.webos or com.lge`);
  }
  const tizenPackage = values.get('--tizen-package') ?? TV_APP_DEFAULTS.tizenPackage;
  if (!TIZEN_PACKAGE.test(tizenPackage)) throw new TvAppsUsageError(`--tizen-package "${tizenPackage}" must be exactly 10 letters or digits`);
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new TvAppsUsageError(`the app version "${version}" must be x.y.z`);
  return {
    server: parseServerUrl(values.get('--server')),
    outDir: values.get('--out') ?? TV_APP_DEFAULTS.outDir,
    webosAppId,
    tizenPackage,
    version,
  };
}
