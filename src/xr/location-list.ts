// The tour's locations as a list in the headset: what it says, how it is drawn on its canvas (one row per
// location, the one on screen marked, the one pointed at highlighted) and which row a point on the panel falls
// in. A single canvas and a single mesh for the whole list (one draw call however many locations), so picking
// a row is done here from the panel's texture coordinates, for rays, pinches and the gaze alike. A long tour is
// paged (LIST_LAYOUT.pageSize rows a page, with previous / next below them): a panel as tall as 12 rows would
// reach far below the milestone panel and out of a seated reader's comfortable view.
import type { Translator } from '../i18n/translator';
import type { BackerTier, Language } from '../protocol';
import { font, type DrawStep, type Drawing, type FontMeasure } from './panel-layout';
import { wrapText } from './text-wrap';

export interface LocationListModel {
  language: Language;
  heading: string;
  /** Said beside the location on screen. */
  hereLabel: string;
  entries: { id: string; name: string; here: boolean }[];
  /** The page on show (0-based) and how many there are (1 for a short tour: no pager drawn). */
  page: number;
  pages: number;
  /** The pager's words: "Previous", "Next" and "2 / 3". */
  previousLabel: string;
  nextLabel: string;
  pageLabel: string;
}

/**
 * The list in the UI language. `page` is the page on show; without one, the page holding the location on screen
 * (so the list opens where the person is). Out-of-range pages are clamped.
 */
export function locationListModel(
  tour: { locations: readonly { id: string; name: Partial<Record<Language, string>>; tier?: BackerTier | undefined }[] },
  currentId: string,
  i18n: Translator,
  page?: number,
): LocationListModel {
  const pages = pageCount(tour.locations.length);
  const here = Math.max(0, tour.locations.findIndex((l) => l.id === currentId));
  const shown = Math.max(0, Math.min(pages - 1, page ?? Math.floor(here / LIST_LAYOUT.pageSize)));
  return {
    language: i18n.language,
    heading: i18n.t('tour.locations'),
    hereLabel: i18n.t('xr.here'),
    // A location still carrying a tier is locked for this viewer (loadTour): its row names the tier that opens it.
    entries: tour.locations.map((location) => ({
      id: location.id,
      name: location.tier ? i18n.t('tour.lock.entry', { location: i18n.pick(location.name), tier: i18n.t(`tier.${location.tier}`) }) : i18n.pick(location.name),
      here: location.id === currentId,
    })),
    page: shown,
    pages,
    previousLabel: i18n.t('xr.list.previous'),
    nextLabel: i18n.t('xr.list.next'),
    pageLabel: i18n.t('xr.list.page', { page: shown + 1, pages }),
  };
}

/** Canvas pixels; the panel's size in metres follows from them (see LIST_METRES_PER_PX). */
export const LIST_LAYOUT = { width: 720, pad: 24, header: 96, row: 88, pageSize: 5, pager: 96 } as const;

/** What a point of the list can pick: a location (its id) or a pager button. */
export const PAGE_PREVIOUS = '‹previous';
export const PAGE_NEXT = '›next';

export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / LIST_LAYOUT.pageSize));
}

/** The locations on page `page` of `count`: [first index, end index). */
export function pageRange(count: number, page: number): [number, number] {
  const first = page * LIST_LAYOUT.pageSize;
  return [first, Math.min(count, first + LIST_LAYOUT.pageSize)];
}

/**
 * The canvas size for `count` locations: as tall as one page's rows need, plus the pager when there are several
 * pages. The same for every page of a tour (a texture's size cannot change after its first upload).
 */
export function locationListSize(count: number): { width: number; height: number } {
  const rows = Math.max(1, Math.min(count, LIST_LAYOUT.pageSize));
  const pager = pageCount(count) > 1 ? LIST_LAYOUT.pager : 0;
  return { width: LIST_LAYOUT.width, height: LIST_LAYOUT.header + rows * LIST_LAYOUT.row + pager + LIST_LAYOUT.pad };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Row `slot`'s box (its place on the page, 0…pageSize−1) in canvas pixels. */
function rowBox(slot: number): Box {
  const { width, pad, header, row } = LIST_LAYOUT;
  return { x: pad, y: header + slot * row, width: width - 2 * pad, height: row - 8 };
}

/** The pager's previous and next buttons, under the page's rows. */
function pagerBoxes(count: number): { previous: Box; next: Box } {
  const { width, pad, header, row, pageSize, pager } = LIST_LAYOUT;
  const y = header + Math.min(count, pageSize) * row + 8;
  const buttonWidth = 200;
  const height = pager - 24;
  return { previous: { x: pad, y, width: buttonWidth, height }, next: { x: width - pad - buttonWidth, y, width: buttonWidth, height } };
}

const inside = (box: Box, x: number, y: number) => x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;

/**
 * What lies under a point of the panel given as texture coordinates (u to the right, v up, both 0…1, as three.js
 * reports them for a plane): the index (in the whole tour) of a location's row on page `page`, PAGE_PREVIOUS or
 * PAGE_NEXT for a pager button that leads somewhere, or null between rows, in the heading or off the panel.
 */
export function entryAtUv(count: number, u: number, v: number, page = 0): number | typeof PAGE_PREVIOUS | typeof PAGE_NEXT | null {
  const { width, height } = locationListSize(count);
  const x = u * width;
  const y = (1 - v) * height;
  const [first, end] = pageRange(count, page);
  for (let i = first; i < end; i++) if (inside(rowBox(i - first), x, y)) return i;
  const pages = pageCount(count);
  if (pages > 1) {
    const { previous, next } = pagerBoxes(count);
    if (page > 0 && inside(previous, x, y)) return PAGE_PREVIOUS;
    if (page < pages - 1 && inside(next, x, y)) return PAGE_NEXT;
  }
  return null;
}

/**
 * The centre of location `index`'s row (on its own page), or of a pager button, as texture coordinates: where a
 * test aims, and where the dwell bar is drawn.
 */
export function entryCentreUv(count: number, index: number | typeof PAGE_PREVIOUS | typeof PAGE_NEXT): { u: number; v: number } {
  const { width, height } = locationListSize(count);
  const box = typeof index === 'number' ? rowBox(index % LIST_LAYOUT.pageSize) : pagerBoxes(count)[index === PAGE_PREVIOUS ? 'previous' : 'next'];
  return { u: (box.x + box.width / 2) / width, v: 1 - (box.y + box.height / 2) / height };
}

const COLORS = { panel: 'rgba(13, 15, 20, 0.88)', text: '#f2f4f8', muted: '#a3acbd', accent: '#ffb547', row: 'rgba(255, 255, 255, 0.08)', highlight: 'rgba(255, 181, 71, 0.28)', disabled: 'rgba(242, 244, 248, 0.3)' };

/** The list's page on show, with `highlighted` (a location id or pager button a ray or the gaze rests on) drawn brighter. */
export function layoutLocationList(model: LocationListModel, measure: FontMeasure, highlighted: string | null): Drawing {
  const count = model.entries.length;
  const { width, height } = locationListSize(count);
  const { pad } = LIST_LAYOUT;
  const headingFont = font(36, 600, model.language);
  const nameFont = font(30, 600, model.language);
  const hereFont = font(22, 600, model.language);
  const steps: DrawStep[] = [{ kind: 'rect', x: 0, y: 0, width, height, radius: 28, color: COLORS.panel }];
  const [heading = ''] = wrapText(model.heading, width - 2 * pad, (s) => measure(s, headingFont), 1);
  steps.push({ kind: 'text', text: heading, x: pad, y: 32, font: headingFont, color: COLORS.muted, align: 'left' });
  const [first, end] = pageRange(count, model.page);
  model.entries.slice(first, end).forEach((entry, i) => {
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
  if (model.pages > 1) {
    const { previous, next } = pagerBoxes(count);
    const pagerFont = font(28, 600, model.language);
    const button = (box: Box, label: string, target: string, enabled: boolean) => {
      steps.push({ kind: 'rect', ...box, radius: 16, color: target === highlighted && enabled ? COLORS.highlight : COLORS.row });
      const [text = ''] = wrapText(label, box.width - 24, (s) => measure(s, pagerFont), 1);
      steps.push({ kind: 'text', text, x: box.x + box.width / 2, y: box.y + (box.height - 28) / 2, font: pagerFont, color: enabled ? COLORS.text : COLORS.disabled, align: 'center' });
    };
    button(previous, `‹ ${model.previousLabel}`, PAGE_PREVIOUS, model.page > 0);
    button(next, `${model.nextLabel} ›`, PAGE_NEXT, model.page < model.pages - 1);
    steps.push({ kind: 'text', text: model.pageLabel, x: width / 2, y: previous.y + (previous.height - 28) / 2, font: pagerFont, color: COLORS.muted, align: 'center' });
  }
  return { width, height, steps };
}
