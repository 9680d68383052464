// What the headset's canvas-drawn surfaces say and where each piece goes: the milestone panel (project status and
// the latest milestones), hotspot labels and captions. Produces a list of drawing steps in canvas pixels, so the
// layout is tested without a canvas; `paintCanvas` carries the steps out.
import type { ProjectData } from '../protocol/project-state';
import type { Translator } from '../i18n/translator';
import type { Language } from '../protocol';
import { wrapText } from './text-wrap';

/**
 * Fonts with Chinese glyphs on the headset OSes (Android-based: Noto Sans CJK; visionOS: PingFang) and Windows:
 * a canvas draws only what the fonts it is given contain, so a Latin-only stack shows tofu boxes for 中文.
 */
export const CJK_FONT_STACK = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', 'Noto Sans SC'";
/** Latin fonts first for English: a CJK font's Latin punctuation (’ “ ”) is full-width and looks gappy. */
const LATIN_FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial";

/** The font list for text in `language`; the other script still finds its glyphs further down the list. */
export function fontStack(language: Language): string {
  return language === 'zh-CN' ? `${CJK_FONT_STACK}, sans-serif` : `${LATIN_FONT_STACK}, ${CJK_FONT_STACK}, sans-serif`;
}

export const font = (px: number, weight: 400 | 600 | 700, language: Language): string => `${weight} ${px}px ${fontStack(language)}`;

export type DrawStep =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; radius: number; color: string }
  | { kind: 'text'; text: string; x: number; y: number; font: string; color: string; align: 'left' | 'center' | 'right' }
  | { kind: 'circle'; x: number; y: number; radius: number; color: string; lineWidth: number | null }
  /** SVG path data on a 32×32 grid (a reaction's shape), drawn at x, y scaled to `size` px. */
  | { kind: 'shape'; d: string; fill: string; x: number; y: number; size: number };

/** Measures `text` in a `font` (a canvas's measureText, or a stand-in in tests). */
export type FontMeasure = (text: string, font: string) => number;

export interface Drawing {
  width: number;
  height: number;
  steps: DrawStep[];
}

const COLORS = { panel: 'rgba(13, 15, 20, 0.88)', text: '#f2f4f8', muted: '#a3acbd', accent: '#ffb547', track: 'rgba(255, 255, 255, 0.16)' };

export interface MilestonePanelModel {
  language: Language;
  title: string;
  phase: string;
  raised: string;
  /** "raised of ¥…" */
  goal: string;
  /** 0…1 of the goal. */
  funded: number;
  facts: { label: string; value: string }[];
  heading: string;
  /** Newest first. */
  milestones: { kind: string; title: string; time: string }[];
  /** Shown instead of milestones when there are none. */
  empty: string;
}

/** The panel's content from the store's project data, in the UI language; null until the first snapshot. */
export function milestonePanelModel(data: ProjectData | null, i18n: Translator, latest = 3): MilestonePanelModel | null {
  if (!data) return null;
  const { project, milestones } = data;
  return {
    language: i18n.language,
    title: i18n.pick(project.title),
    phase: i18n.t(`project.phase.${project.phase}`),
    raised: i18n.money(project.fundingRaised, project.currency),
    goal: i18n.t('project.raised', { goal: i18n.money(project.fundingGoal, project.currency) }),
    funded: project.fundingGoal > 0 ? Math.min(1, project.fundingRaised / project.fundingGoal) : 0,
    facts: [
      { label: i18n.t('project.backers'), value: i18n.number(project.backers) },
      { label: i18n.t('project.shootingDays'), value: i18n.t('project.shootingDaysValue', { done: project.shootingDays.done, planned: project.shootingDays.planned }) },
    ],
    heading: i18n.t('milestones.title'),
    milestones: milestones
      .slice(-latest)
      .reverse()
      .map((m) => ({ kind: i18n.t(`milestone.kind.${m.kind}`), title: i18n.pick(m.title), time: i18n.time(Date.parse(m.occurredAt)) })),
    empty: i18n.t('milestones.empty'),
  };
}

/** The milestone panel on a `width`×`height` canvas (its aspect is the panel's in metres). */
export function layoutMilestonePanel(model: MilestonePanelModel | null, measure: FontMeasure, size: { width: number; height: number; language: Language; loading: string }): Drawing {
  const { width, height, language, loading } = size;
  const pad = 48;
  const inner = width - 2 * pad;
  const steps: DrawStep[] = [{ kind: 'rect', x: 0, y: 0, width, height, radius: 36, color: COLORS.panel }];
  const text = (value: string, x: number, y: number, f: string, color = COLORS.text, align: 'left' | 'center' | 'right' = 'left') =>
    steps.push({ kind: 'text', text: value, x, y, font: f, color, align });
  if (!model) {
    text(loading, width / 2, height / 2, font(40, 400, language), COLORS.muted, 'center');
    return { width, height, steps };
  }
  let y = pad;
  const titleFont = font(52, 700, language);
  for (const line of wrapText(model.title, inner, (s) => measure(s, titleFont), 2)) {
    text(line, pad, y, titleFont);
    y += 64;
  }
  text(model.phase.toUpperCase(), pad, y, font(28, 600, language), COLORS.accent);
  y += 52;

  // Funding on the left, the facts on the right.
  const column = inner / 2;
  text(model.raised, pad, y, font(48, 700, language));
  model.facts.forEach((fact, i) => {
    const x = pad + column + (i * column) / 2;
    text(fact.value, x, y, font(40, 600, language));
    text(fact.label, x, y + 50, font(26, 400, language), COLORS.muted);
  });
  y += 60;
  text(model.goal, pad, y, font(26, 400, language), COLORS.muted);
  y += 42;
  steps.push({ kind: 'rect', x: pad, y, width: column - 24, height: 14, radius: 7, color: COLORS.track });
  if (model.funded > 0) steps.push({ kind: 'rect', x: pad, y, width: Math.max(14, (column - 24) * model.funded), height: 14, radius: 7, color: COLORS.accent });
  y += 44;

  text(model.heading, pad, y, font(32, 600, language));
  y += 50;
  if (model.milestones.length === 0) text(model.empty, pad, y, font(30, 400, language), COLORS.muted);
  // Three columns: kind, title (cut with "…" to one line), time; kind and time as wide as their longest entry.
  const kindFont = font(26, 600, language);
  const itemFont = font(30, 400, language);
  const timeFont = font(26, 400, language);
  const widest = (values: string[], f: string) => Math.max(0, ...values.map((v) => measure(v, f)));
  const kindWidth = Math.min(inner * 0.35, widest(model.milestones.map((m) => m.kind), kindFont)) + 24;
  const timeWidth = widest(model.milestones.map((m) => m.time), timeFont) + 24;
  for (const milestone of model.milestones) {
    if (y > height - pad - 30) break;
    const [kind = ''] = wrapText(milestone.kind, kindWidth - 24, (s) => measure(s, kindFont), 1);
    text(kind, pad, y, kindFont, COLORS.accent);
    const [line = ''] = wrapText(milestone.title, inner - kindWidth - timeWidth, (s) => measure(s, itemFont), 1);
    text(line, pad + kindWidth, y, itemFont);
    text(milestone.time, width - pad, y, timeFont, COLORS.muted, 'right');
    y += 48;
  }
  return { width, height, steps };
}

/** A hotspot: a ring to aim at and its label below, on a `width`×`height` canvas. */
export function layoutHotspotLabel(label: string, language: Language, measure: FontMeasure, width = 512, height = 256): Drawing {
  const labelFont = font(40, 600, language);
  const lines = wrapText(label, width - 48, (s) => measure(s, labelFont), 2);
  const steps: DrawStep[] = [
    { kind: 'circle', x: width / 2, y: 60, radius: 44, color: 'rgba(13, 15, 20, 0.55)', lineWidth: null },
    { kind: 'circle', x: width / 2, y: 60, radius: 40, color: COLORS.accent, lineWidth: 8 },
    { kind: 'circle', x: width / 2, y: 60, radius: 14, color: COLORS.accent, lineWidth: null },
  ];
  const lineHeight = 50;
  const top = 124;
  steps.push({ kind: 'rect', x: 8, y: top - 8, width: width - 16, height: lines.length * lineHeight + 16, radius: 20, color: 'rgba(13, 15, 20, 0.72)' });
  lines.forEach((line, i) => steps.push({ kind: 'text', text: line, x: width / 2, y: top + i * lineHeight, font: labelFont, color: COLORS.text, align: 'center' }));
  return { width, height, steps };
}

/** Caption text on a strip: at most three lines, centred, each on a dark band for contrast against the set. */
export function layoutCaption(text: string, language: Language, measure: FontMeasure, width = 1024, height = 224): Drawing {
  const captionFont = font(46, 600, language);
  const lineHeight = 64;
  const lines = wrapText(text, width - 80, (s) => measure(s, captionFont), 3);
  const steps: DrawStep[] = [];
  const top = height - lines.length * lineHeight;
  lines.forEach((line, i) => {
    const lineWidth = measure(line, captionFont) + 40;
    steps.push({ kind: 'rect', x: (width - lineWidth) / 2, y: top + i * lineHeight, width: lineWidth, height: lineHeight, radius: 10, color: 'rgba(0, 0, 0, 0.72)' });
    steps.push({ kind: 'text', text: line, x: width / 2, y: top + i * lineHeight + 6, font: captionFont, color: '#ffffff', align: 'center' });
  });
  return { width, height, steps };
}

export interface ToastModel {
  language: Language;
  /** "New from the set" */
  label: string;
  kind: string;
  title: string;
  /** "+2 more" when several arrived together, else ''. */
  more: string;
}

/** A toast above the milestone panel: the label and kind on the first line, the milestone's title below it. */
export function layoutToast(model: ToastModel, measure: FontMeasure, width = 1024, height = 176): Drawing {
  const pad = 36;
  const labelFont = font(28, 700, model.language);
  const kindFont = font(28, 600, model.language);
  const titleFont = font(40, 600, model.language);
  const moreFont = font(26, 400, model.language);
  const steps: DrawStep[] = [
    { kind: 'rect', x: 0, y: 0, width, height, radius: 28, color: 'rgba(13, 15, 20, 0.92)' },
    { kind: 'rect', x: 0, y: 0, width: 12, height, radius: 6, color: COLORS.accent },
  ];
  steps.push({ kind: 'text', text: model.label, x: pad, y: 28, font: labelFont, color: COLORS.accent, align: 'left' });
  const labelWidth = measure(model.label, labelFont);
  steps.push({ kind: 'text', text: `· ${model.kind}`, x: pad + labelWidth + 14, y: 28, font: kindFont, color: COLORS.muted, align: 'left' });
  if (model.more) steps.push({ kind: 'text', text: model.more, x: width - pad, y: 30, font: moreFont, color: COLORS.muted, align: 'right' });
  const [title = ''] = wrapText(model.title, width - 2 * pad, (s) => measure(s, titleFont), 1);
  steps.push({ kind: 'text', text: title, x: pad, y: 88, font: titleFont, color: COLORS.text, align: 'left' });
  return { width, height, steps };
}

/** A notice: a title and up to four lines under it (e.g. why a meet-up refused the backer). */
export function layoutNotice(title: string, body: readonly string[], language: Language, measure: FontMeasure, width = 1024, height = 320): Drawing {
  const pad = 40;
  const titleFont = font(40, 700, language);
  const bodyFont = font(30, 400, language);
  const steps: DrawStep[] = [
    { kind: 'rect', x: 0, y: 0, width, height, radius: 28, color: 'rgba(13, 15, 20, 0.92)' },
    { kind: 'rect', x: 0, y: 0, width: 12, height, radius: 6, color: COLORS.accent },
  ];
  let y = pad;
  for (const line of wrapText(title, width - 2 * pad, (s) => measure(s, titleFont), 2)) {
    steps.push({ kind: 'text', text: line, x: pad, y, font: titleFont, color: COLORS.text, align: 'left' });
    y += 52;
  }
  y += 8;
  for (const line of body.flatMap((b) => wrapText(b, width - 2 * pad, (s) => measure(s, bodyFont), 2)).slice(0, 4)) {
    if (y > height - pad - 30) break;
    steps.push({ kind: 'text', text: line, x: pad, y, font: bodyFont, color: COLORS.muted, align: 'left' });
    y += 42;
  }
  return { width, height, steps };
}
