// The few TV vendor APIs SetVisit calls (Samsung Tizen, LG webOS, the OIPF application manager of HbbTV sets and
// operator boxes), typed minimally and every member optional:
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

/**
 * `PalmSystem`, which the webOS runtime puts into every page of a packaged web app (not into the TV's browser):
 * its `platformBack` is what webOSTV.js's `webOS.platformBack` calls, there even when webOSTV.js is not loaded
 * (SetVisit's packaged app opens the hosted page, which does not load it).
 */
export interface PalmSystemApi {
  platformBack?(): void;
}

/** OIPF DAE 7.2.5 `Keyset`: which key groups this application receives (HbbTV gives none until asked). */
export interface OipfKeyset {
  /** Asks for the keys in `mask`; the terminal grants what it can (and may throw on keys it never grants). */
  setValue?(mask: number): void;
  /** The granted mask, read back after `setValue`. */
  value?: number;
  /** Every key group this terminal could grant; asking for more is refused by some firmware. */
  maximumValue?: number;
}

/** OIPF DAE 7.2.2 `Application`, as much of it as SetVisit calls. */
export interface OipfApplication {
  privateData?: { keyset?: OipfKeyset };
  /** Makes the application visible; HbbTV may start it hidden. */
  show?(): void;
}

/** The `<object type="application/oipfApplicationManager">` element once the terminal has bound it. */
export interface OipfApplicationManager {
  getOwnerApplication?(document: Document): OipfApplication | null;
}

/** A window that may carry the vendor globals. `Window` fits it, and so does a test's plain object. */
export interface TvPlatformWindow {
  tizen?: TizenApi;
  webOS?: WebOsApi;
  PalmSystem?: PalmSystemApi;
}

// On a TV the vendor globals are real members of `window`; declaring them lets the shell pass `window` as is.
declare global {
  interface Window {
    tizen?: TizenApi;
    webOS?: WebOsApi;
    PalmSystem?: PalmSystemApi;
  }
}
