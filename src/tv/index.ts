// TV capability: remote keys, Tizen key registration, TV detection and shell choice, the Back stack and exit, pointer vs 5-way mode — framework-free, no DOM work at import, small enough for the TV's first screen.
export { remoteActionOf, isArrow, TIZEN_KEY_NAMES } from './remote-keys';
export type { RemoteAction, RemoteCommand, RemoteKeyEvent, Digit } from './remote-keys';
export { registerTizenKeys } from './tizen-keys';
export type { TizenKeyRegistration } from './tizen-keys';
export { detectTvPlatform, chooseShell } from './device';
export type { TvPlatform, ShellChoiceInput } from './device';
export { createBackStack } from './back-stack';
export type { BackStack, BackStackOptions, BackStackWindow, BackOrigin } from './back-stack';
export { exitApp } from './app-exit';
export type { ExitPath, ExitWindow } from './app-exit';
export { createPointerMode } from './pointer-mode';
export type { PointerMode, RemoteInputMode, PointerModeTarget } from './pointer-mode';
export type { TizenApi, WebOsApi, TvPlatformWindow } from './platform-apis';
