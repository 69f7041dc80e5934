/** A workbook of 20,000 rows x 20 columns round-trips (a sanity check, not a timing). */
import path from 'path';
import { newSpreadsheetModel, type CellValue } from '../../../src/local/emulator/model';
import { loadWorkbook } from '../../../src/local/xlsx/load';
import { saveWorkbook } from '../../../src/local/xlsx/save';
import { tempFolder } from './fixture';

const temp = tempFolder();
afterAll(temp.cleanup);

test('20,000 rows x 20 columns round-trip with styles kept as a few runs', async () => {
  const rows = 20_000;
  const model = newSpreadsheetModel({ timeZone: 'Asia/Shanghai', locale: 'en_US' });
  const sheet = model.sheets[0];
  sheet.maxRows = rows + 1;
  sheet.maxColumns = 20;
  const start = Date.UTC(2025, 0, 1);
  sheet.values = [Array.from({ length: 20 }, (_, c) => `Column ${c + 1}`)];
  for (let r = 0; r < rows; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < 20; c++) {
      row.push(
        c === 0 ? new Date(start + r * 3_600_000) : c % 3 === 0 ? `客户 ${r}-${c}` : c % 3 === 1 ? r * c : r % 2 === 0,
      );
    }
    sheet.values.push(row);
  }
  sheet.styles = [
    { rect: { row: 1, col: 1, numRows: 1, numCols: 20 }, style: { font: { bold: true } } },
    { rect: { row: 2, col: 1, numRows: rows, numCols: 1 }, style: { numberFormat: 'yyyy-mm-dd hh:mm' } },
  ];
  const file = path.join(temp.dir, 'large.xlsx');
  await saveWorkbook(file, model, null);
  const { model: back } = await loadWorkbook(file);
  const backSheet = back.sheets[0];
  expect(backSheet.values).toHaveLength(rows + 1);
  expect(backSheet.values[rows]).toEqual(sheet.values[rows]);
  expect(backSheet.values[12_345]).toEqual(sheet.values[12_345]);
  expect(backSheet.styles).toHaveLength(2);
  expect(backSheet.maxRows).toBe(rows + 1);
});
