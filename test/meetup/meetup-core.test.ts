// The small rules of the meet-up core: countdown parts, the start reminder, the stage as a one-location tour,
// the live position read from the media element, and the board's order as a pure function.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator';
import { countdownTo } from '../../src/meetup/countdown';
import { formatCountdown } from '../../src/meetup/meetup-text';
import { measureLivePosition } from '../../src/meetup/live-position';
import { boardFrom, orderQuestions } from '../../src/meetup/question-board';
import { stageTour } from '../../src/meetup/stage-tour';
import { StartReminder } from '../../src/meetup/start-reminder';
import type { MeetupRoom } from '../../src/meetup/meetup-room';
import { Tour } from '../../src/protocol/tour-schema';
import { waitFor } from '../helpers/wait';
import { LIVE_MEETUP, question } from './scripted-meetup-server';

describe('countdown', () => {
  it('splits the time left into days, hours, minutes and seconds', () => {
    const start = Date.parse('2026-11-27T20:00:00Z');
    expect(countdownTo(start, Date.parse('2026-11-25T18:58:30Z'))).toEqual({ days: 2, hours: 1, minutes: 1, seconds: 30, due: false, overdueMinutes: 0 });
    expect(countdownTo(start, start - 500)).toMatchObject({ seconds: 1, due: false });
    expect(countdownTo(start, start + 60_000)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0, due: true, overdueMinutes: 1 });
  });
});

describe('countdown text', () => {
  const en = createTranslator('en');
  const zh = createTranslator('zh-CN');
  const start = Date.parse('2026-11-27T20:00:00Z');
  const at = (ms: number) => countdownTo(start, start + ms);

  it('says "any moment now" at the start, and says the host is late once that is no longer true', () => {
    expect(formatCountdown(en, countdownTo(start, start - 61_000))).toBe('00:01:01');
    expect(formatCountdown(en, at(30_000))).toBe('any moment now');
    expect(formatCountdown(en, at(4 * 60_000))).toBe('any moment now');
    expect(formatCountdown(en, at(5 * 60_000))).toBe('Waiting for the host: 5 min past the start time');
    expect(formatCountdown(en, at(65 * 60_000 + 30_000))).toBe('Waiting for the host: 1 h 5 min past the start time');
    expect(formatCountdown(zh, at(60 * 60_000))).toBe('等待主持人开始：已过开始时间 1 小时 0 分钟');
    expect(formatCountdown(zh, at(12 * 60_000))).not.toContain('马上开始');
  });
});

describe('start reminder', () => {
  it('is armed until the start, then notifies and turns due', async () => {
    const reports: MeetupRoom['reminder'][] = [];
    const notes: string[] = [];
    const reminder = new StartReminder({ report: (r) => reports.push(r), notify: (title) => (notes.push(title), true) });
    reminder.arm({ id: 'm1', scheduledStart: new Date(Date.now() + 80).toISOString() }, { title: 'Starting now', body: 'Meet the Keeper' });
    expect(reports).toEqual([{ meetupId: 'm1', state: 'armed' }]);
    await waitFor(() => reports.length === 2, 2_000, 'due');
    expect(reports[1]).toEqual({ meetupId: 'm1', state: 'due' });
    expect(notes).toEqual(['Starting now']);
  });

  it('shows the banner when notifications are not allowed, and cancelling clears it', () => {
    const reports: MeetupRoom['reminder'][] = [];
    const reminder = new StartReminder({ report: (r) => reports.push(r), notify: () => false });
    reminder.arm({ id: 'm2', scheduledStart: new Date(Date.now() - 1_000).toISOString() }, { title: 't', body: 'b' });
    expect(reports).toEqual([{ meetupId: 'm2', state: 'armed' }, { meetupId: 'm2', state: 'due' }]);
    reminder.cancel();
    expect(reports.at(-1)).toBeNull();
    expect(reminder.armedFor).toBeNull();
  });
});

describe('stage tour', () => {
  it('turns a live meet-up into a valid one-location tour, and a scheduled one into none', () => {
    const tour = stageTour(LIVE_MEETUP);
    expect(Tour.safeParse(tour).success).toBe(true);
    expect(tour?.locations[0]?.stream).toBe(LIVE_MEETUP.streamUrl);
    const { streamUrl: _gone, ...scheduled } = LIVE_MEETUP;
    expect(stageTour({ ...scheduled, state: 'scheduled' })).toBeNull();
  });
});

describe('live position', () => {
  const video = (edge: number | null, currentTime: number) => ({
    currentTime,
    duration: edge ?? Number.NaN,
    seekable: { length: edge === null ? 0 : 1, start: () => 0, end: () => edge ?? 0 } as unknown as TimeRanges,
  });
  it('is the distance from the playhead to the live edge', () => {
    expect(measureLivePosition(video(36, 31.5))).toEqual({ latencySeconds: 4.5, edgeSeconds: 36, currentSeconds: 31.5 });
  });
  it('is unknown before anything loaded or for an unbounded range', () => {
    expect(measureLivePosition(video(null, 0))).toBeNull();
    expect(measureLivePosition(video(Number.POSITIVE_INFINITY, 3))).toBeNull();
  });
});

describe('question board order', () => {
  it('puts the spotlight first, then open questions by votes, oldest first on a tie', () => {
    const board = orderQuestions([
      question('low', 0, '2026-11-25T20:00:00Z'),
      question('high', 7, '2026-11-25T20:05:00Z'),
      question('tie-late', 3, '2026-11-25T20:04:00Z'),
      question('tie-early', 3, '2026-11-25T20:01:00Z'),
      question('on-screen', 1, '2026-11-25T20:02:00Z', 'spotlight'),
      question('done', 50, '2026-11-25T20:02:00Z', 'answered'),
    ]);
    expect(board.map((q) => q.id)).toEqual(['on-screen', 'high', 'tie-early', 'tie-late', 'low']);
  });

  it('keeps one spotlight when a list holds two: the later-asked one', () => {
    const board = boardFrom([question('old', 1, '2026-11-25T20:00:00Z', 'spotlight'), question('new', 1, '2026-11-25T20:03:00Z', 'spotlight')]);
    expect(board.spotlight?.id).toBe('new');
    expect(board.questions.filter((q) => q.status === 'spotlight').map((q) => q.id)).toEqual(['new']);
  });
});
