// The tour's locations as a list in the headset: what it says, how it is drawn on its canvas (one row per
// location, the one on screen marked, the one pointed at highlighted) and which row a point on the panel falls
// in. A single canvas and a single mesh for the whole list (one draw call however many locations), so picking
// a row is done here from the panel's texture coordinates, for rays, pinches and the gaze alike.
import type { Translator } from '../i18n/translator';
import type { Language } from '../protocol';
import { font, type DrawStep, type Drawing, type FontMeasure } from './panel-layout';
import { wrapText } from './text-wrap';

export interface LocationListModel {
  language: Language;
  heading: string;
  /** Said beside the location on screen. */
  hereLabel: string;
  entries: { id: string; name: string; here: boolean }[];
}

export function locationListModel(tour: { locations: readonly { id: string; name: Partial<Record<Language, string>> }[] }, currentId: string, i18n: Translator): LocationListModel {
  return {
    language: i18n.language,
    heading: i18n.t('tour.locations'),
    hereLabel: i18n.t('xr.here'),
    entries: tour.locations.map((location) => ({ id: location.id, name: i18n.pick(location.name), here: location.id === currentId })),
  };
}

/** Canvas pixels; the panel's size in metres follows from them (see LIST_METRES_PER_PX). */
export const LIST_LAYOUT = { width: 720, pad: 24, header: 96, row: 88 } as const;

/** The canvas size for `count` locations: as tall as the rows need, so every location is listed. */
export function locationListSize(count: number): { width: number; height: number } {
  return { width: LIST_LAYOUT.width, height: LIST_LAYOUT.header + Math.max(1, count) * LIST_LAYOUT.row + LIST_LAYOUT.pad };
}

/** Row `index`'s box in canvas pixels. */
function rowBox(index: number): { x: number; y: number; width: number; height: number } {
  const { width, pad, header, row } = LIST_LAYOUT;
  return { x: pad, y: header + index * row, width: width - 2 * pad, height: row - 8 };
}

/**
 * The row under a point of the panel given as texture coordinates (u to the right, v up, both 0…1, as three.js
 * reports them for a plane), or null between rows, in the heading or off the panel.
 */
export function entryAtUv(count: number, u: number, v: number): number | null {
  const { width, height } = locationListSize(count);
  const x = u * width;
  const y = (1 - v) * height;
  for (let i = 0; i < count; i++) {
    const box = rowBox(i);
    if (x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height) return i;
  }
  return null;
}

/** The centre of row `index` as texture coordinates: where a test aims, and where the dwell bar is drawn. */
export function entryCentreUv(count: number, index: number): { u: number; v: number } {
  const { width, height } = locationListSize(count);
  const box = rowBox(index);
  return { u: (box.x + box.width / 2) / width, v: 1 - (box.y + box.height / 2) / height };
}

const COLORS = { panel: 'rgba(13, 15, 20, 0.88)', text: '#f2f4f8', muted: '#a3acbd', accent: '#ffb547', row: 'rgba(255, 255, 255, 0.08)', highlight: 'rgba(255, 181, 71, 0.28)' };

/** The list, with `highlighted` (a location id a ray or the gaze rests on) drawn brighter. */
export function layoutLocationList(model: LocationListModel, measure: FontMeasure, highlighted: string | null): Drawing {
  const { width, height } = locationListSize(model.entries.length);
  const { pad } = LIST_LAYOUT;
  const headingFont = font(36, 600, model.language);
  const nameFont = font(30, 600, model.language);
  const hereFont = font(22, 600, model.language);
  const steps: DrawStep[] = [{ kind: 'rect', x: 0, y: 0, width, height, radius: 28, color: COLORS.panel }];
  const [heading = ''] = wrapText(model.heading, width - 2 * pad, (s) => measure(s, headingFont), 1);
  steps.push({ kind: 'text', text: heading, x: pad, y: 32, font: headingFont, color: COLORS.muted, align: 'left' });
  model.entries.forEach((entry, i) => {
    const box = rowBox(i);
    const color = entry.id === highlighted ? COLORS.highlight : COLORS.row;
    steps.push({ kind: 'rect', ...box, radius: 16, color });
    const hereWidth = entry.here ? measure(model.hereLabel, hereFont) + 24 : 0;
    if (entry.here) {
      steps.push({ kind: 'circle', x: box.x + 28, y: box.y + box.height / 2, radius: 10, color: COLORS.accent, lineWidth: null });
      steps.push({ kind: 'text', text: model.hereLabel, x: box.x + box.width - 20, y: box.y + (box.height - 22) / 2, font: hereFont, color: COLORS.accent, align: 'right' });
    }
    const [name = ''] = wrapText(entry.name, box.width - 56 - 20 - hereWidth, (s) => measure(s, nameFont), 1);
    steps.push({ kind: 'text', text: name, x: box.x + 56, y: box.y + (box.height - 30) / 2, font: nameFont, color: entry.here ? COLORS.accent : COLORS.text, align: 'left' });
  });
  return { width, height, steps };
}
