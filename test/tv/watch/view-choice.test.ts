import { describe, expect, it } from 'vitest';
import { readLaunchParams } from '../../../src/app/url-params';
import { RECHECK_AFTER_VISITS, REMEMBERED_VIEW_KEY, chooseTv360View, rememberFlatPan, webglAvailable, type ChoiceStorage } from '../../../src/tv/flat-pan/view-choice';

function memoryStorage(initial: Record<string, string> = {}): ChoiceStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('TV 360 view choice', () => {
  it('opens the WebGL sphere by default', () => {
    expect(chooseTv360View({ asked: readLaunchParams('?mode=tv').tv360, storage: memoryStorage(), webgl: true })).toEqual({ view: 'webgl', remembered: false });
  });

  it('opens the flat view when WebGL is missing', () => {
    expect(chooseTv360View({ asked: readLaunchParams('').tv360, storage: memoryStorage(), webgl: false })).toEqual({ view: 'flat', reason: 'no-webgl', remembered: false });
  });

  it('honours ?tv360=flat without remembering it', () => {
    const storage = memoryStorage();
    expect(chooseTv360View({ asked: readLaunchParams('?mode=tv&tv360=flat').tv360, storage, webgl: true })).toEqual({ view: 'flat', reason: 'forced', remembered: false });
    rememberFlatPan(storage, 'forced');
    expect(storage.data.size).toBe(0);
  });

  it('remembers a failed pixel check for this device, and ?tv360=webgl forgets it', () => {
    const storage = memoryStorage();
    rememberFlatPan(storage, 'black', Date.UTC(2026, 10, 25));
    expect(JSON.parse(storage.data.get(REMEMBERED_VIEW_KEY)!)).toEqual({ view: 'flat', reason: 'black', at: '2026-11-25T00:00:00.000Z', visits: 0 });
    expect(chooseTv360View({ asked: readLaunchParams('').tv360, storage, webgl: true })).toEqual({ view: 'flat', reason: 'black', remembered: true });
    expect(chooseTv360View({ asked: readLaunchParams('?tv360=webgl').tv360, storage, webgl: true })).toEqual({ view: 'webgl', remembered: false });
    expect(storage.data.has(REMEMBERED_VIEW_KEY)).toBe(false);
  });

  it('never makes a verdict final: after a few flat visits the sphere is tried (and checked) again', () => {
    const storage = memoryStorage();
    rememberFlatPan(storage, 'frozen', Date.UTC(2026, 10, 25));
    const visits = Array.from({ length: RECHECK_AFTER_VISITS + 1 }, () => chooseTv360View({ asked: undefined, storage, webgl: true }));
    expect(visits.slice(0, RECHECK_AFTER_VISITS)).toEqual(Array(RECHECK_AFTER_VISITS).fill({ view: 'flat', reason: 'frozen', remembered: true }));
    expect(visits[RECHECK_AFTER_VISITS]).toEqual({ view: 'webgl', remembered: false, recheck: true });
    expect(storage.data.has(REMEMBERED_VIEW_KEY)).toBe(false);
    // A record from before the count existed starts counting; a set without WebGL 2 is simply flat, never 'rechecked'.
    const old = memoryStorage({ [REMEMBERED_VIEW_KEY]: '{"view":"flat","reason":"black","at":"2026-01-01T00:00:00.000Z"}' });
    expect(chooseTv360View({ asked: undefined, storage: old, webgl: true }).view).toBe('flat');
    expect(JSON.parse(old.data.get(REMEMBERED_VIEW_KEY)!)).toMatchObject({ reason: 'black', visits: 1 });
    expect(chooseTv360View({ asked: undefined, storage: old, webgl: false })).toEqual({ view: 'flat', reason: 'no-webgl', remembered: false });
    // A corrupt count does not pin the set either.
    const corrupt = memoryStorage({ [REMEMBERED_VIEW_KEY]: '{"view":"flat","reason":"black","visits":"lots"}' });
    expect(chooseTv360View({ asked: undefined, storage: corrupt, webgl: true }).view).toBe('flat');
    expect(JSON.parse(corrupt.data.get(REMEMBERED_VIEW_KEY)!)).toMatchObject({ visits: 1 });
  });

  it('drops an unreadable memory instead of obeying it', () => {
    for (const junk of ['not json', '{"view":"flat","reason":"whim"}', '{"view":"sphere","reason":"black"}', 'null']) {
      const storage = memoryStorage({ [REMEMBERED_VIEW_KEY]: junk });
      expect(chooseTv360View({ asked: readLaunchParams('').tv360, storage, webgl: true })).toEqual({ view: 'webgl', remembered: false });
      expect(storage.data.has(REMEMBERED_VIEW_KEY)).toBe(false);
    }
  });

  it('works with storage that throws (a TV with storage off) or is missing', () => {
    const throwing: ChoiceStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(chooseTv360View({ asked: readLaunchParams('').tv360, storage: throwing, webgl: true }).view).toBe('webgl');
    expect(() => rememberFlatPan(throwing, 'frozen')).not.toThrow();
    expect(chooseTv360View({ asked: readLaunchParams('').tv360, storage: undefined, webgl: true }).view).toBe('webgl');
  });

  it('detects WebGL 2 by making (and giving back) a context; WebGL 1 alone (a 2018 set) is not enough for three.js', () => {
    let lost = 0;
    const withGl = { createElement: () => ({ getContext: () => ({ getExtension: () => ({ loseContext: () => lost++ }) }) }) };
    const webgl1Only = { createElement: () => ({ getContext: (kind: string) => (kind === 'webgl' ? { getExtension: () => null } : null) }) };
    expect(webglAvailable(webgl1Only as unknown as Document)).toBe(false);
    const withoutGl = { createElement: () => ({ getContext: () => null }) };
    const broken = {
      createElement: () => ({
        getContext: () => {
          throw new Error('blocklisted');
        },
      }),
    };
    expect(webglAvailable(withGl as unknown as Document)).toBe(true);
    expect(lost).toBe(1);
    expect(webglAvailable(withoutGl as unknown as Document)).toBe(false);
    expect(webglAvailable(broken as unknown as Document)).toBe(false);
  });
});
