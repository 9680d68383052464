import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSetPicture, setPictureOf } from '../../../src/tv/dashboard/set-picture';

describe('the set picture on the TV home screen', () => {
  it('is the start location’s poster in the demo tour', () => {
    const tour: unknown = JSON.parse(readFileSync('scenes/lantern-keeper.json', 'utf8'));
    expect(setPictureOf(tour)).toBe('/media/backlot/poster.jpg');
  });

  it('is nothing for a tour without one, a broken file, or a poster that is not a path of this site', () => {
    expect(setPictureOf({ start: 'a', locations: [{ id: 'a' }] })).toBeNull();
    expect(setPictureOf({ start: 'a', locations: [{ id: 'b', poster: '/media/b.jpg' }] })).toBeNull();
    expect(setPictureOf(null)).toBeNull();
    expect(setPictureOf('tour')).toBeNull();
    expect(setPictureOf({ start: 'a', locations: 'a' })).toBeNull();
    for (const poster of ['https://elsewhere.example/p.jpg', '//elsewhere.example/p.jpg', '/media/../secret', 'javascript:alert(1)', '/media/a.jpg")']) {
      expect(setPictureOf({ start: 'a', locations: [{ id: 'a', poster }] }), poster).toBeNull();
    }
  });

  it('is nothing when the tour file is refused (a backers-only project) or the network fails', async () => {
    const refused = (() => Promise.resolve(new Response('{}', { status: 401 }))) as typeof fetch;
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const ok = (() => Promise.resolve(new Response(JSON.stringify({ start: 'a', locations: [{ id: 'a', poster: '/media/a/poster.jpg' }] })))) as typeof fetch;
    expect(await loadSetPicture('/scenes/x.json', refused)).toBeNull();
    expect(await loadSetPicture('/scenes/x.json', offline)).toBeNull();
    expect(await loadSetPicture('/scenes/x.json', ok)).toBe('/media/a/poster.jpg');
  });
});
