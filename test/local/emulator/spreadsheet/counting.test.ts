/** Call counting, cells moved, auth modes and the write audit (runtime.ts contract). */
import { Execution } from '../../../../src/local/emulator/runtime';
import { createSpreadsheetApp } from '../../../../src/local/emulator/spreadsheet';
import { makeEnv, open } from './harness';

describe('counting', () => {
  test('one getValues is one call, whatever its size; cells read are counted', () => {
    const { sheet, exec, env } = open();
    exec.counters.reset();
    sheet.getRange(1, 1, 100, 5).getValues();
    expect(exec.counters.calls.get('Range.getValues')).toBe(1);
    expect(exec.counters.cellsRead).toBe(500);
    expect(env.counters.calls.get('Range.getValues')).toBe(1);
    sheet.getRange(1, 1, 10, 2).setValues(Array.from({ length: 10 }, () => [1, 2]));
    expect(exec.counters.cellsWritten).toBe(20);
    expect(exec.counters.spreadsheetCalls()).toBe(4); // getRange, getValues, getRange, setValues
  });

  test('every write is recorded with the lock flag', () => {
    const { sheet, exec, env } = open();
    sheet.getRange('A1').setValue(1);
    exec.holdsDocumentLock = true;
    sheet.appendRow(['x']);
    expect(env.writes).toEqual([
      { executionId: exec.id, method: 'Range.setValue', sheet: 'Sheet1', lockHeld: false },
      { executionId: exec.id, method: 'Sheet.appendRow', sheet: 'Sheet1', lockHeld: true },
    ]);
  });

  test('reads are not recorded as writes', () => {
    const { sheet, env } = open();
    sheet.getDataRange().getValues();
    sheet.getRange('A1').getDisplayValue();
    expect(env.writes).toEqual([]);
  });
});

describe('auth modes (items 55–57)', () => {
  // https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
  test('NONE: getActiveSpreadsheet throws the permission error', () => {
    const env = makeEnv();
    const app = createSpreadsheetApp(new Execution(env, { authMode: 'NONE', kind: 'simpleTrigger' }));
    expect(() => app.getActiveSpreadsheet()).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
  });

  test('CUSTOM_FUNCTION: reads work, writes throw', () => {
    const env = makeEnv();
    open({ env }).sheet.getRange('A1').setValue(5);
    const app = createSpreadsheetApp(new Execution(env, { authMode: 'CUSTOM_FUNCTION', kind: 'customFunction' }));
    const sheet = app.getActiveSpreadsheet().getSheets()[0];
    expect(sheet.getRange('A1').getValues()).toEqual([[5]]);
    expect(() => sheet.getRange('A1').setValue(6)).toThrow('You do not have permission to call Range.setValue.');
    expect(sheet.getRange('A1').getValue()).toBe(5);
  });

  test('LIMITED may read and write the document', () => {
    const env = makeEnv();
    const app = createSpreadsheetApp(new Execution(env, { authMode: 'LIMITED', kind: 'simpleTrigger' }));
    app.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('ok');
    expect(env.spreadsheet.sheets[0].values[0][0]).toBe('ok');
  });

  test('getUi from a time-driven trigger throws (item 48)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getUi()
    const env = makeEnv();
    const app = createSpreadsheetApp(new Execution(env, { authMode: 'FULL', kind: 'timeDriven' }));
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  test('an ended execution cannot touch the sheet', () => {
    const { sheet, exec } = open();
    exec.end();
    expect(() => sheet.getRange('A1')).toThrow('this execution has ended');
  });
});
