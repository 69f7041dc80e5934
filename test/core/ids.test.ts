import { idGenerator } from '../../src/core/ids';

const now = new Date('2026-03-02T01:00:00Z');

describe('stable IDs', () => {
  test('a client ID is C- and the time in base 36 with a counter', () => {
    const ids = idGenerator('C', [], now);
    expect(ids.next()).toBe(`C-${now.getTime().toString(36).toUpperCase()}00`);
    expect(ids.next()).toBe(`C-${now.getTime().toString(36).toUpperCase()}01`);
  });
  test('an existing ID is never reused, whatever its case', () => {
    const first = idGenerator('K', [], now).next();
    const ids = idGenerator('K', [` ${first.toLowerCase()} `], now);
    expect(ids.next()).not.toBe(first);
  });
  test('thousands of IDs in one run are all distinct', () => {
    const ids = idGenerator('X', [], now);
    const seen = new Set(Array.from({ length: 5000 }, () => ids.next()));
    expect(seen.size).toBe(5000);
  });
});
