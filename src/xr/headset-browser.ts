// Whether the page runs in a headset's own browser, so SetVisit opens on the Enter VR page there. By user agent:
// asking `isSessionSupported('immersive-vr')` would also say yes on desktops with a PC-VR runtime, where the
// family wants the desktop tour. Vision Pro's Safari reads as a Mac: it gets the desktop shell, whose Enter VR
// (shown where immersive-vr is offered) switches to the XR shell; ?mode=xr opens it directly.
const HEADSET_BROWSERS = [/OculusBrowser\//, /PicoBrowser\//, /\bWolvic\//, /\bQuest \d/, /Android XR/i];

export function isHeadsetBrowser(userAgent: string): boolean {
  return HEADSET_BROWSERS.some((pattern) => pattern.test(userAgent));
}
