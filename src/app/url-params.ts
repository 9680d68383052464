// The URL parameters other programs rely on (?mode, ?project, ?lang), parsed in one place; also ?mode=host (the
// operator's meet-up console), ?meetup=<id> (opens that meet-up in the desktop shell) and ?hls=js|native (the
// engine every media session uses where the browser has both).
import { readEnginePreference, type EnginePreference } from '../media/engine-preference';

export type ShellMode = 'tv' | 'xr' | 'desktop';

export const DEFAULT_PROJECT_ID = 'lantern-keeper';

export interface LaunchParams {
  /** Undefined when the URL does not force a shell; device detection decides. */
  mode: ShellMode | undefined;
  projectId: string;
  /** ?mode=host: the host console instead of an audience shell. */
  hostConsole: boolean;
  /** ?meetup=<id>: open this meet-up directly. */
  meetupId: string | undefined;
  /** ?hls=js|native: passed to the media sessions (and tour players) the page makes; `auto` without it. */
  hls: EnginePreference;
}

export function readLaunchParams(search: string): LaunchParams {
  const params = new URLSearchParams(search);
  const mode = params.get('mode');
  return {
    mode: mode === 'tv' || mode === 'xr' || mode === 'desktop' ? mode : undefined,
    projectId: params.get('project') || DEFAULT_PROJECT_ID,
    hostConsole: mode === 'host',
    meetupId: params.get('meetup') || undefined,
    hls: readEnginePreference(search),
  };
}
