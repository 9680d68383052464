// The meet-up in the headset, as canvas drawings: the question board (audience and latency on top, the
// spotlighted question large, the open questions with a "me too" button each, suggested questions to ask, since
// there is no keyboard in VR) and the reactions palette held on the other hand. Each drawing comes with the boxes
// a ray or the gaze can pick, so picking is done here from texture coordinates (one mesh per panel, one draw
// call), and is tested without a canvas or a headset.
import type { Translator } from '../i18n/translator';
import type { Language } from '../protocol';
import { REACTION_KINDS, type Question, type ReactionKind } from '../protocol/meetup';
import { REACTION_SHAPES } from '../meetup/reaction-shapes';
import { font, type DrawStep, type Drawing, type FontMeasure } from './panel-layout';
import { wrapText } from './text-wrap';

/** A place on a panel that does something when selected: `upvote:<question id>`, `ask:<suggestion>`, `react:<kind>`. */
export interface PanelTarget {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PickableDrawing extends Drawing {
  targets: PanelTarget[];
}

/** The suggested questions' keys (i18n `xr.meetup.suggest.<key>`): asked with one select, no typing. */
export const SUGGESTED_QUESTIONS = ['hardest', 'favourite', 'next'] as const;
export type SuggestedQuestion = (typeof SUGGESTED_QUESTIONS)[number];

export interface MeetupBoardModel {
  language: Language;
  title: string;
  /** "1,024 watching" */
  audience: string;
  /** "3.2 s behind live", or '' when not live or not yet measured. */
  latency: string;
  heading: string;
  spotlightLabel: string;
  spotlight: { text: string; by: string } | null;
  /** Open questions, board order, at most BOARD_ROWS. */
  questions: { id: string; text: string; meta: string }[];
  /** "+3 more" when the board holds more than it shows, else ''. */
  more: string;
  empty: string;
  upvote: string;
  /** Asking: only while the meet-up is live. */
  askHeading: string;
  suggestions: { key: SuggestedQuestion; text: string }[];
  /** The last refused action ("Not sent: …"), or ''. */
  error: string;
  /** The way back to the set tour (target `leave`). */
  leave: string;
}

export const BOARD_CANVAS = { width: 1024, height: 880 } as const;
const BOARD_ROWS = 4;

export interface MeetupBoardInput {
  title: string;
  audience: number;
  latencySeconds: number | null;
  live: boolean;
  questions: readonly Question[];
  spotlight: Question | null;
  actionError: string | null;
}

export function meetupBoardModel(input: MeetupBoardInput, i18n: Translator): MeetupBoardModel {
  const open = input.questions.filter((q) => q.status === 'open');
  const by = (q: Question) => (q.askedBy ? i18n.t('meetup.askedBy', { name: q.askedBy }) : i18n.t('meetup.anonymous'));
  return {
    language: i18n.language,
    title: input.title,
    // Live-only: a replay's room count is of other replay viewers, not an audience.
    audience: input.live ? i18n.t('xr.meetup.audience', { count: i18n.number(input.audience) }) : '',
    latency: input.live && input.latencySeconds !== null ? i18n.t('xr.meetup.latency', { seconds: input.latencySeconds.toFixed(1) }) : '',
    heading: i18n.t('meetup.questions'),
    spotlightLabel: i18n.t('meetup.spotlight'),
    spotlight: input.spotlight ? { text: input.spotlight.text, by: by(input.spotlight) } : null,
    questions: open.slice(0, BOARD_ROWS).map((q) => ({ id: q.id, text: q.text, meta: `${by(q)} · ${i18n.plural('meetup.votes', q.votes)}` })),
    more: open.length > BOARD_ROWS ? i18n.t('xr.meetup.more', { count: open.length - BOARD_ROWS }) : '',
    empty: i18n.t('meetup.questions.empty'),
    upvote: i18n.t('meetup.upvote'),
    askHeading: input.live ? i18n.t('xr.meetup.ask') : '',
    suggestions: input.live ? SUGGESTED_QUESTIONS.map((key) => ({ key, text: i18n.t(`xr.meetup.suggest.${key}`) })) : [],
    error: input.actionError ? i18n.t('meetup.actionError', { message: input.actionError }) : '',
    leave: i18n.t('xr.meetup.leave'),
  };
}

const COLORS = {
  panel: 'rgba(13, 15, 20, 0.9)',
  text: '#f2f4f8',
  muted: '#a3acbd',
  accent: '#ffb547',
  row: 'rgba(255, 255, 255, 0.08)',
  button: 'rgba(255, 181, 71, 0.2)',
  highlight: 'rgba(255, 181, 71, 0.45)',
  spotlight: 'rgba(255, 181, 71, 0.16)',
  error: '#ff8a8a',
};

/** The board, with the target a ray or the gaze rests on (`highlighted`) drawn brighter. */
export function layoutMeetupBoard(model: MeetupBoardModel, measure: FontMeasure, highlighted: string | null): PickableDrawing {
  const { width, height } = BOARD_CANVAS;
  const pad = 40;
  const inner = width - 2 * pad;
  const steps: DrawStep[] = [{ kind: 'rect', x: 0, y: 0, width, height, radius: 32, color: COLORS.panel }];
  const targets: PanelTarget[] = [];
  const f = (px: number, weight: 400 | 600 | 700) => font(px, weight, model.language);
  const text = (value: string, x: number, y: number, style: string, color = COLORS.text, align: 'left' | 'center' | 'right' = 'left') =>
    steps.push({ kind: 'text', text: value, x, y, font: style, color, align });
  const line = (value: string, maxWidth: number, style: string) => wrapText(value, maxWidth, (s) => measure(s, style), 1)[0] ?? '';
  const button = (id: string, label: string, x: number, y: number, w: number, h: number, style: string, align: 'left' | 'center' = 'center') => {
    steps.push({ kind: 'rect', x, y, width: w, height: h, radius: 14, color: id === highlighted ? COLORS.highlight : COLORS.button });
    text(line(label, w - 32, style), align === 'center' ? x + w / 2 : x + 20, y + (h - 30) / 2, style, COLORS.text, align);
    targets.push({ id, x, y, width: w, height: h });
  };

  // The room: title and the way back on top, audience and latency under the title.
  let y = pad - 8;
  const leaveFont = f(24, 600);
  const leaveWidth = Math.min(320, measure(model.leave, leaveFont) + 40);
  button('leave', model.leave, width - pad - leaveWidth, y - 4, leaveWidth, 48, leaveFont);
  text(line(model.title, inner - leaveWidth - 24, f(34, 700)), pad, y, f(34, 700));
  y += 48;
  text(line([model.audience, model.latency].filter(Boolean).join(' · '), inner, f(26, 600)), pad, y, f(26, 600), COLORS.accent);
  y += 48;

  // The spotlight, large: what the star is answering now.
  if (model.spotlight) {
    const bodyFont = f(38, 700);
    const lines = wrapText(model.spotlight.text, inner - 48, (s) => measure(s, bodyFont), 2);
    const boxHeight = 60 + lines.length * 48 + 40;
    steps.push({ kind: 'rect', x: pad, y, width: inner, height: boxHeight, radius: 20, color: COLORS.spotlight });
    steps.push({ kind: 'rect', x: pad, y, width: 10, height: boxHeight, radius: 5, color: COLORS.accent });
    text(model.spotlightLabel.toUpperCase(), pad + 28, y + 18, f(24, 700), COLORS.accent);
    lines.forEach((l, i) => text(l, pad + 28, y + 56 + i * 48, bodyFont));
    text(line(model.spotlight.by, inner - 48, f(24, 400)), pad + 28, y + 60 + lines.length * 48, f(24, 400), COLORS.muted);
    y += boxHeight + 20;
  }

  text(model.heading, pad, y, f(30, 600), COLORS.muted);
  y += 46;
  if (model.questions.length === 0) {
    text(line(model.empty, inner, f(28, 400)), pad, y, f(28, 400), COLORS.muted);
    y += 48;
  }
  const rowHeight = 84;
  const upvoteWidth = 200;
  for (const q of model.questions) {
    if (y + rowHeight > height - 200) break;
    steps.push({ kind: 'rect', x: pad, y, width: inner, height: rowHeight - 10, radius: 14, color: COLORS.row });
    const textWidth = inner - upvoteWidth - 48;
    text(line(q.text, textWidth, f(30, 600)), pad + 20, y + 8, f(30, 600));
    text(line(q.meta, textWidth, f(22, 400)), pad + 20, y + 46, f(22, 400), COLORS.muted);
    button(`upvote:${q.id}`, model.upvote, width - pad - upvoteWidth - 10, y + 10, upvoteWidth, rowHeight - 30, f(26, 600));
    y += rowHeight;
  }
  if (model.more) {
    text(model.more, pad, y, f(24, 400), COLORS.muted);
    y += 36;
  }

  // Asking without a keyboard: one select sends a suggested question.
  if (model.suggestions.length > 0) {
    y = Math.max(y + 8, height - pad - 48 - model.suggestions.length * 60 - (model.error ? 40 : 0));
    text(model.askHeading, pad, y, f(26, 600), COLORS.accent);
    y += 44;
    for (const s of model.suggestions) {
      button(`ask:${s.key}`, s.text, pad, y, inner, 52, f(26, 400), 'left');
      y += 60;
    }
  }
  if (model.error) text(line(model.error, inner, f(24, 600)), pad, height - pad - 20, f(24, 600), COLORS.error);
  return { width, height, steps, targets };
}

export const PALETTE_CANVAS = { width: 640, height: 160 } as const;

/** The reactions palette: one button per kind, drawn with the same shapes as the desktop's reactions bar. */
export function layoutReactionPalette(label: string, language: Language, highlighted: string | null): PickableDrawing {
  const { width, height } = PALETTE_CANVAS;
  const steps: DrawStep[] = [{ kind: 'rect', x: 0, y: 0, width, height, radius: 28, color: COLORS.panel }];
  steps.push({ kind: 'text', text: label, x: width / 2, y: 10, font: font(24, 600, language), color: COLORS.muted, align: 'center' });
  const targets: PanelTarget[] = [];
  const cell = (width - 24) / REACTION_KINDS.length;
  REACTION_KINDS.forEach((kind, i) => {
    const id = `react:${kind}`;
    const box = { x: 12 + i * cell + 6, y: 44, width: cell - 12, height: height - 56 };
    steps.push({ kind: 'rect', ...box, radius: 20, color: id === highlighted ? COLORS.highlight : COLORS.row });
    const size = Math.min(box.width, box.height) - 24;
    for (const part of REACTION_SHAPES[kind]) steps.push({ kind: 'shape', d: part.d, fill: part.fill, x: box.x + (box.width - size) / 2, y: box.y + (box.height - size) / 2, size });
    targets.push({ id, ...box });
  });
  return { width, height, steps, targets };
}

/** The target under a point given as texture coordinates (u right, v up, 0…1, as three.js reports them). */
export function targetAtUv(drawing: Pick<PickableDrawing, 'width' | 'height' | 'targets'>, u: number, v: number): string | null {
  const x = u * drawing.width;
  const y = (1 - v) * drawing.height;
  return drawing.targets.find((t) => x >= t.x && x <= t.x + t.width && y >= t.y && y <= t.y + t.height)?.id ?? null;
}

/** A target's centre as texture coordinates: where tests aim. */
export function targetCentreUv(drawing: Pick<PickableDrawing, 'width' | 'height'>, target: PanelTarget): { u: number; v: number } {
  return { u: (target.x + target.width / 2) / drawing.width, v: 1 - (target.y + target.height / 2) / drawing.height };
}

/** The reaction a palette target sends, or null for any other target. */
export function reactionOf(target: string): ReactionKind | null {
  const kind = target.startsWith('react:') ? target.slice('react:'.length) : '';
  return (REACTION_KINDS as readonly string[]).includes(kind) ? (kind as ReactionKind) : null;
}

export const INVITE_CANVAS = { width: 720, height: 220 } as const;

/** A live meet-up's entry in the room: what is on, and the whole panel as one target (`id`) to join it. */
export function layoutInvite(id: string, headline: string, action: string, language: Language, measure: FontMeasure, highlighted: boolean): PickableDrawing {
  const { width, height } = INVITE_CANVAS;
  const pad = 28;
  const steps: DrawStep[] = [
    { kind: 'rect', x: 0, y: 0, width, height, radius: 28, color: highlighted ? 'rgba(40, 30, 12, 0.94)' : COLORS.panel },
    { kind: 'rect', x: 0, y: 0, width: 12, height, radius: 6, color: COLORS.accent },
    { kind: 'circle', x: pad + 14, y: pad + 18, radius: 10, color: '#ff3b5c', lineWidth: null },
  ];
  const headlineFont = font(30, 700, language);
  const lines = wrapText(headline, width - 2 * pad - 36, (s) => measure(s, headlineFont), 2);
  lines.forEach((line, i) => steps.push({ kind: 'text', text: line, x: pad + 36, y: pad + i * 40, font: headlineFont, color: COLORS.text, align: 'left' }));
  const button = { x: pad, y: height - pad - 64, width: width - 2 * pad, height: 64 };
  steps.push({ kind: 'rect', ...button, radius: 16, color: highlighted ? COLORS.highlight : COLORS.button });
  steps.push({ kind: 'text', text: action, x: width / 2, y: button.y + 16, font: font(30, 600, language), color: COLORS.text, align: 'center' });
  return { width, height, steps, targets: [{ id, x: 0, y: 0, width, height }] };
}
