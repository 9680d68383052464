// The refusal vocabulary client and server share: each code the server answers maps to the reason the viewer is
// shown, a CDN edge's bare 401/403 reads as a missing pass, and anything else is no refusal.
import { describe, expect, it } from 'vitest';
import { MEDIA_REFUSALS, refusalOf } from '../../src/protocol/media-refusal';

const body = (code: string) => ({ error: { code, message: 'm' } });

describe('media refusals', () => {
  it('maps each server code to the reason shown', () => {
    expect(Object.keys(MEDIA_REFUSALS).map((code) => [code, refusalOf(code === 'stream-ended' ? 410 : 403, body(code))])).toEqual([
      ['media-pass-needed', 'pass'],
      ['media-pass-expired', 'pass'],
      ['media-pass-invalid', 'pass'],
      ['stream-ended', 'ended'],
      ['stream-key-revoked', 'key'],
    ]);
  });

  it('reads a refusal without a known code as a missing pass, and other answers as none', () => {
    expect(refusalOf(403, null)).toBe('pass');
    expect(refusalOf(401, 'not json')).toBe('pass');
    expect(refusalOf(403, body('toString'))).toBe('pass');
    expect(refusalOf(404, body('stream-ended'))).toBeNull();
    expect(refusalOf(200, null)).toBeNull();
    expect(refusalOf(503, body('media-pass-expired'))).toBeNull();
  });
});
