// What the installed TV apps consist of: the webOS appinfo.json, the Tizen config.xml and the small launcher page
// both open first, which hands over to the hosted SetVisit.
import { TV_APP_DEFAULTS, type TvAppOptions } from './options';

export const TIZEN_PRIVILEGES = [
  'http://tizen.org/privilege/internet',
  // Without it registerKeyBatch is refused and only arrows, Enter and Return reach the page.
  'http://tizen.org/privilege/tv.inputdevice',
] as const;

/** Icon sizes the stores ask for: webOS 80×80 and 130×130, Tizen TV 512×423. */
export const ICONS = {
  webosIcon: { file: 'icon.png', width: 80, height: 80 },
  webosLargeIcon: { file: 'largeIcon.png', width: 130, height: 130 },
  tizenIcon: { file: 'icon.png', width: 512, height: 423 },
} as const;

export const TIZEN_APP_NAME = 'SetVisit';

export function webosAppInfo(options: TvAppOptions): Record<string, unknown> {
  return {
    id: options.webosAppId,
    version: options.version,
    vendor: TV_APP_DEFAULTS.vendor,
    type: 'web',
    main: 'index.html',
    title: TV_APP_DEFAULTS.title,
    icon: ICONS.webosIcon.file,
    largeIcon: ICONS.webosLargeIcon.file,
    bgColor: '#0b0d12',
    resolution: '1920x1080',
    // Back reaches the app as the key (keyCode 461) and the app alone acts on it: an open overlay closes first,
    // a screen goes back, home asks before leaving through webOS's platformBack. With the runtime's own
    // history.back() on as well, Back would leave the watch screen with its overlay still open.
    disableBackHistoryAPI: true,
  };
}

const xmlEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function tizenConfigXml(options: TvAppOptions): string {
  const origin = options.server.origin;
  const privileges = TIZEN_PRIVILEGES.map((name) => `  <tizen:privilege name="${name}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<widget xmlns="http://www.w3.org/ns/widgets" xmlns:tizen="http://tizen.org/ns/widgets" id="${xmlEscape(`${origin}/${TIZEN_APP_NAME}`)}" version="${options.version}" viewmodes="maximized">
  <tizen:application id="${options.tizenPackage}.${TIZEN_APP_NAME}" package="${options.tizenPackage}" required_version="${TV_APP_DEFAULTS.tizenRequiredVersion}"/>
  <tizen:profile name="tv-samsung"/>
  <name>${xmlEscape(TV_APP_DEFAULTS.title)}</name>
  <icon src="${ICONS.tizenIcon.file}"/>
  <!-- The launcher page hands over to the hosted app at once (location.replace, so Back never returns to it). -->
  <content src="index.html"/>
  <tizen:metadata key="setvisit.url" value="${xmlEscape(options.server.href)}"/>
  <access origin="${xmlEscape(origin)}" subdomains="false"/>
  <tizen:allow-navigation>${xmlEscape(options.server.host)}</tizen:allow-navigation>
${privileges}
  <feature name="http://tizen.org/feature/screen.size.all"/>
  <!-- Landscape only; no background running (a paused visit holds no stream); hardware keys delivered to the page. -->
  <tizen:setting screen-orientation="landscape" context-menu="disable" background-support="disable" encryption="disable" install-location="auto" hwkey-event="enable"/>
</widget>
`;
}

const htmlEscape = xmlEscape;

/**
 * The page the installed app opens: says in both languages what is happening, then replaces itself with the
 * hosted SetVisit. If the TV is offline the platform's own error page follows, naming the address.
 */
export function launcherHtml(options: TvAppOptions): string {
  const href = options.server.href;
  // JSON is a valid JS string literal; '<' is escaped so nothing in the URL can close the script element.
  const literal = JSON.stringify(href).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${htmlEscape(TV_APP_DEFAULTS.title)}</title>
<style>html,body{margin:0;height:100%;background:#0b0d12;color:#f4f6fb;font:36px/1.4 sans-serif}body{display:flex;flex-direction:column;align-items:center;justify-content:center}small{color:#c9cfdb;font-size:24px}</style>
</head>
<body>
<p>Opening SetVisit…<br>正在打开 SetVisit…</p>
<small>${htmlEscape(options.server.host)}</small>
<script>location.replace(${literal});</script>
</body>
</html>
`;
}
