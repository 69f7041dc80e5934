/**
 * Check this spreadsheet, in the emulator under every reading of Google's undocumented behaviour
 * (test/helpers/readings.ts): it reports what it found in plain words, removes its temporary tab,
 * and finds what is wrong with a damaged setup.
 */
import { readingCases } from '../helpers/readings';
import type { TestWorkbook } from '../helpers/workbook';
import { asEditor, trackerWorkbook } from './clients-fixture';

function check(wb: TestWorkbook): string {
  wb.menu('menuSelfCheck');
  return wb.alerts().pop() ?? '';
}

describe.each(readingCases().map((c) => [c.label, c] as const))('the self-check (%s)', (_label, c) => {
  const wb = trackerWorkbook({ mode: c.mode, readings: c.readings });
  const tabs = wb.sheetNames();
  const report = check(wb);

  test('finds nothing wrong on a fresh setup, says which way Google went, and leaves no tab behind', () => {
    expect(report).toContain('Check this spreadsheet');
    expect(report).toContain('Everything Client Tracker needs is in place.');
    expect(report).toContain(
      c.readings.apostropheInPlainText === 'kept'
        ? 'keeps an apostrophe typed into a plain-text cell'
        : 'drops an apostrophe written into a plain-text cell',
    );
    expect(report).toContain(
      c.readings.rulesFollowAppendedRows === 'grow'
        ? 'follows rows added below the table on its own'
        : 'does not follow rows added below the table on its own',
    );
    expect(report).toContain('Phone numbers keep their leading 0');
    expect(report).toContain('No scheduled run has happened yet');
    expect(wb.sheetNames()).toEqual(tabs);
  });
});

describe('the self-check on a damaged setup says what to do', () => {
  const wb = trackerWorkbook({ readings: { rulesFollowAppendedRows: 'fixed' } });
  asEditor(wb, (ss) => {
    const clients = ss.getSheetByName('Clients')!;
    clients.insertRowsAfter(clients.getMaxRows(), 200);
    ss.removeNamedRange('CT_TODAY');
  });
  const report = check(wb);

  test('highlighting short of appended rows: run Refresh', () => {
    expect(report).toMatch(/stops before the last of the 1200 rows[\s\S]*Refresh grades and status/);
  });
  test('CT_TODAY missing: run Set up', () => {
    expect(report).toMatch(/CT_TODAY[^\n]*is missing\.\n\s+→ Run Extensions ▸ Client Tracker ▸ Set up/);
  });
  test('in Chinese too', () => {
    const zh = trackerWorkbook({ locale: 'zh_CN' });
    expect(check(zh)).toContain('客户跟踪需要的一切都已就绪。');
  });
});
