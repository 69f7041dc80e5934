import { assertTimeZone, fromWallClock, toWallClock } from '../../../src/local/xlsx/wall-clock';

test("Shanghai's wall clock is 8 hours ahead of UTC all year", () => {
  expect(toWallClock(new Date('2026-07-01T01:30:00Z'), 'Asia/Shanghai')).toEqual(new Date('2026-07-01T09:30:00Z'));
  expect(fromWallClock(new Date('2026-01-01T00:00:00Z'), 'Asia/Shanghai')).toEqual(new Date('2025-12-31T16:00:00Z'));
});

test("Los Angeles' wall clock follows daylight saving time", () => {
  const winter = new Date('2026-03-08T01:59:59.500-08:00');
  const summer = new Date('2026-03-08T03:00:00-07:00');
  expect(toWallClock(winter, 'America/Los_Angeles')).toEqual(new Date('2026-03-08T01:59:59.500Z'));
  expect(toWallClock(summer, 'America/Los_Angeles')).toEqual(new Date('2026-03-08T03:00:00Z'));
  expect(fromWallClock(new Date('2026-03-08T01:59:59.500Z'), 'America/Los_Angeles')).toEqual(winter);
  expect(fromWallClock(new Date('2026-03-08T03:00:00Z'), 'America/Los_Angeles')).toEqual(summer);
});

test('a wall-clock time that never happened (spring forward) lands just after the gap', () => {
  expect(fromWallClock(new Date('2026-03-08T02:30:00Z'), 'America/Los_Angeles')).toEqual(
    new Date('2026-03-08T03:30:00-07:00'),
  );
});

test('an ambiguous wall-clock time (fall back) is the earlier instant', () => {
  expect(fromWallClock(new Date('2026-11-01T01:30:00Z'), 'America/Los_Angeles')).toEqual(
    new Date('2026-11-01T01:30:00-07:00'),
  );
});

test('an unknown time zone is refused in one sentence', () => {
  expect(() => assertTimeZone('Mars/Olympus')).toThrow('Unknown time zone "Mars/Olympus"');
});
