// The desktop and phone shell's own strings (player controls, milestone arrivals, caption placement, the offline
// retry), in both languages: only that shell shows them, so they come with its chunk (registered by
// src/shells/desktop/DesktopShell.tsx) and stay off the TV's first screen, which has a byte budget.
import type { Language } from '../protocol';

export const desktopEn = {
  'player.controls': 'Player controls',
  'player.play': 'Play',
  'player.pause': 'Pause',
  'player.timeline': 'Timeline',
  'player.timelineValue': '{current} of {duration}',
  'player.liveValue': '{behind} behind live',
  'player.atLive': 'At the live edge',
  'player.live': 'Live',
  'player.goLive': 'Go to live',
  'player.fullscreen': 'Full screen',
  'player.exitFullscreen': 'Exit full screen',
  'player.resetView': 'Reset view',
  'player.resetViewDirection': 'Reset view (now facing {degrees}° {side})',
  'player.left': 'left',
  'player.right': 'right',
  'player.keys': 'Space or K: play or pause · J / L: 10 s back or on · F: full screen · R: reset view',
  'view.hintTouch': 'Swipe to look around',
  'captions.moveUp': 'Captions to the top',
  'captions.moveDown': 'Captions to the bottom',
  'milestones.arrived': 'New from the set: {title}',
  'milestones.arrivedMore': '+{count} more',
  'media.offlineWillRetry': 'This device is offline. The video starts again by itself when the connection is back.',
} as const;

export type DesktopKey = keyof typeof desktopEn;

const desktopZhCN: Record<DesktopKey, string> = {
  'player.controls': '播放控制',
  'player.play': '播放',
  'player.pause': '暂停',
  'player.timeline': '进度条',
  'player.timelineValue': '{current} / {duration}',
  'player.liveValue': '落后直播 {behind}',
  'player.atLive': '正在直播最新画面',
  'player.live': '直播',
  'player.goLive': '回到直播',
  'player.fullscreen': '全屏',
  'player.exitFullscreen': '退出全屏',
  'player.resetView': '重置视角',
  'player.resetViewDirection': '重置视角（当前向{side} {degrees}°）',
  'player.left': '左',
  'player.right': '右',
  'player.keys': '空格或 K：播放/暂停 · J / L：后退/前进 10 秒 · F：全屏 · R：重置视角',
  'view.hintTouch': '滑动画面环顾四周',
  'captions.moveUp': '字幕移到上方',
  'captions.moveDown': '字幕移到下方',
  'milestones.arrived': '片场最新：{title}',
  'milestones.arrivedMore': '还有 {count} 条',
  'media.offlineWillRetry': '设备已离线。网络恢复后视频会自动重新播放。',
};

export const DESKTOP_MESSAGES: Record<Language, Record<DesktopKey, string>> = { en: desktopEn, 'zh-CN': desktopZhCN };
