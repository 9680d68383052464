// The circle schemas and the shared clock: what both ends accept and refuse, and the time they compute alike.
import { describe, expect, it } from 'vitest';
import {
  CIRCLE_CODE_ALPHABET,
  CircleCodeInput,
  ControlRequest,
  CreateCircleRequest,
  JoinCircleRequest,
  ManageRequest,
  circleCodeFromHash,
  circleInviteLink,
  circleMediaTime,
  formatCircleCode,
  normalizeCircleCode,
  reanchor,
} from '../../src/protocol/circle';

describe('circle protocol', () => {
  it('codes have no lookalike characters and read the same typed in any case, with spaces or dashes', () => {
    for (const lookalike of ['0', 'O', '1', 'I', 'L']) expect(CIRCLE_CODE_ALPHABET).not.toContain(lookalike);
    expect(CircleCodeInput.safeParse('abcd-efgh').success).toBe(true);
    expect(CircleCodeInput.safeParse(' AB CD EF GH ').success).toBe(true);
    expect(CircleCodeInput.safeParse('ABCD-EFG0').success).toBe(false);
    expect(CircleCodeInput.safeParse('ABCD-EFG').success).toBe(false);
    expect(normalizeCircleCode('ab cd-efgh')).toBe('ABCDEFGH');
    expect(formatCircleCode('ABCDEFGH')).toBe('ABCD-EFGH');
  });

  it('puts the code in the link fragment, never in the path or query the server logs', () => {
    const link = circleInviteLink('https://setvisit.example', 'lantern-keeper', 'ABCDEFGH');
    const url = new URL(link);
    expect(url.hash).toBe('#circle=ABCD-EFGH');
    expect(url.search).not.toContain('ABCD');
    expect(circleCodeFromHash(url.hash)).toBe('ABCDEFGH');
    expect(circleCodeFromHash('#other=1')).toBeUndefined();
  });

  it('refuses another version, unknown fields and oversize names', () => {
    const create = { v: 1, projectId: 'lantern-keeper', name: 'Ana', device: 'desktop', locationId: 'backlot' };
    expect(CreateCircleRequest.safeParse(create).success).toBe(true);
    expect(CreateCircleRequest.safeParse({ ...create, v: 99 }).success).toBe(false);
    expect(CreateCircleRequest.safeParse({ ...create, hostId: 'm_abcdefgh' }).success).toBe(false);
    expect(CreateCircleRequest.safeParse({ ...create, name: 'x'.repeat(41) }).success).toBe(false);
    expect(JoinCircleRequest.safeParse({ v: 1, code: 'ABCD-EFGH', name: 'Bo', device: 'tv', memberId: 'nope' }).success).toBe(false);
    expect(ControlRequest.safeParse({ circleId: 'c_abcdefgh', action: { kind: 'seek', mediaTime: -1 } }).success).toBe(false);
    expect(ControlRequest.safeParse({ circleId: 'c_abcdefgh', action: { kind: 'seek', mediaTime: 12.5 } }).success).toBe(true);
    expect(ManageRequest.safeParse({ circleId: 'c_abcdefgh', action: { kind: 'end', extra: 1 } }).success).toBe(false);
  });

  it('computes the circle time from the anchor: advancing only while playing and not waiting', () => {
    const playback = { locationId: 'backlot', playing: true, mediaTime: 10, at: 1_000_000 };
    expect(circleMediaTime(playback, 1_002_500, false)).toBeCloseTo(12.5);
    expect(circleMediaTime(playback, 1_002_500, true)).toBe(10);
    expect(circleMediaTime({ ...playback, playing: false }, 1_002_500, false)).toBe(10);
    expect(reanchor(playback, 1_001_000, false)).toEqual({ ...playback, mediaTime: 11, at: 1_001_000 });
  });
});
