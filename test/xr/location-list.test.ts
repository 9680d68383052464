// The headset's location list: every location listed in the UI language with the one on screen marked, a long
// tour paged, and a point on the panel (its texture coordinates, as a ray or the gaze reports them) mapped back to
// the right row or pager button.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator';
import { entryAtUv, entryCentreUv, layoutLocationList, locationListModel, locationListSize, LIST_LAYOUT, PAGE_NEXT, PAGE_PREVIOUS } from '../../src/xr/location-list';
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

  const many = { locations: Array.from({ length: 12 }, (_, i) => ({ id: `l${i}`, name: { en: `Location ${i}`, 'zh-CN': `地点 ${i}` } })) };

  it('pages a long tour: five rows a page and a pager, every location on some page, the panel no taller than a page', () => {
    expect(locationListSize(12).height).toBe(locationListSize(6).height);
    expect(locationListSize(12).height).toBeLessThan(LIST_LAYOUT.header + 12 * LIST_LAYOUT.row);
    // A short tour has no pager.
    expect(locationListSize(3).height).toBe(LIST_LAYOUT.header + 3 * LIST_LAYOUT.row + LIST_LAYOUT.pad);
    const i18n = createTranslator('en');
    const seen: string[] = [];
    for (let page = 0; page < 3; page++) {
      const model = locationListModel(many, 'l0', i18n, page);
      expect(model).toMatchObject({ page, pages: 3, pageLabel: `${page + 1} / 3` });
      const drawing = layoutLocationList(model, measure, null);
      const shown = texts(drawing.steps).filter((t) => t.startsWith('Location '));
      expect(shown.length).toBeLessThanOrEqual(LIST_LAYOUT.pageSize);
      seen.push(...shown);
      for (const step of drawing.steps) if (step.kind === 'text') expect(step.y).toBeLessThan(drawing.height);
      expect(texts(drawing.steps)).toContain(`${page + 1} / 3`);
    }
    expect(seen).toEqual(many.locations.map((l) => l.name.en));
  });

  it('opens on the page of the location on screen, clamps pages out of range, and speaks the UI language', () => {
    const zh = createTranslator('zh-CN');
    expect(locationListModel(many, 'l7', zh).page).toBe(1);
    expect(locationListModel(many, 'l11', zh).page).toBe(2);
    expect(locationListModel(many, 'l0', zh, 9).page).toBe(2);
    expect(locationListModel(many, 'l0', zh, -1).page).toBe(0);
    const all = texts(layoutLocationList(locationListModel(many, 'l7', zh), measure, null).steps);
    expect(all).toContain('当前位置');
    expect(all).toContain('地点 7');
    expect(all).not.toContain('地点 0');
    expect(all.some((t) => t.includes('上一页'))).toBe(true);
    expect(all.some((t) => t.includes('下一页'))).toBe(true);
  });

  it('maps a point to the rows of the page on show (by their index in the tour) and to the pager buttons that lead somewhere', () => {
    for (const page of [0, 1, 2]) {
      for (let i = page * 5; i < Math.min(12, page * 5 + 5); i++) {
        const { u, v } = entryCentreUv(12, i);
        expect(entryAtUv(12, u, v, page)).toBe(i);
      }
    }
    const next = entryCentreUv(12, PAGE_NEXT);
    const previous = entryCentreUv(12, PAGE_PREVIOUS);
    expect(entryAtUv(12, next.u, next.v, 0)).toBe(PAGE_NEXT);
    // The first page has nowhere to go back to, the last nowhere further.
    expect(entryAtUv(12, previous.u, previous.v, 0)).toBeNull();
    expect(entryAtUv(12, previous.u, previous.v, 2)).toBe(PAGE_PREVIOUS);
    expect(entryAtUv(12, next.u, next.v, 2)).toBeNull();
    // The last page's two rows: the slots under them are empty.
    const third = entryCentreUv(12, 2);
    expect(entryAtUv(12, third.u, third.v, 2)).toBeNull();
    // Three locations: one page, no pager drawn.
    const short = locationListModel(tour, 'backlot', createTranslator('en'));
    expect(short.pages).toBe(1);
    expect(texts(layoutLocationList(short, measure, null).steps).some((t) => t.includes('Next'))).toBe(false);
  });

  it('highlights the pager button a pointer rests on', () => {
    const model = locationListModel(many, 'l0', createTranslator('en'));
    const plain = layoutLocationList(model, measure, null).steps;
    const lit = layoutLocationList(model, measure, PAGE_NEXT).steps;
    expect(lit.filter((step, i) => JSON.stringify(step) !== JSON.stringify(plain[i]))).toHaveLength(1);
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
