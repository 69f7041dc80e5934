import { overCallingWarning, proposeNextFollowUp, proposeRetry } from '../../src/core/cadence';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

describe('follow-up cadence by grade', () => {
  test('a grade B client reached on Monday is next followed up a week later', () => {
    expect(proposeNextFollowUp('2026-03-02', 'B', DEFAULT_SETTINGS)).toBe('2026-03-09');
  });
  test('A 3 days, C 14, D 30', () => {
    expect(proposeNextFollowUp('2026-03-02', 'A', DEFAULT_SETTINGS)).toBe('2026-03-05');
    expect(proposeNextFollowUp('2026-03-02', 'C', DEFAULT_SETTINGS)).toBe('2026-03-16');
    expect(proposeNextFollowUp('2026-03-02', 'D', DEFAULT_SETTINGS)).toBe('2026-04-01');
  });
  test('a grade A follow-up that lands on Saturday moves to Monday when weekends are skipped', () => {
    const settings = { ...DEFAULT_SETTINGS, skipWeekends: true };
    expect(proposeNextFollowUp('2026-03-04', 'A', settings)).toBe('2026-03-09');
    expect(proposeNextFollowUp('2026-03-04', 'A', DEFAULT_SETTINGS)).toBe('2026-03-07');
  });
  test('across leap day', () => {
    expect(proposeNextFollowUp('2028-02-26', 'A', DEFAULT_SETTINGS)).toBe('2028-02-29');
  });
  test('calling a grade C client again after 3 days is over-calling; after 7 it is not', () => {
    expect(overCallingWarning('2026-03-02', '2026-03-05', 'C', DEFAULT_SETTINGS)?.params).toEqual({
      days: 3,
      grade: 'C',
      interval: 14,
    });
    expect(overCallingWarning('2026-03-02', '2026-03-09', 'C', DEFAULT_SETTINGS)).toBeNull();
    expect(overCallingWarning(null, '2026-03-05', 'C', DEFAULT_SETTINGS)).toBeNull();
    expect(overCallingWarning('2026-03-02', '2026-03-03', 'C', { ...DEFAULT_SETTINGS, overCallFactor: 0 })).toBeNull();
  });
});

describe('the retry proposed after an attempt that did not reach the client', () => {
  test('Settings’ retry days later, calendar days by default', () => {
    expect(proposeRetry('2026-03-06', DEFAULT_SETTINGS)).toBe('2026-03-07');
    expect(proposeRetry('2026-03-06', { ...DEFAULT_SETTINGS, retryDays: 3 })).toBe('2026-03-09');
  });
  test('working days when weekends are skipped: Friday + 1 is Monday, Thursday + 3 is Tuesday', () => {
    const settings = { ...DEFAULT_SETTINGS, skipWeekends: true };
    expect(proposeRetry('2026-03-06', settings)).toBe('2026-03-09');
    expect(proposeRetry('2026-03-05', { ...settings, retryDays: 3 })).toBe('2026-03-10');
    expect(proposeRetry('2026-03-07', settings)).toBe('2026-03-09');
  });
});
