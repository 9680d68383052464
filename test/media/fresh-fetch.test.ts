// Which hls.js requests go past the HTTP cache: a segment that came damaged, and everything after a Retry.
import { describe, expect, it } from 'vitest';
import { bypassCacheFor, markDamaged, markRetried, takeRetried } from '../../src/media/fresh-fetch';

/** The members of an XMLHttpRequest the hook uses. */
class FakeXhr {
  readyState = 0;
  opened: string | null = null;
  headers: Record<string, string> = {};
  open(_method: string, url: string) {
    this.opened = url;
    this.readyState = 1;
  }
  setRequestHeader(name: string, value: string) {
    if (this.readyState !== 1) throw new Error('InvalidStateError: not opened');
    this.headers[name] = value;
  }
}
(globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest ??= { UNSENT: 0 };

const run = (hook: (xhr: XMLHttpRequest, url: string) => void, url: string) => {
  const xhr = new FakeXhr();
  hook(xhr as unknown as XMLHttpRequest, url);
  return xhr;
};

describe('fresh fetches', () => {
  it('leaves ordinary requests to the cache, and sends a damaged segment to the network from then on', () => {
    const hook = bypassCacheFor(() => false);
    expect(run(hook, 'https://cdn.example/seg_1.m4s').headers).toEqual({});
    markDamaged('https://cdn.example/seg_1.m4s');
    const xhr = run(hook, 'https://cdn.example/seg_1.m4s');
    expect(xhr.opened).toBe('https://cdn.example/seg_1.m4s');
    expect(xhr.headers).toEqual({ 'Cache-Control': 'no-cache' });
    expect(run(hook, 'https://cdn.example/seg_2.m4s').headers).toEqual({});
  });

  it('after a Retry, the next player of that stream fetches everything from the network, once', () => {
    markRetried('https://cdn.example/master.m3u8');
    const fresh = takeRetried('https://cdn.example/master.m3u8');
    expect(fresh).toBe(true);
    expect(takeRetried('https://cdn.example/master.m3u8')).toBe(false);
    expect(run(bypassCacheFor(() => fresh), 'https://cdn.example/any/index.m3u8').headers).toEqual({ 'Cache-Control': 'no-cache' });
  });
});
