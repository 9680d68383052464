// What the headset entry says where VR cannot start, in both languages: why (no WebXR in this browser, or WebXR
// but no headset found) and what to do instead. Only the XR shell's entry card shows them, so they come with its
// chunk (registered by src/shells/xr/support-message.ts) and stay off the TV's first screen, which has a byte budget.
import type { Language } from '../protocol';

export const xrEntryEn = {
  'xr.noWebXr': 'This browser has no WebXR, so it cannot start VR. Look around the set in the 360° view here instead, or open this page in a headset’s browser (Meta Quest, Pico, Apple Vision Pro, Android XR).',
  'xr.noHeadset': 'This browser can start VR but finds no headset. Connect your headset and start its VR app (SteamVR, Quest Link or Air Link): Enter VR lights up by itself. Or look around in the 360° view here.',
  'xr.open360': 'Open the 360° view',
} as const;

export type XrEntryKey = keyof typeof xrEntryEn;

const xrEntryZhCN: Record<XrEntryKey, string> = {
  'xr.noWebXr': '此浏览器不支持 WebXR，无法进入 VR。可以在这里用 360° 视图参观片场，或在头显的浏览器（Meta Quest、Pico、Apple Vision Pro、Android XR）中打开本页。',
  'xr.noHeadset': '此浏览器支持 VR，但没有找到头显。请连接头显并启动它的 VR 应用（SteamVR、Quest Link 或 Air Link），“进入 VR”会自动变为可用。也可以在这里用 360° 视图参观。',
  'xr.open360': '打开 360° 视图',
};

export const XR_ENTRY_MESSAGES: Record<Language, Record<XrEntryKey, string>> = { en: xrEntryEn, 'zh-CN': xrEntryZhCN };
