// The TV's own circle strings (joining by typing a circle's code with the remote), in both languages. Part of the
// circle catalog (CIRCLE_MESSAGES in circles.ts): they come with the circle's chunk, off the TV's first screen.

export const circleTvEn = {
  'circle.tv.join': 'Join a circle…',
  'circle.tv.codeTitle': 'Join a circle: type its code',
  'circle.tv.codeHint': 'OK types the key, Back deletes. The code is on the invite (8 characters).',
  'circle.tv.codeLabel': 'Circle code typed so far',
  'circle.tv.delete': 'Delete',
  'circle.tv.cancel': 'Cancel',
  'circle.tv.incomplete': 'A circle code has 8 characters: {count} typed so far.',
  'circle.tv.refused.no-access': 'This project is for backers: this TV needs its own backer code (a paired phone can type it for the TV).',
} as const;

export type CircleTvKey = keyof typeof circleTvEn;

export const circleTvZhCN: Record<CircleTvKey, string> = {
  'circle.tv.join': '加入圈子…',
  'circle.tv.codeTitle': '加入圈子：输入邀请码',
  'circle.tv.codeHint': '确定键输入，返回键删除。邀请码在邀请里（8 位）。',
  'circle.tv.codeLabel': '已输入的圈子邀请码',
  'circle.tv.delete': '删除',
  'circle.tv.cancel': '取消',
  'circle.tv.incomplete': '圈子邀请码共 8 位：已输入 {count} 位。',
  'circle.tv.refused.no-access': '本项目仅限支持者：这台电视需要自己的支持者码（配对的手机可以替电视输入）。',
};
