// The focus ids and sections of "Watch the set": stable names the shell's Back memory and the tests rely on.
/** Hotspots and on-screen controls: D-pad focus stays inside this section while the overlay shows. */
export const WATCH_OVERLAY = 'watch-overlay';
/** The view itself, focused while the family pans (OK on it shows the overlay). */
export const WATCH_VIEW = 'watch-view';

export const FOCUS = {
  view: 'watch-view',
  back: 'watch-bar-back',
  look: 'watch-look',
  playPause: 'watch-play',
  rewind: 'watch-rewind',
  forward: 'watch-forward',
  sound: 'watch-sound',
  retry: 'watch-media-retry',
  tryThreeD: 'watch-try-3d',
  scrub: 'watch-scrub',
  captions: 'watch-captions',
  hotspot: (locationId: string, index: number) => `watch-hotspot-${locationId}-${index}`,
} as const;
