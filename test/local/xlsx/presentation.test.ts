/**
 * The demo's report tabs in the .xlsx the local runtime writes: the five charts the add-on gives
 * Sheets are there as pictures, every tab prints landscape and fitted to the page width, and wrapped
 * header rows are tall enough for their lines (checked from the file, as Excel would read it).
 */
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { wrappedLines } from '../../../src/local/xlsx/presentation';
import { cli, ensureBuilt, openXlsx, tempDir } from '../cli/run-cli';

let wb: ExcelJS.Workbook;

beforeAll(async () => {
  ensureBuilt();
  const dir = tempDir();
  expect(cli(dir, ['demo', '--workbook', 'demo.xlsx', '--now', '2026-03-02T09:00']).code).toBe(0);
  const run = cli(dir, ['reports', '--workbook', 'demo.xlsx', '--now', '2026-03-02T09:00']);
  expect(run.stderr).toBe('');
  wb = await openXlsx(path.join(dir, 'demo.xlsx'));
}, 180_000);

const reports = (): ExcelJS.Worksheet[] => wb.worksheets.filter((w) => w.name.startsWith('Report'));

describe('the demo workbook with its reports, as a file', () => {
  test('carries the five report charts as pictures', () => {
    expect(reports().reduce((n, ws) => n + ws.getImages().length, 0)).toBe(5);
  });

  test('every tab prints landscape, fitted to the page width', () => {
    for (const ws of wb.worksheets.filter((w) => w.state === 'visible')) {
      expect([ws.name, ws.pageSetup.orientation, ws.pageSetup.fitToPage, ws.pageSetup.fitToHeight]).toEqual([
        ws.name,
        'landscape',
        true,
        0,
      ]);
    }
  });

  test('a wrapped header row is tall enough for its longest header', () => {
    let checked = 0;
    for (const ws of reports()) {
      ws.eachRow((row, r) => {
        row.eachCell((cell, c) => {
          if (!cell.alignment?.wrapText || typeof cell.value !== 'string') return;
          const width = Math.round((ws.getColumn(c).width ?? 13) * 7 + 5);
          const lines = wrappedLines(cell.value, width, 10, true);
          if (lines < 2) return;
          checked++;
          expect([ws.name, r, cell.value, (row.height ?? 15) >= lines * 13]).toEqual([ws.name, r, cell.value, true]);
        });
      });
    }
    expect(checked).toBeGreaterThan(0);
  });
});
