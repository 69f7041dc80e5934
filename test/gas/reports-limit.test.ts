/**
 * Near Google's 10-million-cell limit (the emulator enforces it), a report rebuild that needs more
 * cells says so in one sentence and changes nothing: the reports from the last run stay as they were,
 * never cleared half-way. https://support.google.com/drive/answer/37603
 */
import { newSheetModel } from '../../src/local/emulator/model';
import { totalCells } from '../../src/local/emulator/spreadsheet';
import { snapshot } from '../helpers/workbook';
import { addRows, day, lastAlert, trackerWorkbook } from './clients-fixture';

function overdueClients(wb: ReturnType<typeof trackerWorkbook>, from: number, count: number): void {
  addRows(
    wb,
    'Clients',
    Array.from({ length: count }, (_, i) => ({
      ID: `C-${from + i}`,
      Name: `Client ${from + i}`,
      Owner: 'Amy',
      Status: 'Active',
      'Next follow-up': day(wb, '2026-02-20'),
    })),
  );
}

describe('reports at the 10-million-cell limit', () => {
  const wb = trackerWorkbook();
  overdueClients(wb, 1, 5);
  wb.menu('menuReportsAll');
  // Fill the spreadsheet to exactly 10,000,000 cells with an (empty) tab of the user's.
  const filler = newSheetModel(wb.env.spreadsheet.nextSheetId++, 'Archive');
  const left = 10_000_000 - totalCells(wb.env.spreadsheet);
  filler.maxColumns = 10;
  filler.maxRows = Math.floor(left / 10);
  wb.env.spreadsheet.sheets.push(filler);
  overdueClients(wb, 6, 60); // the Overdue report now needs more rows than are left
  const before = snapshot(wb.env);
  wb.menu('menuReportsAll');

  test('the user is told in one sentence, with what to do', () => {
    expect(lastAlert(wb).trim()).toMatch(
      /^The reports do not fit: the spreadsheet already uses [\d,]+ of Google’s 10,000,000 cells and would need [\d,]+ more\. Nothing was changed\./,
    );
  });

  test('nothing changed: the last run’s reports are still there, whole', () => {
    expect(snapshot(wb.env)).toBe(before);
    const overdue = wb.values('Report · Overdue');
    expect(overdue.length).toBeGreaterThan(5);
  });
});
