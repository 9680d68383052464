// Text on the headset's canvases: English breaks at spaces, Chinese between characters (never before closing
// punctuation), overflow ends in "…"; the milestone panel shows the latest three milestones in the UI language.
import { describe, expect, it } from 'vitest';
import type { ProjectData } from '../../src/protocol/project-state';
import { createTranslator } from '../../src/i18n/translator';
import { fontStack, layoutCaption, layoutHotspotLabel, layoutMilestonePanel, milestonePanelModel, type DrawStep } from '../../src/xr/panel-layout';
import { wrapText } from '../../src/xr/text-wrap';

/** A monospace stand-in for canvas measuring: 1 unit per Latin character, 2 per CJK (full-width) character. */
const measure = (text: string) => Array.from(text).reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(c) ? 2 : 1), 0);

describe('text wrapping', () => {
  it('breaks English at spaces and keeps words whole', () => {
    expect(wrapText('Scene 45 wrapped on stage A', 12, measure)).toEqual(['Scene 45', 'wrapped on', 'stage A']);
  });

  it('breaks Chinese between any two characters, keeping closing punctuation on the line', () => {
    const lines = wrapText('第四十五场杀青，全组收工。', 10, measure);
    expect(lines).toEqual(['第四十五场', '杀青，全组', '收工。']);
    for (const line of lines) expect(line).not.toMatch(/^[，。]/u);
    // A comma that would start a line stays with the character before it, even if that line runs over.
    expect(wrapText('一二三四五，六', 10, measure)[1]?.startsWith('，')).toBe(false);
  });

  it('mixes both, splits a word longer than a line, and honours explicit line breaks', () => {
    expect(wrapText('一号棚 Stage A', 8, measure)).toEqual(['一号棚', 'Stage A']);
    expect(wrapText('Supercalifragilistic', 8, measure)).toEqual(['Supercal', 'ifragili', 'stic']);
    expect(wrapText('first line\nsecond', 40, measure)).toEqual(['first line', 'second']);
  });

  it('ends text that does not fit in the allowed lines with an ellipsis', () => {
    const lines = wrapText('one two three four five six', 9, measure, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(measure(lines[1]!)).toBeLessThanOrEqual(9);
  });
});

const data: ProjectData = {
  seq: 7,
  project: {
    id: 'lantern-keeper',
    title: { en: 'The Lantern Keeper', 'zh-CN': '守灯人' },
    currency: 'CNY',
    fundingGoal: 2_000_000,
    fundingRaised: 1_500_000,
    backers: 4321,
    phase: 'shooting',
    shootingDays: { done: 12, planned: 30 },
    visibility: 'public',
    annotations: [],
  },
  milestones: [1, 2, 3, 4].map((n) => ({
    id: `m${n}`,
    seq: n,
    kind: 'scene-wrapped' as const,
    title: { en: `Scene ${n} wrapped`, 'zh-CN': `第 ${n} 场杀青` },
    occurredAt: `2026-11-0${n}T10:00:00Z`,
    receivedAt: `2026-11-0${n}T10:00:01Z`,
  })),
};

const texts = (steps: DrawStep[]) => steps.flatMap((s) => (s.kind === 'text' ? [s.text] : []));

describe('milestone panel', () => {
  it('shows the project in Chinese with the latest three milestones, newest first', () => {
    const model = milestonePanelModel(data, createTranslator('zh-CN'))!;
    expect(model.title).toBe('守灯人');
    expect(model.funded).toBe(0.75);
    expect(model.milestones.map((m) => m.title)).toEqual(['第 4 场杀青', '第 3 场杀青', '第 2 场杀青']);
    expect(model.facts[1]?.value).toBe('12 / 30');
    const drawing = layoutMilestonePanel(model, (text) => measure(text) * 20, { width: 1024, height: 576, language: 'zh-CN', loading: '' });
    const all = texts(drawing.steps);
    expect(all).toContain('守灯人');
    expect(all).toContain('第 4 场杀青');
    expect(all).not.toContain('第 1 场杀青');
    // Everything stays inside the canvas.
    for (const step of drawing.steps) {
      if (step.kind === 'text') expect(step.y).toBeLessThan(drawing.height);
    }
  });

  it('says it is loading until the first snapshot', () => {
    expect(milestonePanelModel(null, createTranslator('en'))).toBeNull();
    expect(texts(layoutMilestonePanel(null, measure, { width: 1024, height: 576, language: 'en', loading: 'Loading the project…' }).steps)).toEqual(['Loading the project…']);
  });

  it('fits a long hotspot label into two lines and a caption into three', () => {
    const label = layoutHotspotLabel('Video village — the director’s monitors and the script supervisor’s desk', 'en', (t) => measure(t) * 20);
    expect(texts(label.steps).length).toBeLessThanOrEqual(2);
    const words = ['A', 'B', 'C', 'D'].map((c) => c.repeat(15)).join(' ');
    const caption = texts(layoutCaption(words, 'en', (t) => measure(t) * 40).steps);
    expect(caption).toHaveLength(3);
    expect(caption[2]?.endsWith('…')).toBe(true);
  });
});

describe('fonts', () => {
  it('draws Chinese with a CJK font first, and English with Latin fonts first but CJK ones to fall back on', () => {
    expect(fontStack('zh-CN').split(',')[0]).toContain('Noto Sans CJK SC');
    const en = fontStack('en');
    expect(en.indexOf('Noto Sans CJK SC')).toBeGreaterThan(en.indexOf('system-ui'));
    for (const stack of [en, fontStack('zh-CN')]) expect(stack).toMatch(/PingFang SC.*sans-serif$/);
  });
});
