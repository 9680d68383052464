// The few TV vendor APIs SetVisit calls (Samsung Tizen, LG webOS), typed minimally and every member optional:
// each may be missing on a given set or firmware, so callers feature-detect instead of trusting the platform name.

/** Tizen's WebAPIException, as much of it as we log. */
export interface TizenError {
  name?: string;
  message?: string;
}

/** `tizen.tvinputdevice`: keys other than arrows, Enter and Back reach the page only once registered. */
export interface TizenTvInputDevice {
  /** Throws (e.g. InvalidValuesError) when this set's remote has no such key. */
  registerKey?(keyName: string): void;
  /** Tizen 2.4+. Reports failure through `onError`, or throws on malformed arguments. */
  registerKeyBatch?(keyNames: string[], onSuccess?: () => void, onError?: (error: TizenError) => void): void;
}

export interface TizenApplication {
  getCurrentApplication(): { exit(): void };
}

export interface TizenApi {
  tvinputdevice?: TizenTvInputDevice;
  application?: TizenApplication;
}

/** `webOS` comes from webOSTV.js, which the packaged app loads; absent in a plain browser. */
export interface WebOsApi {
  /** Hands control back to the TV the way the platform's own Back would (webOS TV 6+ exit path). */
  platformBack?(): void;
}

/** A window that may carry the vendor globals. `Window` fits it, and so does a test's plain object. */
export interface TvPlatformWindow {
  tizen?: TizenApi;
  webOS?: WebOsApi;
}

// On a TV the vendor globals are real members of `window`; declaring them lets the shell pass `window` as is.
declare global {
  interface Window {
    tizen?: TizenApi;
    webOS?: WebOsApi;
  }
}
