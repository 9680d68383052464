// What every shell's meet-up list shows: the list's four states (loading, an error with the server's reason, none,
// the meet-ups) and each card's text, whatever markup and focus model the shell puts around them.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator';
import type { Meetup } from '../../src/protocol/meetup';
import { meetupListView } from '../../src/react/useMeetup';
import { meetupCardText } from '../../src/meetup/meetup-text';
import { LIVE_MEETUP } from './scripted-meetup-server';

const SCHEDULED: Meetup = { ...LIVE_MEETUP, id: 'later', state: 'scheduled', startedAt: undefined, streamUrl: undefined, scheduledStart: '2026-11-27T20:00:00.000Z' };

describe('a meet-up list’s state', () => {
  it('is loading, an error with the reason, empty, or the meet-ups in the order given', () => {
    expect(meetupListView({ kind: 'loading' })).toEqual({ kind: 'loading' });
    expect(meetupListView({ kind: 'error', failure: { status: 503, code: 'busy', message: 'The server is busy' } })).toEqual({ kind: 'error', message: 'The server is busy' });
    expect(meetupListView({ kind: 'loaded', meetups: [] })).toEqual({ kind: 'empty' });
    expect(meetupListView({ kind: 'loaded', meetups: [LIVE_MEETUP, SCHEDULED] })).toEqual({ kind: 'meetups', meetups: [LIVE_MEETUP, SCHEDULED] });
  });
});

describe('a meet-up’s card', () => {
  const en = createTranslator('en');
  const zh = createTranslator('zh-CN');

  it('offers to join a live one and names the tier it takes', () => {
    expect(meetupCardText(en, LIVE_MEETUP, Date.parse('2026-11-25T20:10:00Z'))).toEqual({
      state: 'Live',
      title: 'Meet the Keeper',
      star: 'with Lin Yue',
      detail: 'For Gold backers and above',
      action: 'Join live',
    });
  });

  it('counts down to a scheduled one, ticking with the clock given', () => {
    const card = meetupCardText(en, SCHEDULED, Date.parse('2026-11-25T18:58:30Z'));
    expect(card).toMatchObject({ state: 'Coming up', action: 'Open' });
    expect(card.detail).toMatch(/^Starts at .+ · in 2 d 01:01:30$/);
    expect(meetupCardText(en, SCHEDULED, Date.parse('2026-11-27T19:59:59Z')).detail).toMatch(/ · in 00:00:01$/);
  });

  it('offers the replay of an ended one, in the UI language', () => {
    const ended: Meetup = { ...LIVE_MEETUP, state: 'ended' };
    expect(meetupCardText(en, ended, 0).action).toBe('Watch the replay');
    const card = meetupCardText(zh, ended, 0);
    expect(card.title).toBe('见面会');
    expect(card.star).toContain('林悦');
    expect(card.action).toBe(zh.t('meetup.watchReplay'));
    expect(card.action).not.toBe('Watch the replay');
  });
});
