// The strings of the TV's meet-up screen (its room, question picker, backer-code keypad, reactions bar), in both
// languages: only that lazily loaded screen shows them, so they come with its chunk (registered by
// src/shells/tv/meetup/MeetupScreen.tsx) and stay off the TV's first screen, which has a byte budget. The list's
// failure message, which the first screen's meet-up host shows, and the replay's counted line stay in en.ts.
import type { Language } from '../protocol';

export const tvMeetupEn = {
  'tv.meetup.list.empty.title': 'No meet-ups yet',
  'tv.meetup.list.empty.hint': 'When the team plans a meet-up with the cast, it shows here with its day, time and the backers it is for.',
  'tv.meetup.list.about': 'A meet-up is a live video session with the cast: watch, react with the colour keys and ask questions. A replay stays after it ends.',
  'tv.meetup.when.today': 'Today, {time}',
  'tv.meetup.when.in': 'in {countdown}',
  'tv.meetup.when.started': 'Started at {time}',
  'tv.meetup.when.held': 'Held {date}',
  'tv.meetup.keysHint': 'Colour keys or 1–5 react too',
  'tv.meetup.lookStart': 'OK: look around the stage',
  'tv.meetup.lookHint': 'Hold the arrows to look around · OK or Back when done',
  'tv.meetup.ask': 'Ask the star',
  'tv.meetup.ask.title': 'Pick a question for the star',
  'tv.meetup.ask.cancel': 'Cancel',
  'tv.meetup.suggest.scene': 'Which scene was your favourite to shoot?',
  'tv.meetup.suggest.hardest': 'What was the hardest day on set?',
  'tv.meetup.suggest.funny': 'What was the funniest moment behind the camera?',
  'tv.meetup.suggest.role': 'How did you prepare for this role?',
  'tv.meetup.suggest.backers': 'What would you like to tell the backers?',
  'tv.meetup.more': '{count} more',
  'tv.meetup.code.empty': 'Nothing typed yet',
  'tv.meetup.code.delete': 'Delete',
  'tv.meetup.code.clear': 'Clear',
  'tv.meetup.code.hint': 'Arrows and OK type the code; number keys type digits. It is kept on this TV only.',
} as const;

export type TvMeetupKey = keyof typeof tvMeetupEn;

const tvMeetupZhCN: Record<TvMeetupKey, string> = {
  'tv.meetup.list.empty.title': '还没有见面会',
  'tv.meetup.list.empty.hint': '团队安排好与演员的见面会后，会显示在这里，并注明日期、时间和可参加的支持者档位。',
  'tv.meetup.list.about': '见面会是与演员的视频直播：观看、用彩色键互动、向明星提问。结束后可以观看回放。',
  'tv.meetup.when.today': '今天 {time}',
  'tv.meetup.when.in': '还有 {countdown}',
  'tv.meetup.when.started': '{time} 开始',
  'tv.meetup.when.held': '{date} 举行',
  'tv.meetup.keysHint': '也可以用彩色键或数字键 1–5 互动',
  'tv.meetup.lookStart': '按确定键：环顾舞台',
  'tv.meetup.lookHint': '按住方向键环顾四周 · 按确定或返回结束',
  'tv.meetup.ask': '我要提问',
  'tv.meetup.ask.title': '选一个问题问明星',
  'tv.meetup.ask.cancel': '取消',
  'tv.meetup.suggest.scene': '你最喜欢拍哪一场戏？',
  'tv.meetup.suggest.hardest': '片场最难熬的是哪一天？',
  'tv.meetup.suggest.funny': '幕后最好笑的瞬间是什么？',
  'tv.meetup.suggest.role': '你是怎么准备这个角色的？',
  'tv.meetup.suggest.backers': '你想对支持者们说些什么？',
  'tv.meetup.more': '还有 {count} 个',
  'tv.meetup.code.empty': '还没有输入',
  'tv.meetup.code.delete': '删除',
  'tv.meetup.code.clear': '清空',
  'tv.meetup.code.hint': '用方向键和确定键输入代码，数字键可直接输入数字。代码只保存在这台电视上。',
};

export const TV_MEETUP_MESSAGES: Record<Language, Record<TvMeetupKey, string>> = { en: tvMeetupEn, 'zh-CN': tvMeetupZhCN };
