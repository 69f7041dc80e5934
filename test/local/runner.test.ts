/**
 * The script's Date inside the emulator: "now" is the environment's clock (so --now and tests fix
 * time for the whole run), everything else is the ordinary Date, and the emulator's own Dates pass
 * `instanceof Date` in the script.
 */
import vm from 'node:vm';
import { ManualClock, createEnvironment } from '../../src/local/emulator';
import { type Bundle, clockDate, run, wrapBundle } from '../../src/local/runner';

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

describe('the script as the runner loads it (wrapBundle)', () => {
  const clock = new ManualClock(Date.parse('2026-03-02T01:00:00Z'));
  function bundleOf(source: string): Bundle {
    return { script: new vm.Script(wrapBundle(source)), html: new Map(), manifest: { timeZone: 'UTC' }, source };
  }
  const call = (bundle: Bundle, name: string, args: unknown[] = []): unknown =>
    run(bundle, createEnvironment({ clock }), { authMode: 'FULL', kind: 'editor' }, name, () => args).value;

  test('a top-level function of a plain script is called by its name, and calls the others', () => {
    const plain = bundleOf('function twice(x) {\n  return helper(x) * 2;\n}\nfunction helper(x) { return x + 1; }\n');
    expect(call(plain, 'twice', [4])).toBe(10);
  });

  test('a function the script puts on the global object wins over a top-level stub of the same name', () => {
    const built = bundleOf(
      'function menuRefresh() {\n}\n(function () { globalThis.menuRefresh = function () { return "real"; }; })();\n',
    );
    expect(call(built, 'menuRefresh')).toBe('real');
  });

  test('a line starting with function inside another function is not a top-level name', () => {
    const nested = bundleOf('function outer() {\nfunction inner() { return 1; }\nreturn inner();\n}\n');
    expect(call(nested, 'outer')).toBe(1);
    expect(() => call(nested, 'inner')).toThrow('Script function not found: inner');
  });

  test('the built-ins the script reads are the context’s: its Date reads the clock, undefined is undefined', () => {
    const script = bundleOf(
      'function now() {\n  return [new Date().toISOString(), Date.now(), typeof undefined, Math.max(1, 2)];\n}\n',
    );
    expect(call(script, 'now')).toEqual(['2026-03-02T01:00:00.000Z', clock.now(), 'undefined', 2]);
  });
});
