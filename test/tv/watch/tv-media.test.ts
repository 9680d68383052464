import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/feed/logger';
import { highestAllowedLevel } from '../../../src/media/rendition-cap';
import { BUFFER_FLOOR, BUFFER_FULL_ERROR, recoverFromQuotaErrors, shrinkBufferTargets, type QuotaRecoveryTarget } from '../../../src/tv/media/buffer-quota-recovery';
import { TV_BUFFER_BYTES, provenDecodeHeight, tvMediaConfig, type DecodeCapabilities } from '../../../src/tv/media/tv-media-config';

const silent: Logger & { warnings: string[] } = {
  warnings: [],
  info: () => undefined,
  warn(message) {
    this.warnings.push(message);
  },
  error: () => undefined,
};

/** An hls.js stand-in with the real config fields and error event the recovery uses. */
function fakeHls(): QuotaRecoveryTarget & { emit(details: string, fatal?: boolean): void } {
  const listeners: ((event: 'hlsError', data: { details: string; fatal: boolean }) => void)[] = [];
  const hls = tvMediaConfig().hls!;
  return {
    config: { maxBufferLength: hls.maxBufferLength!, maxMaxBufferLength: hls.maxMaxBufferLength!, maxBufferSize: hls.maxBufferSize!, backBufferLength: hls.backBufferLength! },
    on: (_event, listener) => void listeners.push(listener),
    emit: (details, fatal = false) => listeners.forEach((l) => l('hlsError', { details, fatal })),
  };
}

describe('TV media settings', () => {
  it('caps buffers at about 20 MB and renditions at 1080 lines', () => {
    const config = tvMediaConfig();
    expect(config.hls?.maxBufferSize).toBe(TV_BUFFER_BYTES);
    expect(TV_BUFFER_BYTES).toBe(20_000_000);
    expect(config.renditionLimits).toEqual({ maxTextureSize: Infinity, maxHeight: 1080 });
  });

  it('never picks a rendition above the texture limit, even when the set decodes more', () => {
    const ladder = [
      { width: 1920, height: 960 },
      { width: 3840, height: 1920 },
      { width: 5760, height: 2880 },
    ];
    expect(highestAllowedLevel(ladder, tvMediaConfig().renditionLimits!)).toBe(0);
    expect(highestAllowedLevel(ladder, tvMediaConfig({ maxHeight: 2160 }).renditionLimits!)).toBe(1);
    expect(highestAllowedLevel(ladder, tvMediaConfig({ maxHeight: 2160, maxTextureSize: 2048 }).renditionLimits!)).toBe(0);
  });

  it('trusts 2160 lines only when the set reports smooth, power-efficient UHD decode', async () => {
    const answer = (info: { supported: boolean; smooth: boolean; powerEfficient: boolean }): DecodeCapabilities => ({ decodingInfo: () => Promise.resolve(info) });
    expect(await provenDecodeHeight(answer({ supported: true, smooth: true, powerEfficient: true }))).toBe(2160);
    expect(await provenDecodeHeight(answer({ supported: true, smooth: true, powerEfficient: false }))).toBe(1080);
    expect(await provenDecodeHeight(answer({ supported: false, smooth: false, powerEfficient: false }))).toBe(1080);
    expect(await provenDecodeHeight(undefined)).toBe(1080);
    expect(await provenDecodeHeight({ decodingInfo: () => Promise.reject(new TypeError('bad config')) })).toBe(1080);
  });
});

describe('buffer quota recovery', () => {
  it('halves every buffer target, down to a floor that still plays', () => {
    const first = shrinkBufferTargets({ maxBufferLength: 15, maxMaxBufferLength: 20, maxBufferSize: 20_000_000, backBufferLength: 5 })!;
    expect(first).toEqual({ maxBufferLength: 8, maxMaxBufferLength: 10, maxBufferSize: 10_000_000, backBufferLength: 2 });
    const second = shrinkBufferTargets(first)!;
    expect(second).toEqual({ maxBufferLength: 8, maxMaxBufferLength: 8, maxBufferSize: 5_000_000, backBufferLength: 1 });
    let last = second;
    for (let next = shrinkBufferTargets(last); next; next = shrinkBufferTargets(last)) last = next;
    expect(last).toEqual(BUFFER_FLOOR);
    expect(shrinkBufferTargets(BUFFER_FLOOR)).toBeNull();
  });

  it('shrinks the live hls.js config on each buffer-full error and ignores other errors', () => {
    const hls = fakeHls();
    silent.warnings.length = 0;
    const report = recoverFromQuotaErrors(hls, silent);
    hls.emit('fragLoadError');
    expect(report.shrinks).toBe(0);
    expect(hls.config.maxBufferSize).toBe(20_000_000);
    hls.emit(BUFFER_FULL_ERROR);
    expect(report.shrinks).toBe(1);
    expect(hls.config.maxBufferSize).toBe(10_000_000);
    expect(hls.config.maxBufferLength).toBe(8);
    for (let i = 0; i < 10; i++) hls.emit(BUFFER_FULL_ERROR);
    expect(hls.config).toEqual(BUFFER_FLOOR);
    expect(report.targets).toEqual(BUFFER_FLOOR);
    expect(silent.warnings.at(-1)).toMatch(/smallest buffer targets/);
  });
});
