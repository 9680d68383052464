import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../../src/i18n/translator';
import { TV_MEETUP_MESSAGES } from '../../../../src/i18n/tv-meetup';
import { addMessages } from '../../../../src/i18n/translator';
import type { Meetup } from '../../../../src/protocol/meetup';
import { meetupWhen } from '../../../../src/shells/tv/meetup/meetup-when';

addMessages(TV_MEETUP_MESSAGES);
const en = createTranslator('en');
const zh = createTranslator('zh-CN');
// Local times (the viewer's zone, as the TV shows them), seen at 10:00 on Monday 7 December.
const now = new Date(2026, 11, 7, 10, 0).getTime();
const at = (day: number, hour: number, minute = 0) => new Date(2026, 11, day, hour, minute).toISOString();
const meetup = (fields: Partial<Meetup>): Meetup => ({
  id: 'm',
  projectId: 'p',
  title: { en: 'T' },
  star: { en: 'S' },
  scheduledStart: at(7, 12),
  requiredTier: 'gold',
  state: 'scheduled',
  ...fields,
});

describe('when a meet-up is, on a TV card', () => {
  it('says today and the countdown for one later today', () => {
    expect(meetupWhen(en, meetup({}), now)).toEqual({ when: `Today, ${en.time(Date.parse(at(7, 12)))}`, countdown: 'in 02:00:00' });
    expect(meetupWhen(zh, meetup({}), now).countdown).toBe('还有 02:00:00');
  });
  it('names the day for one on another day, in both languages', () => {
    expect(meetupWhen(en, meetup({ scheduledStart: at(9, 19) }), now).when).toMatch(/Wed.*Dec.*9/);
    expect(meetupWhen(zh, meetup({ scheduledStart: at(9, 19) }), now).when).toMatch(/12月9日/);
    expect(meetupWhen(en, meetup({ scheduledStart: at(9, 19) }), now).countdown).toBe('in 2 d 09:00:00');
  });
  it('says how late the host is, not "in", past the start', () => {
    expect(meetupWhen(en, meetup({ scheduledStart: at(7, 9, 0) }), now).countdown).toMatch(/^Waiting for the host: 1 h 0 min/);
  });
  it('says when a live one started and when an ended one was held, with no countdown', () => {
    expect(meetupWhen(en, meetup({ state: 'live', startedAt: at(7, 9, 58) }), now)).toEqual({ when: `Started at ${en.time(Date.parse(at(7, 9, 58)))}`, countdown: '' });
    const ended = meetupWhen(zh, meetup({ state: 'ended', scheduledStart: at(2, 19), startedAt: at(2, 19, 5) }), now);
    expect(ended.when).toMatch(/^12月2日.*举行$/);
    expect(ended.countdown).toBe('');
  });
});
