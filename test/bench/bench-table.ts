// The one table `npm run bench` prints: every figure with its method, SetVisit beside each peer and the ratios.
import { median } from './stats';
import type { ViewerId } from './viewer-run';

export const VIEWER_COLUMNS: { id: ViewerId; label: string }[] = [
  { id: 'setvisit', label: 'SetVisit' },
  { id: 'setvisit-hlsjs', label: 'SetVisit, hls.js' },
  { id: 'setvisit-wide', label: 'SetVisit, full-size view' },
  { id: 'psv', label: 'PSV 5.15.1' },
  { id: 'aframe', label: 'A-Frame 1.8.0' },
  { id: 'three', label: 'three.js + hls.js' },
];

export interface TableRow {
  figure: string;
  /** Per viewer: the samples of every run (the cell shows their median); missing viewer = not measured. */
  values: Partial<Record<ViewerId, number[]>>;
  unit: string;
  method: string;
  /** Digits after the point. */
  digits?: number;
}

export interface NoteRow {
  figure: string;
  text: string;
  method: string;
}

export type Row = TableRow | NoteRow | { section: string };

function cell(samples: number[] | undefined, unit: string, digits: number): string {
  if (!samples) return '—';
  const value = median(samples);
  if (Number.isNaN(value)) return 'n/a';
  const text = `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
  return samples.length > 1 ? `${text} (${samples.map((s) => s.toFixed(digits)).join(' · ')})` : text;
}

function ratio(row: TableRow, peer: ViewerId): string {
  const ours = row.values.setvisit ? median(row.values.setvisit) : Number.NaN;
  const theirs = row.values[peer] ? median(row.values[peer]) : Number.NaN;
  if (Number.isNaN(ours) || Number.isNaN(theirs)) return '—';
  if (theirs === 0) return ours === 0 ? '1.00' : '∞';
  return (ours / theirs).toFixed(2);
}

export function medianOf(row: TableRow, viewer: ViewerId): number {
  return row.values[viewer] ? median(row.values[viewer]) : Number.NaN;
}

export function renderTable(rows: Row[]): string {
  // Ratios are SetVisit (as it plays by default) over each peer; the hls.js column is for reading beside it.
  const peers = VIEWER_COLUMNS.filter((c) => !c.id.startsWith('setvisit'));
  const header = `| Figure | ${VIEWER_COLUMNS.map((c) => c.label).join(' | ')} | ${peers.map((p) => `SetVisit / ${p.label.split(' ')[0]}`).join(' | ')} | Method |`;
  const rule = `|${'---|'.repeat(VIEWER_COLUMNS.length + peers.length + 2)}`;
  const lines = rows.map((row) => {
    if ('section' in row) return `| **${row.section}** |${' |'.repeat(VIEWER_COLUMNS.length + peers.length + 1)}`;
    if ('text' in row) return `| ${row.figure} | ${row.text} |${' |'.repeat(VIEWER_COLUMNS.length + peers.length - 1)} ${row.method} |`;
    const digits = row.digits ?? 0;
    const cells = VIEWER_COLUMNS.map((c) => cell(row.values[c.id], row.unit, digits));
    return `| ${row.figure} | ${cells.join(' | ')} | ${peers.map((p) => ratio(row, p.id)).join(' | ')} | ${row.method} |`;
  });
  return [header, rule, ...lines].join('\n');
}
