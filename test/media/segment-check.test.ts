// A segment cut short is told from a whole one by its container alone: fMP4 box sizes, MPEG-TS packet size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTruncatedSegment } from '../../src/media/segment-check';
import { REPO_ROOT } from '../helpers/test-server';

const segment = readFileSync(join(REPO_ROOT, 'public/media/backlot/tv/seg_00001.m4s'));
/** A copy of exactly these bytes (a Node Buffer's own .buffer can be a larger shared pool). */
const buffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;

describe('isTruncatedSegment', () => {
  it('passes a whole fMP4 segment from the sample stream', () => {
    expect(isTruncatedSegment(buffer(segment))).toBe(false);
  });

  it('catches the same segment cut anywhere: in its first box, between boxes, in its media data', () => {
    for (const share of [0.001, 0.1, 0.5, 0.99]) {
      expect(isTruncatedSegment(buffer(segment.subarray(0, Math.floor(segment.length * share))))).toBe(true);
    }
    expect(isTruncatedSegment(new ArrayBuffer(0))).toBe(true);
  });

  it('checks MPEG-TS by whole 188-byte packets', () => {
    const packets = new Uint8Array(188 * 3);
    for (let i = 0; i < 3; i++) packets[i * 188] = 0x47;
    expect(isTruncatedSegment(buffer(packets))).toBe(false);
    expect(isTruncatedSegment(buffer(packets.subarray(0, 188 * 2 + 100)))).toBe(true);
  });

  it('says nothing about bytes it does not recognise', () => {
    expect(isTruncatedSegment(buffer(new TextEncoder().encode('not a media segment at all')))).toBe(false);
  });
});
