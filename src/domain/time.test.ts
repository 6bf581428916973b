import { DateTime } from 'luxon';
import { clockTime, durationBetween, formatDuration, parseTime, relativeTime } from './time';

describe('relativeTime', () => {
  const now = Date.parse('2026-11-22T12:00:00.000Z');
  const at = (iso: string) => relativeTime(iso, now);

  it.each([
    ['2026-11-22T11:59:30.000Z', '30 seconds ago'],
    ['2026-11-22T11:55:00.000Z', '5 minutes ago'],
    ['2026-11-22T09:00:00.000Z', '3 hours ago'],
    ['2026-11-20T12:00:00.000Z', '2 days ago'],
    ['2026-09-22T12:00:00.000Z', '2 months ago'],
    ['2024-11-22T12:00:00.000Z', '2 years ago'],
    ['2026-11-22T12:00:00.000Z', 'in 0 seconds'],
    ['2026-11-22T12:10:00.000Z', 'in 10 minutes'],
  ])('%s is "%s", as luxon says', (iso, expected) => {
    expect(at(iso)?.relative).toBe(expected);
    expect(DateTime.fromISO(iso).toRelative({ base: DateTime.fromMillis(now) })).toBe(expected);
  });

  it('gives the exact time as luxon formats DATETIME_FULL', () => {
    const iso = '2026-11-20T08:05:00.000Z';
    expect(at(iso)?.exact).toBe(DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_FULL));
  });

  it.each([null, undefined, '', 'yesterday', '2026-13-45T99:00:00Z'])('is undefined for %p', value => {
    expect(at(value as string)).toBeUndefined();
  });
});

describe('unreadable dates', () => {
  it.each([null, undefined, '', '   ', 'yesterday', '2026-13-45T99:00:00Z'])('parseTime(%p) is undefined', value => {
    expect(parseTime(value as string)).toBeUndefined();
  });

  it('measures to now for a missing or empty end, and not at all for an invalid one', () => {
    const now = Date.parse('2026-01-01T00:01:00Z');
    const start = '2026-01-01T00:00:00Z';
    expect(durationBetween({ start, end: null, now })).toBe(60_000);
    expect(durationBetween({ start, end: '', now })).toBe(60_000);
    expect(durationBetween({ start, end: 'garbage', now })).toBeUndefined();
    expect(durationBetween({ start: '', end: null, now })).toBeUndefined();
  });

  it('formats what cannot be a duration or a time as "—", never NaN', () => {
    expect(formatDuration(NaN)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
    expect(formatDuration(Infinity)).toBe('—');
    expect(clockTime(NaN)).toBe('—');
    expect(clockTime(Date.parse('2026-01-01T12:34:56'))).toBe('12:34:56');
  });
});
