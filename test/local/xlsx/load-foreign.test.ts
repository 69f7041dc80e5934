/** Workbooks we did not write (made by Excel, LibreOffice or a script) load as Sheets would show them. */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { cellKey } from '../../../src/local/emulator/model';
import { loadWorkbook } from '../../../src/local/xlsx/load';
import { tempFolder } from './fixture';

const temp = tempFolder();
afterAll(temp.cleanup);

async function foreignWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Leads');
  ws.getCell('A1').value = { richText: [{ text: '客户', font: { bold: true } }, { text: ' name' }] };
  ws.getCell('B1').value = { text: 'Website', hyperlink: 'https://example.com' };
  ws.getCell('C1').value = { error: '#N/A' };
  ws.getCell('D1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('E1').value = new Date(Date.UTC(2026, 2, 2, 9, 30));
  ws.getCell('E1').numFmt = 'yyyy-mm-dd hh:mm';
  ws.getCell('A2').value = 'merged';
  ws.mergeCells('A2:B2');
  ws.getColumn(3).width = 20;
  ws.getColumn(3).style = { font: { bold: true } };
  ws.getCell('A3').value = 'Choice';
  ws.getCell('A4').value = 'Yes';
  ws.getCell('A5').value = 'No';
  ws.getCell('F2').dataValidation = { type: 'list', formulae: ['$A$4:$A$5'] };
  ws.getCell('G2').dataValidation = { type: 'list', formulae: ['Leads!$A$4:$A$5'] };
  ws.addConditionalFormatting({
    ref: 'F2:F10',
    rules: [{ type: 'containsText', operator: 'containsBlanks', priority: 1, style: {} }],
  });
  const file = path.join(temp.dir, 'foreign.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

test('rich text, links, errors and merged cells read as plain values', async () => {
  const { model, sidecar } = await loadWorkbook(await foreignWorkbook());
  expect(sidecar).toBeNull();
  expect(model.timeZone).toBe('Asia/Shanghai');
  const leads = model.sheets[0];
  expect(leads.values[0].slice(0, 4)).toEqual(['客户 name', 'Website', '#N/A', '#DIV/0!']);
  expect(leads.formulas.get(cellKey(0, 3))).toBe('=1/0');
  // 09:30 on the wall clock, in the default time zone
  expect(leads.values[0][4]).toEqual(new Date('2026-03-02T09:30:00+08:00'));
  expect(leads.values[1]).toEqual(['merged']);
});

test('column formats, widths, list ranges and blank rules come across', async () => {
  const { model } = await loadWorkbook(await foreignWorkbook());
  const leads = model.sheets[0];
  expect(leads.columnWidths.get(3)).toBe(145);
  expect(leads.styles).toContainEqual({
    rect: { row: 2, col: 3, numRows: 999, numCols: 1 },
    style: { font: { bold: true } },
  });
  expect(leads.validations).toContainEqual({
    rect: { row: 2, col: 7, numRows: 1, numCols: 1 },
    rule: { criteria: { type: 'VALUE_IN_LIST', values: ['Yes', 'No'], showDropdown: true }, allowInvalid: true },
  });
  expect(leads.conditionalFormats).toEqual([
    { ranges: [{ row: 2, col: 6, numRows: 9, numCols: 1 }], condition: { type: 'CELL_EMPTY' }, format: {} },
  ]);
});

test('a file that is not a workbook, or is missing, gets one clear sentence', async () => {
  const notXlsx = path.join(temp.dir, 'notes.xlsx');
  fs.writeFileSync(notXlsx, 'just text');
  await expect(loadWorkbook(notXlsx)).rejects.toThrow(`${notXlsx} is not an .xlsx workbook`);
  await expect(loadWorkbook(path.join(temp.dir, 'missing.xlsx'))).rejects.toThrow('does not exist');
});
