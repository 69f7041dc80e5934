// Sources: https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
// (Java SimpleDateFormat: https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html),
// https://developers.google.com/apps-script/reference/utilities/utilities#sleep(Integer) (max 300000 ms)
import { newEnv, NOT_ENABLED, start } from './harness';

const { g } = start(newEnv(), NOT_ENABLED); // Utilities works in every auth mode, even NONE
const fmt = (iso: string, tz: string, pattern: string) => g.Utilities.formatDate(new Date(iso), tz, pattern);

describe('Utilities.formatDate', () => {
  test('formats the instant in the given zone, whatever the process TZ', () => {
    expect(fmt('2026-03-01T16:30:05.007Z', 'Asia/Shanghai', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe('2026-03-02 00:30:05.007');
    expect(fmt('2026-03-01T16:30:05.007Z', 'America/Los_Angeles', 'yyyy-MM-dd HH:mm')).toBe('2026-03-01 08:30');
    expect(fmt('2026-03-01T16:30:05.007Z', 'UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2026-03-01T16:30:05Z');
  });

  test('mm is minutes and MM is months; HH is 0-23, hh is 1-12 with a', () => {
    expect(fmt('2026-07-04T00:05:00Z', 'UTC', 'M/d/yy h:mm a')).toBe('7/4/26 12:05 AM');
    expect(fmt('2026-07-04T13:05:00Z', 'UTC', 'hh:mm a, H:m, K, k')).toBe('01:05 PM, 13:5, 1, 13');
  });

  test('month and day names', () => {
    expect(fmt('2026-03-02T12:00:00Z', 'UTC', 'EEE, d MMM yyyy')).toBe('Mon, 2 Mar 2026');
    expect(fmt('2026-03-02T12:00:00Z', 'UTC', 'EEEE d MMMM')).toBe('Monday 2 March');
  });

  test('YYYY is the week-year: 29 December 2025 already belongs to 2026', () => {
    expect(fmt('2025-12-29T12:00:00Z', 'UTC', 'yyyy')).toBe('2025');
    expect(fmt('2025-12-29T12:00:00Z', 'UTC', 'YYYY')).toBe('2026');
    expect(fmt('2025-12-29T12:00:00Z', 'UTC', 'w')).toBe('1');
    expect(fmt('2025-12-27T12:00:00Z', 'UTC', 'YYYY w')).toBe('2025 52');
  });

  test('day of year, day of week number', () => {
    expect(fmt('2026-12-31T12:00:00Z', 'UTC', 'D u')).toBe('365 4');
  });

  test('zone fields: z, Z and XXX', () => {
    expect(fmt('2026-01-15T12:00:00Z', 'America/Los_Angeles', 'z Z XXX X')).toBe('PST -0800 -08:00 -08');
    expect(fmt('2026-07-15T12:00:00Z', 'America/Los_Angeles', 'z')).toBe('PDT');
    expect(fmt('2026-01-15T12:00:00Z', 'Asia/Shanghai', 'z Z XXX')).toBe('CST +0800 +08:00');
    expect(fmt('2026-01-15T12:00:00Z', 'UTC', 'XXX')).toBe('Z');
    expect(fmt('2026-01-15T12:00:00Z', 'Asia/Kolkata', 'XXX')).toBe('+05:30');
    expect(fmt('2026-01-15T12:00:00Z', 'GMT+8', 'HH:mm z')).toBe('20:00 GMT+08:00');
  });

  test('quoted literals, with two apostrophes for one', () => {
    expect(fmt('2026-03-02T12:00:00Z', 'UTC', "yyyy'年'M'月'd'日' h 'o''clock'")).toBe("2026年3月2日 12 o'clock");
  });

  test('a pattern letter Java does not know is refused', () => {
    expect(() => fmt('2026-03-02T12:00:00Z', 'UTC', 'yyyy-bb')).toThrow("Illegal pattern character 'b'");
  });

  test('[U] an unknown zone id falls back to GMT, as Java TimeZone does', () => {
    expect(fmt('2026-03-02T12:00:00Z', 'Not/AZone', 'HH:mm z')).toBe('12:00 GMT');
  });
});

describe('Utilities.parseDate', () => {
  test('reads a wall time in the given zone', () => {
    expect(g.Utilities.parseDate('2026-03-02 09:30', 'Asia/Shanghai', 'yyyy-MM-dd HH:mm').toISOString()).toBe(
      '2026-03-02T01:30:00.000Z',
    );
    expect(g.Utilities.parseDate('20260302', 'UTC', 'yyyyMMdd').toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(g.Utilities.parseDate('2 Mar 2026 1:05 PM', 'UTC', 'd MMM yyyy h:mm a').toISOString()).toBe(
      '2026-03-02T13:05:00.000Z',
    );
  });

  test('text that does not fit the pattern is refused', () => {
    expect(() => g.Utilities.parseDate('2026/03/02', 'UTC', 'yyyy-MM-dd')).toThrow('Unparseable date: "2026/03/02"');
  });
});

describe('Utilities, the rest', () => {
  test('getUuid returns a random UUID string', () => {
    const a = g.Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(g.Utilities.getUuid()).not.toBe(a);
  });

  test('sleep moves the manual clock, at most 300000 ms', () => {
    const env = newEnv();
    const u = start(env).g.Utilities;
    u.sleep(1500);
    expect(env.clock.now() - Date.UTC(2026, 2, 2, 1)).toBe(1500);
    expect(() => u.sleep(300_001)).toThrow('Invalid argument: milliseconds');
  });

  test('sleeping past the time limit ends the execution', () => {
    const u = start(newEnv(), { authMode: 'LIMITED', kind: 'simpleTrigger' }).g.Utilities;
    expect(() => u.sleep(31_000)).toThrow('Exceeded maximum execution time');
  });

  test('base64 round trip, with Java signed bytes', () => {
    expect(g.Utilities.base64Encode('客户 ok')).toBe(Buffer.from('客户 ok').toString('base64'));
    expect(g.Utilities.base64Decode(g.Utilities.base64Encode([0, 127, -128, -1]))).toEqual([0, 127, -128, -1]);
    expect(g.Utilities.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
  });

  test('newBlob keeps bytes, name and content type', () => {
    const blob = g.Utilities.newBlob('héllo', 'text/plain', 'a.txt');
    expect(blob.getDataAsString()).toBe('héllo');
    expect(blob.getBytes()).toEqual([104, -61, -87, 108, 108, 111]);
    expect(blob.setName('b.txt').getName()).toBe('b.txt');
    expect(blob.getContentType()).toBe('text/plain');
  });
});
