import { describe, expect, it } from 'vitest';
import { startTimeText } from '../../../src/shells/shared/start-time';

// Local times (the viewer's zone, as the page shows them): noon today and noon tomorrow, seen at 10:00.
const now = new Date(2026, 11, 7, 10, 0).getTime();
const todayNoon = new Date(2026, 11, 7, 12, 0).getTime();
const tomorrowNoon = new Date(2026, 11, 8, 12, 0).getTime();

describe('a meet-up start time', () => {
  it('is the clock time alone today', () => {
    expect(startTimeText('en', todayNoon, now)).toBe(new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' }).format(todayNoon));
    expect(startTimeText('en', todayNoon, now)).not.toMatch(/Dec/);
  });
  it('names the day when it is not today, in both languages', () => {
    expect(startTimeText('en', tomorrowNoon, now)).toMatch(/Tue.*Dec.*8.*12:00/);
    expect(startTimeText('zh-CN', tomorrowNoon, now)).toMatch(/12月8日.*周二.*12:00/);
  });
});
