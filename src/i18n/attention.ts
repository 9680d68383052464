// Attention's strings, in both languages: the viewer's notice and switch (desktop, phone, TV, headset page) and the host console's
// maps and radar. Registered with addMessages() by the lazily loaded code that shows them, so none of it weighs
// on the TV's first screen.
import type { Language } from '../protocol';

export const attentionEn = {
  'attention.notice': 'Anonymous viewing directions are collected, so the production sees where the audience looks.',
  'attention.switch': 'Share where I look',
  'attention.off': 'Off: nothing about where you look is sent.',
  'attention.tvSwitchOn': 'Share where I look: on',
  'attention.tvSwitchOff': 'Share where I look: off',
  'attention.tvHint': 'You can switch it off in the menu (OK).',
  'attention.title': 'Where the audience looks',
  'attention.location': 'Location',
  'attention.loading': 'Loading the map…',
  'attention.error': 'The map could not be loaded: {message}',
  'attention.withheld': 'Withheld: fewer than {min} distinct viewers looked here, so no map is shown.',
  'attention.viewers': '{count} distinct viewers',
  'attention.time': 'Video time',
  'attention.allTime': 'Whole video',
  'attention.window': '{from}–{to} s',
  'attention.at': '{time} s (map of {from}–{to} s)',
  'attention.noFrame': 'The video frame at this time could not be loaded: the map is drawn over the poster.',
  'attention.top': 'Most-watched directions',
  'attention.direction': '{yaw}° across, {pitch}° up: {share}',
  'attention.turned': 'Turned around: {share} of viewers',
  'attention.legend': 'Viewers per direction',
  'attention.legendLow': 'few',
  'attention.legendHigh': 'most',
  'attention.png': 'Export PNG',
  'attention.csv': 'Export CSV',
  'attention.mapLabel': 'Heat map of where viewers looked over {location}',
  'attention.radar': 'Live radar',
  'attention.radarLabel': 'Where the audience looks now',
  'attention.radarWithheld': 'Fewer than {min} viewers reporting: withheld.',
  'attention.radarViewers': '{count} viewers now',
} as const;

export type AttentionKey = keyof typeof attentionEn;

const attentionZhCN: Record<AttentionKey, string> = {
  'attention.notice': '我们会匿名收集观看方向，让制作团队了解观众在看哪里。',
  'attention.switch': '分享我的观看方向',
  'attention.off': '已关闭：不会发送任何观看方向。',
  'attention.tvSwitchOn': '分享我的观看方向：开',
  'attention.tvSwitchOff': '分享我的观看方向：关',
  'attention.tvHint': '可在菜单（OK 键）中关闭。',
  'attention.title': '观众在看哪里',
  'attention.location': '场景',
  'attention.loading': '正在加载热图…',
  'attention.error': '无法加载热图：{message}',
  'attention.withheld': '已隐藏：此处的不同观众少于 {min} 人，不显示热图。',
  'attention.viewers': '{count} 位不同观众',
  'attention.time': '视频时间',
  'attention.allTime': '整段视频',
  'attention.window': '{from}–{to} 秒',
  'attention.at': '{time} 秒（{from}–{to} 秒的热图）',
  'attention.noFrame': '无法加载此时刻的视频画面：热图显示在海报上。',
  'attention.top': '最受关注的方向',
  'attention.direction': '水平 {yaw}°，仰角 {pitch}°：{share}',
  'attention.turned': '转身回看：{share} 的观众',
  'attention.legend': '每个方向的观众数',
  'attention.legendLow': '少',
  'attention.legendHigh': '多',
  'attention.png': '导出 PNG',
  'attention.csv': '导出 CSV',
  'attention.mapLabel': '{location} 上观众视线的热图',
  'attention.radar': '实时雷达',
  'attention.radarLabel': '观众此刻在看哪里',
  'attention.radarWithheld': '上报的观众少于 {min} 人：已隐藏。',
  'attention.radarViewers': '此刻 {count} 位观众',
};

export const ATTENTION_MESSAGES: Record<Language, Record<AttentionKey, string>> = { en: attentionEn, 'zh-CN': attentionZhCN };
