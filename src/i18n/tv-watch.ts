// The strings of "Watch the set" on the TV (the watch screen and the meet-up stage's player controls), in both
// languages: only those lazily loaded screens show them, so they come with their chunks (registered by
// src/shells/tv/watch/WatchScreen.tsx and src/shells/tv/meetup/TvMeetupStage.tsx) and stay off the TV's first
// screen, which has a byte budget (test/tv/tv-build.test.ts).
import type { Language } from '../protocol';

export const tvWatchEn = {
  'watch.empty': 'This project has no set tour yet.',
  'watch.lookAround': 'Look around',
  'watch.play': 'Play',
  'watch.pause': 'Pause',
  'watch.rewind': '−10 s',
  'watch.rewindLabel': 'Back 10 seconds',
  'watch.forward': '+10 s',
  'watch.forwardLabel': 'Forward 10 seconds',
  'watch.hint': 'Hold the arrows to look around · OK shows the places to go and the controls',
  'watch.hintOverlay': 'Arrows move between places and controls · OK selects · Back returns',
  'watch.view360': '360° view',
  'watch.viewFlat': 'Flat view',
  'watch.switched': 'This TV did not seem to show the video in 3D, so SetVisit switched to the flat view. It opens that way for the next few visits, then checks again; "Try the 3D view" in the controls (OK) tries it now.',
  'watch.tryThreeD': 'Try the 3D view',
  'watch.position': 'Position in the footage (Left and Right seek 10 seconds)',
  'watch.captionsTop': 'Captions: top',
  'watch.captionsBottom': 'Captions: bottom',
  'watch.label': 'Watching {location}',
} as const;

export type TvWatchKey = keyof typeof tvWatchEn;

const tvWatchZhCN: Record<TvWatchKey, string> = {
  'watch.empty': '这个项目还没有片场导览。',
  'watch.lookAround': '环顾四周',
  'watch.play': '播放',
  'watch.pause': '暂停',
  'watch.rewind': '−10 秒',
  'watch.rewindLabel': '后退 10 秒',
  'watch.forward': '+10 秒',
  'watch.forwardLabel': '前进 10 秒',
  'watch.hint': '按住方向键环顾四周 · 按确认键显示可前往的地点和播放控制',
  'watch.hintOverlay': '方向键在地点和控制之间移动 · 确认键选择 · 返回键返回',
  'watch.view360': '360° 视图',
  'watch.viewFlat': '平面视图',
  'watch.switched': '这台电视似乎无法以 3D 显示视频，SetVisit 已切换到平面视图。接下来几次会以平面视图打开，之后再检查一次；按确认键打开控制栏，选"试试 3D 视图"可立即再试。',
  'watch.tryThreeD': '试试 3D 视图',
  'watch.position': '播放位置（左右键前后跳 10 秒）',
  'watch.captionsTop': '字幕：顶部',
  'watch.captionsBottom': '字幕：底部',
  'watch.label': '正在观看：{location}',
};

export const TV_WATCH_MESSAGES: Record<Language, Record<TvWatchKey, string>> = { en: tvWatchEn, 'zh-CN': tvWatchZhCN };
