// TV focus: one spatial focus for the whole TV shell, moved by the D-pad, by hover, and restored after Back.
//
// Why our own manager and not @noriginmedia/norigin-spatial-navigation: norigin adds +15.5 KB gz
// (STACK.md, measured with Vite 8) to a TV first screen that is already ~100 KB of the 120 KB budget before any
// product code; this manager is 1.5 KB gz, 1.9 KB with its React hook (esbuild --minify | gzip -9; norigin measured
// the same way, React external: 17.9 KB). It also measures every rect once per layout change instead of on each key
// press (norigin #40) — plus one read of the newly focused element, to catch the scroll its focus caused — and never
// leaves focus on nothing (norigin #176, PR #93).
//
// API (framework-free core, `createFocusManager`):
//   register({ id, element, section?, onSelect? }) → unregister   element: anything with getBoundingClientRect/focus
//   setFocus(id) · move('up'|'down'|'left'|'right') · select() (OK) · current()
//   defineSection(name, { rememberLast, rows }) · focusSection(name) · setScope(name|null) (dialogs trap the D-pad)
//   remember(screenKey) / restore(screenKey): focus memory per screen, for Back
//   invalidateLayout(): content moved without a resize/scroll (both are watched via `layoutEvents`)
//   reassert(): put DOM focus back on the current item · subscribe(listener) · measurements (rect reads so far)
// React binding (src/shells/tv/useFocusable.ts): <FocusProvider manager>, useFocusManager(), and
//   const { props, focused } = useFocusable(id, { section, onSelect }); <button {...props}>…</button>
// The shell owns the key handling (arrows → move, OK → select, Back → back stack); a screen that wants keys first
// (the 360 view panning on held arrows) registers a handler with the shell's key router.
export { createFocusManager } from './focus-manager';
export type { FocusManager, FocusManagerOptions, FocusableElement, FocusableRegistration, SectionOptions, LayoutEvents } from './focus-manager';
export { directionalScore, nearestInDirection, nearestInNextRow, readingOrder } from './spatial-geometry';
export type { FocusDirection, FocusRect, FocusCandidate } from './spatial-geometry';
