// The headset's own circle strings (a member in VR: the flat page's card, the panel in the room, "look here" from
// the controller), in both languages. Registered with the circle strings by the headset's lazily loaded circle
// chunk; the states and refusals every shell shares stay in circles.ts.
import type { Language } from '../protocol';

export const circlesXrEn = {
  'circle.xr.name': 'Headset',
  'circle.xr.invited': 'Invited to a circle: joining as “{name}”.',
  'circle.xr.inVr': 'In VR the circle’s panel is on your left. To say “look here”, point the controller at the set and pull the trigger.',
  'circle.xr.panelTitle': 'Visit together · {count}',
  'circle.xr.more': '+{count} more',
  'circle.xr.pointHint': 'Trigger on the set: “look here”',
  'circle.xr.pointSent': 'Sent: the others are asked to look here',
  'circle.xr.cueTaken': 'You are looking where {name} pointed',
} as const;

export type CircleXrKey = keyof typeof circlesXrEn;

const circlesXrZhCN: Record<CircleXrKey, string> = {
  'circle.xr.name': '头显',
  'circle.xr.invited': '你受邀加入一个圈子：以“{name}”的名字加入。',
  'circle.xr.inVr': '在 VR 中，圈子面板在你的左侧。要说“看这里”，用手柄指向场景并扣动扳机。',
  'circle.xr.panelTitle': '一起探班 · {count}',
  'circle.xr.more': '还有 {count} 人',
  'circle.xr.pointHint': '对着场景扣扳机：“看这里”',
  'circle.xr.pointSent': '已发送：请其他人看这里',
  'circle.xr.cueTaken': '你正看着 {name} 指的地方',
};

export const CIRCLE_XR_MESSAGES: Record<Language, Record<CircleXrKey, string>> = { en: circlesXrEn, 'zh-CN': circlesXrZhCN };
