/**
 * The script's Date inside the emulator: "now" is the environment's clock (so --now and tests fix
 * time for the whole run), everything else is the ordinary Date, and the emulator's own Dates pass
 * `instanceof Date` in the script.
 */
import vm from 'node:vm';
import { ManualClock } from '../../src/local/emulator';
import { clockDate } from '../../src/local/runner';

describe('the script’s Date', () => {
  const clock = new ManualClock(Date.parse('2026-03-02T01:00:00Z'));
  const context = vm.createContext({ Date: clockDate(clock), hostDate: new Date(0) });
  const inScript = (code: string): unknown => vm.runInContext(code, context);

  test('new Date() and Date.now() read the clock, and follow it when it moves', () => {
    expect(inScript('new Date().toISOString()')).toBe('2026-03-02T01:00:00.000Z');
    clock.advance(90_000);
    expect(inScript('Date.now()')).toBe(Date.parse('2026-03-02T01:01:30Z'));
  });

  test('dates from arguments, Date.UTC and Date.parse behave as usual', () => {
    expect(inScript('new Date(2026, 2, 1, 12).getHours()')).toBe(12);
    expect(inScript('new Date(Date.UTC(2026, 0, 31)).toISOString()')).toBe('2026-01-31T00:00:00.000Z');
    expect(inScript('Date.parse("2026-03-02T00:00:00Z")')).toBe(Date.parse('2026-03-02T00:00:00Z'));
  });

  test('Dates made outside the script (by the emulated services) are instanceof Date inside it', () => {
    expect(inScript('hostDate instanceof Date && new Date() instanceof Date')).toBe(true);
  });

  test('Date() called without new gives the clock’s time as text', () => {
    expect(inScript('Date()')).toBe(new Date(clock.now()).toString());
  });
});
