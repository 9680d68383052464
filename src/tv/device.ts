// Which TV platform a user agent belongs to (the shell choice in src/app/shell-choice.ts asks this first).

export type TvPlatform = 'tizen' | 'webos' | 'androidtv' | 'firetv' | 'hbbtv' | 'stb';

// Order matters: a platform's own marker wins over the generic ones it also carries (an LG set's HbbTV browser
// still says Web0S; a Fire TV says Android; a Freeview box says both HbbTV and SmartTv).
const TIZEN = /\bTizen\b/i;
// Samsung TVs say "SMART-TV" (2016+) or "TV Safari" (2015 engines); Tizen phones and watches say "Mobile".
const TIZEN_TV = /SMART-TV|\bTV Safari/i;
// LG writes "Web0S" with a zero. Palm/HP webOS phones and LuneOS tablets have no SmartTV / NetCast marker.
const WEBOS = /\bWeb0S\b|\bwebOS\b/i;
const WEBOS_TV = /SmartTV|NetCast/i;
// Fire TV models are all AFTx (AFTB, AFTMM, AFTKA, AFTR…); Fire tablets are KFxx and must stay desktop/phone.
const FIRE_TV = /\bAFT[A-Z0-9]/;
const FIRE_TV_HOST = /Android|Silk|AmazonWebAppPlatform/;
// Sony's Vewd browser spells Android "Andr0id".
const ANDROID = /Andr[o0]id/i;
// "SHIELD Android TV", "Google TV", "BRAVIA 4K GB", "Chromecast" (Chromecast with Google TV), Xiaomi "MIBOX".
// Case-sensitive on purpose: a lowercase "tv" inside an Android phone's app token is not a television.
const ANDROID_TV = /\bTV\b|\bATV\b|AndroidTV|GoogleTV|BRAVIA|\bChromecast\b|MIBOX/;
// 2010–2012 Google TV boxes (Logitech Revue) ran Chrome on Linux, not Android.
const GOOGLE_TV = /GoogleTV/;
const HBBTV = /\bHbbTV\/\d/i;
// Everything else that says it is a TV or a set-top box: Sky (Sky_STB_…, Sky_OTT_… on WPE), Deutsche Telekom
// (DT_STB_BCM), YouView, Roku, Philips/Vestel middleware (SmartTvA), Samsung Orsay (Maple, SmartTV), LG NetCast
// before webOS, Toshiba (DTV), Hisense VIDAA, VIZIO SmartCast. 'stb' is the catch-all for TV browsers the shell
// cannot tell apart further; the remote and Back handling is the same for all of them.
const OTHER_TV = /(?:^|[^A-Za-z])STB(?:[^A-Za-z]|$)|Sky_OTT|YouView|\bRoku\b|SmartTvA|SmartTV|SMART-TV|NetCast|\bDTV\b|VIDAA|VIZIO|\bWPE\b/i;

/** The TV platform this user agent comes from, or null for desktops, phones, tablets and headsets. */
export function detectTvPlatform(userAgent: string): TvPlatform | null {
  const ua = userAgent;
  if (TIZEN.test(ua) && TIZEN_TV.test(ua)) return 'tizen';
  if (WEBOS.test(ua) && WEBOS_TV.test(ua)) return 'webos';
  if (FIRE_TV.test(ua) && FIRE_TV_HOST.test(ua)) return 'firetv';
  if ((ANDROID.test(ua) && ANDROID_TV.test(ua)) || GOOGLE_TV.test(ua)) return 'androidtv';
  if (HBBTV.test(ua)) return 'hbbtv';
  if (OTHER_TV.test(ua)) return 'stb';
  return null;
}
