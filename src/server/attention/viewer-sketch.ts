// Distinct viewers without keeping who they were: a 1,024-bit linear-counting sketch. Each viewer sets one bit
// picked by a keyed hash of a per-connection id, with a key made at random when the process starts and never
// stored, so the bits cannot be tied back to anyone (not even by whoever holds the database and the operator
// token). Sketches of several buckets merge by OR, so a range of buckets counts a viewer once. Below a few
// dozen viewers the estimate is exact unless two viewers share a bit, which can only count too few: the
// privacy floor may withhold a map it could show, never the reverse.
import { createHmac, randomBytes } from 'node:crypto';

export const SKETCH_BITS = 1024;
export const SKETCH_BYTES = SKETCH_BITS / 8;

const PROCESS_KEY = randomBytes(32);

export function emptySketch(): Uint8Array {
  return new Uint8Array(SKETCH_BYTES);
}

/** The bit a viewer sets (stable for the process's life). */
export function sketchBit(viewerKey: string): number {
  return createHmac('sha256', PROCESS_KEY).update(viewerKey).digest().readUInt16BE(0) % SKETCH_BITS;
}

export function setBit(sketch: Uint8Array, bit: number): void {
  sketch[bit >> 3]! |= 1 << (bit & 7);
}

/** ORs `from` into `into`. */
export function mergeSketch(into: Uint8Array, from: Uint8Array): void {
  for (let i = 0; i < SKETCH_BYTES; i++) into[i]! |= from[i] ?? 0;
}

/** Distinct viewers: linear counting, floored (never more than were set). */
export function estimateViewers(sketch: Uint8Array): number {
  let set = 0;
  for (let i = 0; i < SKETCH_BYTES; i++) set += popcount(sketch[i]!);
  if (set === 0) return 0;
  if (set >= SKETCH_BITS) return SKETCH_BITS * 8; // saturated: far above any floor
  // Floored: with few bits set the formula's excess over `set` is a fraction, so a small count is exactly `set`.
  return Math.max(set, Math.floor(-SKETCH_BITS * Math.log(1 - set / SKETCH_BITS)));
}

function popcount(byte: number): number {
  let n = 0;
  for (let b = byte; b; b &= b - 1) n++;
  return n;
}

export const sketchToBase64 = (sketch: Uint8Array) => Buffer.from(sketch).toString('base64');
export function sketchFromBase64(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'base64');
  const sketch = emptySketch();
  sketch.set(bytes.subarray(0, SKETCH_BYTES));
  return sketch;
}

/**
 * Gives each viewer connected to this node a bit of its own while there are bits to spare, so that small counts —
 * the ones the privacy floor judges — are exact on one node: the keyed hash picks the first bit to try, and a
 * collision with another connected viewer moves on to the next free one. A viewer's bit is held while any of its
 * connections is open and freed when the last closes; only then may another viewer take it (and, in a bucket both
 * looked at, be counted once: the count errs low, never high). Beyond 1,024 viewers on a node bits are shared.
 */
export class ViewerBits {
  private readonly byViewer = new Map<string, { bit: number; holders: number }>();
  private readonly used = new Uint16Array(SKETCH_BITS);
  private free = SKETCH_BITS;

  /** Holds `viewerKey`'s bit for one more connection; returns it. */
  hold(viewerKey: string): number {
    const held = this.byViewer.get(viewerKey);
    if (held) {
      held.holders++;
      return held.bit;
    }
    const first = sketchBit(viewerKey);
    let bit = first;
    if (this.free > 0) while (this.used[bit]! > 0) bit = (bit + 1) % SKETCH_BITS;
    if (this.used[bit]! === 0) this.free--;
    this.used[bit]!++;
    this.byViewer.set(viewerKey, { bit, holders: 1 });
    return bit;
  }

  /** The viewer's bit while held. */
  bitOf(viewerKey: string): number | undefined {
    return this.byViewer.get(viewerKey)?.bit;
  }

  /** One connection of `viewerKey` closed. */
  release(viewerKey: string): void {
    const held = this.byViewer.get(viewerKey);
    if (!held || --held.holders > 0) return;
    this.byViewer.delete(viewerKey);
    this.used[held.bit]!--;
    if (this.used[held.bit] === 0) this.free++;
  }
}
