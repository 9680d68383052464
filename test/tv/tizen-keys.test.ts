// Tizen key registration: batch, one-by-one fallback, a key this remote lacks, and no Tizen at all.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TizenTvInputDevice, TvPlatformWindow } from '../../src/tv/platform-apis';
import { TIZEN_KEY_NAMES } from '../../src/tv/remote-keys';
import { registerTizenKeys } from '../../src/tv/tizen-keys';

const onTizen = (tvinputdevice: TizenTvInputDevice): TvPlatformWindow => ({ tizen: { tvinputdevice } });

describe('Tizen key registration', () => {
  it('registers every key SetVisit uses in one batch, calling the API on its own object', async () => {
    const calls: string[][] = [];
    const device: TizenTvInputDevice = {
      registerKeyBatch(this: TizenTvInputDevice, keys, onSuccess) {
        expect(this).toBe(device);
        calls.push(keys);
        setTimeout(() => onSuccess?.(), 0);
      },
      registerKey() {
        throw new Error('not expected');
      },
    };
    const report = await registerTizenKeys(onTizen(device));
    expect(calls).toEqual([[...TIZEN_KEY_NAMES]]);
    expect(report).toEqual({ method: 'batch', registered: [...TIZEN_KEY_NAMES], failed: [] });
  });

  it('falls back to one key at a time when the batch reports an error, and a refused key does not stop the others', async () => {
    const registered: string[] = [];
    const report = await registerTizenKeys(
      onTizen({
        registerKeyBatch: (_keys, _onSuccess, onError) => onError?.({ name: 'InvalidValuesError' }),
        registerKey: (key) => {
          if (key === 'ColorF0Red' || key === '5') throw Object.assign(new Error('no such key'), { name: 'InvalidValuesError' });
          registered.push(key);
        },
      }),
    );
    expect(report.method).toBe('one-by-one');
    expect(report.failed).toEqual(['ColorF0Red', '5']);
    expect(report.registered).toEqual(TIZEN_KEY_NAMES.filter((key) => key !== 'ColorF0Red' && key !== '5'));
    expect(registered).toEqual(report.registered);
  });

  it('falls back when the batch call throws', async () => {
    const report = await registerTizenKeys(
      onTizen({
        registerKeyBatch: () => {
          throw new TypeError('TypeMismatchError');
        },
        registerKey: () => undefined,
      }),
      ['MediaPlay', 'MediaPause'],
    );
    expect(report).toEqual({ method: 'one-by-one', registered: ['MediaPlay', 'MediaPause'], failed: [] });
  });

  it('registers one by one where only registerKey exists (older firmware)', async () => {
    const registered: string[] = [];
    const report = await registerTizenKeys(
      onTizen({
        registerKey: (key) => {
          if (key === 'MediaStop') throw new Error('no such key');
          registered.push(key);
        },
      }),
    );
    expect(report.method).toBe('one-by-one');
    expect(report.failed).toEqual(['MediaStop']);
    expect(registered).toHaveLength(TIZEN_KEY_NAMES.length - 1);
  });

  it('reports a failed batch with no registerKey as every key failed, without throwing', async () => {
    const report = await registerTizenKeys(
      onTizen({ registerKeyBatch: (_keys, _ok, onError) => onError?.({}) }),
      ['ColorF1Green'],
    );
    expect(report).toEqual({ method: 'one-by-one', registered: [], failed: ['ColorF1Green'] });
  });

  it('does nothing off Tizen, or on a Tizen without tvinputdevice', async () => {
    const nothing = { method: 'unavailable', registered: [], failed: [] };
    await expect(registerTizenKeys({})).resolves.toEqual(nothing);
    await expect(registerTizenKeys({ tizen: {} })).resolves.toEqual(nothing);
    await expect(registerTizenKeys(onTizen({}))).resolves.toEqual(nothing);
  });

  it('accepts `window` as is', () => {
    expectTypeOf<Window>().toExtend<TvPlatformWindow>();
  });
});
