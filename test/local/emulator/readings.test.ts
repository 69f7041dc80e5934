/**
 * The switch for each reading the reference does not settle (src/local/emulator/readings.ts): each
 * answer is implemented, so a flow can be replayed under the other one. Every test here names the
 * behaviour "unverified" because nothing could check it against live Apps Script.
 */
import {
  READINGS,
  READING_NAMES,
  assume,
  createEnvironment,
  globalsFor,
  newAddOnInstall,
  parseAssumption,
  startExecution,
  type EnvironmentState,
  type ExecutionOptions,
} from '../../../src/local/emulator';
import { ManualClock } from '../../../src/local/emulator/runtime';
import { parseArgs, UsageError } from '../../../src/local/cli/args';

type G = {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
};

const FULL: ExecutionOptions = {
  authMode: 'FULL',
  kind: 'menu',
  activeUser: 'a@example.com',
  effectiveUser: 'a@example.com',
};

function inExec<T>(env: EnvironmentState, fn: (g: G) => T, opts: ExecutionOptions = FULL): T {
  const exec = startExecution(env, opts);
  try {
    return fn(globalsFor(exec) as unknown as G);
  } finally {
    exec.end();
  }
}

function env(): EnvironmentState {
  return createEnvironment({ clock: new ManualClock(Date.UTC(2026, 2, 2, 1)) });
}

function writeToPlainText(e: EnvironmentState, text: string): { value: unknown; formula: string } {
  return inExec(e, ({ SpreadsheetApp }) => {
    const cell = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1');
    cell.setNumberFormat('@').setValue(text);
    return { value: cell.getValue(), formula: cell.getFormula() };
  });
}

describe('the table of readings', () => {
  test('every reading names two or more answers, a kind and an unkind one among them, and a source', () => {
    for (const name of READING_NAMES) {
      const def = READINGS[name];
      expect(def.values.length).toBeGreaterThanOrEqual(2);
      expect(def.values).toContain(def.kind);
      expect(def.values).toContain(def.unkind);
      expect(def.kind).not.toBe(def.unkind);
      expect(def.values).toContain(def.initial);
      expect(def.source).toMatch(/^https:\/\//);
    }
  });

  test('an unknown reading or answer is refused with a sentence naming the choices', () => {
    expect(() => parseAssumption('apostropheInPlainText=maybe')).toThrow('takes stripped or kept');
    expect(() => parseAssumption('nonsense=1')).toThrow('Unknown reading "nonsense"');
    expect(parseAssumption('mobileOnEdit')).toEqual({ mobileOnEdit: 'silent' });
  });

  test('the CLI takes --mode and repeatable --assume, and refuses bad ones as usage errors', () => {
    const parsed = parseArgs([
      'refresh',
      '--workbook',
      'x.xlsx',
      '--mode',
      'bound',
      '--assume',
      'apostropheInPlainText=kept',
      '--assume=customFunctionDates=scriptZone',
    ]);
    expect(parsed.options.mode).toBe('bound');
    expect(parsed.options.assume).toEqual({ apostropheInPlainText: 'kept', customFunctionDates: 'scriptZone' });
    expect(() => parseArgs(['refresh', '--mode', 'web'])).toThrow(UsageError);
    expect(() => parseArgs(['refresh', '--assume', 'apostropheInPlainText=yes'])).toThrow(UsageError);
  });
});

describe('each answer is implemented (unverified on live Apps Script)', () => {
  test("unverified: an apostrophe written into a plain-text cell is dropped under 'stripped', kept under 'kept'", () => {
    const stripped = env();
    expect(writeToPlainText(stripped, "'C-0001").value).toBe('C-0001');
    const kept = env();
    assume(kept, { readings: { apostropheInPlainText: 'kept' } });
    expect(writeToPlainText(kept, "'C-0001").value).toBe("'C-0001");
  });

  test("unverified: '=' in a plain-text cell starts a formula under 'formula', stays text under 'text'", () => {
    const formula = env();
    assume(formula, { readings: { formulaInPlainText: 'formula' } });
    expect(writeToPlainText(formula, '=1+1').formula).toBe('=1+1');
    const text = env();
    assume(text, { readings: { formulaInPlainText: 'text' } });
    expect(writeToPlainText(text, '=1+1')).toEqual({ value: '=1+1', formula: '' });
  });

  test("unverified: an add-on's time-driven run has no document under 'missing'; a bound script always has one", () => {
    const timeDriven: ExecutionOptions = { ...FULL, kind: 'timeDriven' };
    const probe = (e: EnvironmentState): unknown[] =>
      inExec(
        e,
        (g) => [
          g.SpreadsheetApp.getActiveSpreadsheet(),
          g.PropertiesService.getDocumentProperties(),
          g.LockService.getDocumentLock(),
          g.CacheService.getDocumentCache(),
        ],
        timeDriven,
      );
    const missing = env();
    assume(missing, { readings: { scheduledRunDocument: 'missing' } });
    expect(probe(missing)).toEqual([null, null, null, null]);
    // the same add-on from a menu click has its document
    expect(inExec(missing, (g) => g.SpreadsheetApp.getActiveSpreadsheet() !== null)).toBe(true);
    const bound = env();
    assume(bound, { mode: 'bound', readings: { scheduledRunDocument: 'missing' } });
    expect(probe(bound).every((x) => x !== null)).toBe(true);
  });

  test("unverified: getUserTriggers lists the file's clock trigger under 'yes' and not under 'no', in either mode", () => {
    for (const mode of ['bound', 'addon'] as const) {
      for (const listed of ['yes', 'no'] as const) {
        const e = env();
        assume(e, { mode, readings: { userTriggersListClock: listed } });
        const count = inExec(e, ({ ScriptApp, SpreadsheetApp }) => {
          ScriptApp.newTrigger('dailyRun').timeBased().everyDays(1).atHour(7).create();
          return [
            ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).length,
            ScriptApp.getProjectTriggers().length,
          ];
        });
        expect({ mode, listed, count }).toEqual({ mode, listed, count: [listed === 'yes' ? 1 : 0, 1] });
      }
    }
  });

  test("unverified: rows appended below the grid are covered by highlighting and protections under 'grow' only", () => {
    const covered = (answer: 'grow' | 'fixed'): number[] => {
      const e = env();
      assume(e, { readings: { rulesFollowAppendedRows: answer } });
      return inExec(e, ({ SpreadsheetApp }) => {
        const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
        const range = sheet.getRange(2, 1, sheet.getMaxRows() - 1, 3);
        const rule = SpreadsheetApp.newConditionalFormatRule()
          .whenCellEmpty()
          .setBackground('#eeeeee')
          .setRanges([range])
          .build();
        sheet.setConditionalFormatRules([rule]);
        range.protect().setWarningOnly(true);
        sheet.insertRowsAfter(sheet.getMaxRows(), 10);
        const ruleRows = sheet.getConditionalFormatRules()[0].getRanges()[0].getNumRows();
        const protectedRows = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].getRange().getNumRows();
        return [ruleRows, protectedRows];
      });
    };
    expect(covered('fixed')).toEqual([999, 999]);
    expect(covered('grow')).toEqual([1009, 1009]);
  });
});

describe('the user cache of an add-on spans files', () => {
  const put = (e: EnvironmentState): void =>
    inExec(e, ({ CacheService }) => void CacheService.getUserCache().put('k', 'from A'));
  const get = (e: EnvironmentState): string | null =>
    inExec(e, ({ CacheService }) => CacheService.getUserCache().get('k'));

  test('as an add-on, what one file put in the user cache is read in another file', () => {
    const install = newAddOnInstall();
    const a = createEnvironment({ addOnInstall: install });
    const b = createEnvironment({ addOnInstall: install });
    put(a);
    expect(get(b)).toBe('from A');
  });

  test('bound scripts are one script per file: their user caches do not meet', () => {
    const install = newAddOnInstall();
    const a = createEnvironment({ addOnInstall: install, mode: 'bound' });
    const b = createEnvironment({ addOnInstall: install, mode: 'bound' });
    put(a);
    expect(get(b)).toBeNull();
  });
});
