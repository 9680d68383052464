// Which engine a person asked for: `?hls=js|native` (tests, and people comparing the two). Its own module with no
// imports, so the page's URL parsing (app/url-params.ts) reads it without pulling in the player.

/** `auto`: the policy (playback-engine.ts); `hls.js` / `native`: that engine wherever the browser has it. */
export type EnginePreference = 'auto' | 'hls.js' | 'native';

/** The `?hls=js|native` override; anything else is `auto`. */
export function readEnginePreference(search: string): EnginePreference {
  const value = new URLSearchParams(search).get('hls');
  return value === 'js' || value === 'hls.js' ? 'hls.js' : value === 'native' ? 'native' : 'auto';
}
