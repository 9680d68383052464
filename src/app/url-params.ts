// The launch: every URL parameter the app reads, parsed once by the entry (src/app/early-start.ts) and passed down
// (to the shells through AppServices.launch), so no other module needs to read `location.search`.
// Contract parameters other programs rely on: ?mode, ?project, ?lang. Also ?mode=host (the operator's meet-up
// console), ?mode=pair (the phone page that pairs with a TV; the code in the fragment, `#pair=`), ?meetup=<id> (opens that meet-up), ?tv360=flat|webgl (the TV's 360 view), ?stats=1 (media metrics
// overlay) and ?hls=js|native (the playback engine, for tests and people comparing the two).
import { readEnginePreference, type EnginePreference } from '../media/engine-preference';

export type ShellMode = 'tv' | 'xr' | 'desktop';
/** `?tv360=`: force the flat view, or try the WebGL sphere again (forgetting a remembered fallback). */
export type Tv360Request = 'flat' | 'webgl';

export const DEFAULT_PROJECT_ID = 'lantern-keeper';

export interface LaunchParams {
  /** Undefined when the URL does not force a shell; device detection decides. */
  mode: ShellMode | undefined;
  projectId: string;
  /** ?mode=host: the host console instead of an audience shell. */
  hostConsole: boolean;
  /** ?mode=pair: the phone page that pairs with a TV (src/shells/desktop/pairing) instead of a shell. */
  phonePairing: boolean;
  /** ?meetup=<id>: open this meet-up directly. */
  meetupId: string | undefined;
  /** ?lang= as written (the translator matches it against what it ships), undefined when absent. */
  language: string | undefined;
  tv360: Tv360Request | undefined;
  /** ?stats=1: the media metrics overlay. */
  stats: boolean;
  /** ?hls=js|native: passed to the media sessions (and tour players) the page makes; `auto` without it. */
  hls: EnginePreference;
}

/**
 * The way home from a page that cannot show its project (a wrong link): the app's start page, keeping the
 * language and a forced shell, dropping the project and meet-up. Relative, so it works under any origin.
 */
export function homeHref(launch: Pick<LaunchParams, 'mode' | 'language'>): string {
  const home = new URLSearchParams();
  if (launch.mode) home.set('mode', launch.mode);
  if (launch.language) home.set('lang', launch.language);
  const query = home.toString();
  return query ? `./?${query}` : './';
}

export function readLaunchParams(search: string): LaunchParams {
  const params = new URLSearchParams(search);
  const mode = params.get('mode');
  const tv360 = params.get('tv360');
  return {
    mode: mode === 'tv' || mode === 'xr' || mode === 'desktop' ? mode : undefined,
    projectId: params.get('project') || DEFAULT_PROJECT_ID,
    hostConsole: mode === 'host',
    phonePairing: mode === 'pair',
    meetupId: params.get('meetup') || undefined,
    language: params.get('lang') || undefined,
    tv360: tv360 === 'flat' || tv360 === 'webgl' ? tv360 : undefined,
    stats: params.get('stats') === '1',
    hls: readEnginePreference(search),
  };
}
