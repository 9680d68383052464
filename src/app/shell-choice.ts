// Which shell the page opens: ?mode= when the URL forces one, else the device (a TV, a headset browser, or the
// desktop/phone shell). The entry asks once, with the launch parameters it has already parsed.
import { detectTvPlatform } from '../tv/device';
import type { ShellMode } from './url-params';

export interface ShellChoiceInput {
  /** The launch parameters' `mode`: `?mode=tv|xr|desktop` overrides detection (a TV shell on a laptop, and back). */
  mode: ShellMode | undefined;
  userAgent: string;
  /** Whether this browser is known to offer immersive-vr (a headset browser). */
  immersiveVrSupported?: boolean;
}

export function chooseShell({ mode, userAgent, immersiveVrSupported = false }: ShellChoiceInput): ShellMode {
  if (mode) return mode;
  if (detectTvPlatform(userAgent)) return 'tv';
  return immersiveVrSupported ? 'xr' : 'desktop';
}
