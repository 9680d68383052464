// What the headset's circle draws on canvases, as drawing steps (laid out without a canvas, so tested in Node):
// a member's name label (the marker where they look, and the arrow at the edge of the view), and the compact
// circle panel in the room (who is in, who hosts, what the circle is doing or waiting for, and the way out).
import type { Language } from '../../../protocol';
import { font, type DrawStep, type Drawing, type FontMeasure } from '../../../xr/panel-layout';
import type { PanelTarget, PickableDrawing } from '../../../xr/meetup-board';
import { wrapText } from '../../../xr/text-wrap';

/** The desktop compass's marker: white text on a dark pill; a "look here" in the product's accent. */
export const CIRCLE_COLORS = { panel: 'rgba(13, 15, 20, 0.88)', pill: 'rgba(20, 20, 28, 0.85)', text: '#f2f4f8', muted: '#a3acbd', accent: '#ffb547', warn: '#ffb4b4', row: 'rgba(255, 255, 255, 0.08)', button: 'rgba(255, 255, 255, 0.14)', highlight: 'rgba(255, 181, 71, 0.45)' };

export const LABEL_CANVAS = { width: 512, height: 128 } as const;

/** A name (or a cue's words) on a pill, centred; one line, cut with an ellipsis when too long. */
export function layoutNameLabel(text: string, language: Language, measure: FontMeasure, tone: 'member' | 'cue', width: number = LABEL_CANVAS.width): Drawing {
  const { height } = LABEL_CANVAS;
  const labelFont = font(52, 700, language);
  const [line = ''] = wrapText(text, width - 72, (s) => measure(s, labelFont), 1);
  const pill = Math.min(width, measure(line, labelFont) + 72);
  const steps: DrawStep[] = [
    { kind: 'rect', x: (width - pill) / 2, y: 8, width: pill, height: height - 16, radius: (height - 16) / 2, color: tone === 'cue' ? 'rgba(40, 30, 12, 0.92)' : CIRCLE_COLORS.pill },
    { kind: 'text', text: line, x: width / 2, y: 34, font: labelFont, color: tone === 'cue' ? CIRCLE_COLORS.accent : CIRCLE_COLORS.text, align: 'center' },
  ];
  return { width, height, steps };
}

export interface CirclePanelModel {
  language: Language;
  title: string;
  /** What the circle is doing (or why it waits), and whether it needs a look. */
  state: string;
  warn: boolean;
  members: { id: string; name: string; detail: string; online: boolean }[];
  /** "+3 more" when the list is cut, else null. */
  more: string | null;
  /** The last "look here" sent from here (or why it was refused), else the hint on how to send one. */
  note: string;
  leave: string | null;
}

export const PANEL_CANVAS = { width: 560, height: 440 } as const;
/** Rows the panel has room for; the rest are counted in `more`. */
export const PANEL_ROWS = 5;
export const LEAVE_TARGET = 'circle:leave';

export function layoutCirclePanel(model: CirclePanelModel, measure: FontMeasure, highlighted: string | null): PickableDrawing {
  const { width, height } = PANEL_CANVAS;
  const pad = 24;
  const inner = width - 2 * pad;
  const f = (px: number, weight: 400 | 600 | 700) => font(px, weight, model.language);
  const steps: DrawStep[] = [{ kind: 'rect', x: 0, y: 0, width, height, radius: 24, color: CIRCLE_COLORS.panel }];
  const text = (value: string, x: number, y: number, px: number, weight: 400 | 600 | 700, color: string, align: 'left' | 'right' | 'center' = 'left', max = inner) => {
    const [line = ''] = wrapText(value, max, (s) => measure(s, f(px, weight)), 1);
    steps.push({ kind: 'text', text: line, x, y, font: f(px, weight), color, align });
  };
  text(model.title, pad, pad, 30, 700, CIRCLE_COLORS.text);
  const stateFont = f(24, 600);
  wrapText(model.state, inner, (s) => measure(s, stateFont), 2).forEach((line, i) =>
    steps.push({ kind: 'text', text: line, x: pad, y: 68 + i * 30, font: stateFont, color: model.warn ? CIRCLE_COLORS.warn : CIRCLE_COLORS.accent, align: 'left' }),
  );
  model.members.slice(0, PANEL_ROWS).forEach((member, i) => {
    const y = 134 + i * 40;
    steps.push({ kind: 'rect', x: pad, y, width: inner, height: 34, radius: 8, color: CIRCLE_COLORS.row });
    steps.push({ kind: 'circle', x: pad + 16, y: y + 17, radius: 6, color: member.online ? '#5ad17a' : CIRCLE_COLORS.muted, lineWidth: null });
    const detailWidth = Math.min(inner * 0.5, measure(member.detail, f(20, 400)));
    text(member.detail, pad + inner - 10, y + 7, 20, 400, CIRCLE_COLORS.muted, 'right', inner * 0.5);
    text(member.name, pad + 32, y + 5, 24, 600, member.online ? CIRCLE_COLORS.text : CIRCLE_COLORS.muted, 'left', inner - 52 - detailWidth);
  });
  if (model.more) text(model.more, pad, 134 + PANEL_ROWS * 40, 20, 400, CIRCLE_COLORS.muted);
  text(model.note, pad, 342, 20, 400, CIRCLE_COLORS.muted);
  const targets: PanelTarget[] = [];
  if (model.leave) {
    const button = { x: pad, y: height - pad - 50, width: inner, height: 50 };
    steps.push({ kind: 'rect', ...button, radius: 12, color: highlighted === LEAVE_TARGET ? CIRCLE_COLORS.highlight : CIRCLE_COLORS.button });
    text(model.leave, width / 2, button.y + 11, 26, 600, CIRCLE_COLORS.text, 'center');
    targets.push({ id: LEAVE_TARGET, ...button });
  }
  return { width, height, steps, targets };
}
