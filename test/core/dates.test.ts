import { addDays, dayKey, daysBetween, parseDateCell, startOfDay, tzOffsetMs, weekday } from '../../src/core/dates';

const SH = 'Asia/Shanghai';
const LA = 'America/Los_Angeles';

describe('days in the spreadsheet time zone, whatever the process TZ', () => {
  test('23:30 in Asia/Shanghai is still that day', () => {
    expect(dayKey(new Date('2026-03-01T15:30:00Z'), SH)).toBe('2026-03-01');
  });
  test('midnight in Asia/Shanghai starts the next day', () => {
    expect(dayKey(new Date('2026-03-01T16:00:00Z'), SH)).toBe('2026-03-02');
  });
  test('the same instant is the day before in Los Angeles', () => {
    expect(dayKey(new Date('2026-03-01T16:00:00Z'), LA)).toBe('2026-03-01');
  });
  test('UTC days are UTC days', () => {
    expect(dayKey(new Date('2026-12-31T23:59:59Z'), 'UTC')).toBe('2026-12-31');
  });
  test('local midnight is found in each zone', () => {
    expect(startOfDay('2026-03-02', SH).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(startOfDay('2026-03-02', LA).toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(startOfDay('2026-07-02', LA).toISOString()).toBe('2026-07-02T07:00:00.000Z');
    expect(startOfDay('2026-03-02', 'UTC').toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
  test('the day DST starts in Los Angeles still begins at midnight PST', () => {
    expect(startOfDay('2026-03-08', LA).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(dayKey(new Date('2026-03-09T06:59:00Z'), LA)).toBe('2026-03-08');
    expect(dayKey(new Date('2026-03-09T07:00:00Z'), LA)).toBe('2026-03-09');
  });
  test('a zone where DST skips midnight starts the day at 01:00', () => {
    // Santiago, 2026-09-06: clocks jump from 00:00 to 01:00.
    const start = startOfDay('2026-09-06', 'America/Santiago');
    expect(dayKey(start, 'America/Santiago')).toBe('2026-09-06');
    expect(dayKey(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
  });
  test('days before 1900 and after 2099 (kept apart from the memo arrays) read the same way', () => {
    for (const day of ['1899-12-31', '1850-06-15', '2100-01-01', '2150-07-04', '1900-01-01', '2099-12-31']) {
      for (const tz of [SH, LA, 'UTC']) {
        expect(dayKey(startOfDay(day, tz), tz)).toBe(day);
        expect(dayKey(new Date(startOfDay(day, tz).getTime() - 1), tz)).toBe(addDays(day, -1));
      }
    }
    expect(daysBetween('1899-12-31', '2100-01-01')).toBe(73_050);
  });
  test('a DST change before 1970 is found to the quarter hour, beside days from another century', () => {
    const HOUR = 3_600_000;
    dayKey(new Date('1850-06-15T12:00:00Z'), LA);
    dayKey(new Date('2150-06-15T12:00:00Z'), LA);
    // Los Angeles went from PST to PDT at 02:00 local on 28 April 1968 (10:00 UTC).
    expect(tzOffsetMs(Date.UTC(1968, 3, 28, 9, 45), LA)).toBe(-8 * HOUR);
    expect(tzOffsetMs(Date.UTC(1968, 3, 28, 10, 0), LA)).toBe(-7 * HOUR);
    expect(tzOffsetMs(Date.UTC(1968, 3, 28, 9, 45), LA)).toBe(-8 * HOUR);
  });
  test('startOfDay and dayKey round-trip over a whole leap year in each zone', () => {
    for (const tz of ['UTC', SH, LA, 'Australia/Lord_Howe']) {
      let day = '2028-01-01';
      while (day < '2029-01-01') {
        expect(dayKey(startOfDay(day, tz), tz)).toBe(day);
        day = addDays(day, 1);
      }
    }
  });
});

describe('day arithmetic', () => {
  test('days between', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
  });
  test('leap day 2028-02-29 exists', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });
  test('weekdays', () => {
    expect(weekday('2026-03-02')).toBe(1); // Monday
    expect(weekday('2026-03-07')).toBe(6);
    expect(weekday('2026-03-08')).toBe(7);
  });
  test('skipping weekends moves a Saturday or Sunday to Monday', () => {
    expect(addDays('2026-03-04', 3, true)).toBe('2026-03-09'); // Wed + 3 = Sat → Mon
    expect(addDays('2026-03-05', 3, true)).toBe('2026-03-09'); // Thu + 3 = Sun → Mon
    expect(addDays('2026-03-02', 3, true)).toBe('2026-03-05');
    expect(addDays('2026-03-04', 3, false)).toBe('2026-03-07');
  });
});

describe('reading a date cell', () => {
  test('a Date from Sheets is read in the spreadsheet zone', () => {
    expect(parseDateCell(new Date('2026-03-01T16:30:00Z'), SH)).toEqual({ ok: true, day: '2026-03-02' });
    expect(parseDateCell(new Date('2026-03-01T16:30:00Z'), LA)).toEqual({ ok: true, day: '2026-03-01' });
  });
  test('text dates in the usual spellings', () => {
    for (const text of [
      '2026-03-01',
      '2026/3/1',
      '2026.3.1',
      '2026年3月1日',
      ' 2026-3-1 ',
      '２０２６／３／１',
      '2026-03-01 14:30',
      '2026年3月1日 9:05',
    ]) {
      expect(parseDateCell(text, SH)).toEqual({ ok: true, day: '2026-03-01' });
    }
  });
  test('an ISO instant with a zone is converted to the spreadsheet zone', () => {
    expect(parseDateCell('2026-03-01T16:30:00Z', SH)).toEqual({ ok: true, day: '2026-03-02' });
    expect(parseDateCell('2026-03-01T16:30:00+08:00', SH)).toEqual({ ok: true, day: '2026-03-01' });
  });
  test('Sheets serial numbers', () => {
    expect(parseDateCell(46082, SH)).toEqual({ ok: true, day: '2026-03-01' });
    expect(parseDateCell(46082.75, LA)).toEqual({ ok: true, day: '2026-03-01' });
    expect(parseDateCell(1, SH)).toEqual({ ok: true, day: '1899-12-31' });
  });
  test('a blank cell is no date, not an error', () => {
    expect(parseDateCell('', SH)).toEqual({ ok: true, day: null });
    expect(parseDateCell('   ', SH)).toEqual({ ok: true, day: null });
    expect(parseDateCell(null, SH)).toEqual({ ok: true, day: null });
  });
  test('text that is not a date is an error carrying the text', () => {
    expect(parseDateCell('next week', SH)).toEqual({ ok: false, text: 'next week' });
    expect(parseDateCell('2026-02-30', SH)).toEqual({ ok: false, text: '2026-02-30' });
    expect(parseDateCell('2027年2月29日', SH)).toEqual({ ok: false, text: '2027年2月29日' });
    expect(parseDateCell('2026-03-01 and more', SH)).toEqual({ ok: false, text: '2026-03-01 and more' });
    expect(parseDateCell(new Date(NaN), SH)).toEqual({ ok: false, text: 'Invalid Date' });
    expect(parseDateCell(true, SH)).toEqual({ ok: false, text: 'true' });
  });
  test('leap day typed as text', () => {
    expect(parseDateCell('2028/2/29', SH)).toEqual({ ok: true, day: '2028-02-29' });
  });
});
