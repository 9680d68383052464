// The headset's location list: every location listed in the UI language with the one on screen marked, and a
// point on the panel (its texture coordinates, as a ray or the gaze reports them) mapped back to the right row.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator';
import { entryAtUv, entryCentreUv, layoutLocationList, locationListModel, locationListSize, LIST_LAYOUT } from '../../src/xr/location-list';
import type { DrawStep } from '../../src/xr/panel-layout';

const tour = {
  locations: [
    { id: 'backlot', name: { en: 'Backlot, night-market street', 'zh-CN': '外景街·夜市' } },
    { id: 'stage-a', name: { en: 'Stage A, the lantern shop', 'zh-CN': '一号棚·灯笼铺' } },
    { id: 'monitor', name: { en: 'Video village' } },
  ],
};
const measure = (text: string) => Array.from(text).length * 20;
const texts = (steps: DrawStep[]) => steps.flatMap((s) => (s.kind === 'text' ? [s.text] : []));

describe('location list in the headset', () => {
  it('lists every location in the UI language, marking the one on screen', () => {
    const model = locationListModel(tour, 'stage-a', createTranslator('zh-CN'));
    expect(model.heading).toBe(createTranslator('zh-CN').t('tour.locations'));
    expect(model.entries.map((e) => e.name)).toEqual(['外景街·夜市', '一号棚·灯笼铺', 'Video village']);
    expect(model.entries.map((e) => e.here)).toEqual([false, true, false]);
    const all = texts(layoutLocationList(model, measure, null).steps);
    expect(all).toContain('当前位置');
    expect(all.filter((t) => t === '当前位置')).toHaveLength(1);
    expect(all).toContain('外景街·夜市');
  });

  it('draws the row a pointer rests on brighter, and only that one', () => {
    const model = locationListModel(tour, 'backlot', createTranslator('en'));
    const rows = (highlighted: string | null) => layoutLocationList(model, measure, highlighted).steps.filter((s) => s.kind === 'rect').slice(1);
    const plain = rows(null);
    const lit = rows('monitor');
    expect(lit).toHaveLength(3);
    const changed = lit.filter((step, i) => JSON.stringify(step) !== JSON.stringify(plain[i]));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ y: LIST_LAYOUT.header + 2 * LIST_LAYOUT.row });
  });

  it('grows with the tour so no location is left out', () => {
    expect(locationListSize(3).height).toBeLessThan(locationListSize(12).height);
    const many = { locations: Array.from({ length: 12 }, (_, i) => ({ id: `l${i}`, name: { en: `Location ${i}` } })) };
    const drawing = layoutLocationList(locationListModel(many, 'l0', createTranslator('en')), measure, null);
    for (let i = 0; i < 12; i++) expect(texts(drawing.steps)).toContain(`Location ${i}`);
    for (const step of drawing.steps) if (step.kind === 'text') expect(step.y).toBeLessThan(drawing.height);
  });

  it('finds the row under a point of the panel, and none in the heading or between rows', () => {
    for (let i = 0; i < 3; i++) {
      const { u, v } = entryCentreUv(3, i);
      expect(entryAtUv(3, u, v)).toBe(i);
    }
    // The heading (top of the panel, v near 1) and the margin at the left edge.
    expect(entryAtUv(3, 0.5, 0.97)).toBeNull();
    expect(entryAtUv(3, 0.01, entryCentreUv(3, 1).v)).toBeNull();
    // The 8 px gap under the first row.
    const { height } = locationListSize(3);
    const gapY = LIST_LAYOUT.header + LIST_LAYOUT.row - 4;
    expect(entryAtUv(3, 0.5, 1 - gapY / height)).toBeNull();
  });
});
