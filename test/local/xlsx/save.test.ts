/** What Excel or LibreOffice shows for a saved workbook: reopened with exceljs, not with our loader. */
import path from 'path';
import ExcelJS from 'exceljs';
import { cellKey } from '../../../src/local/emulator/model';
import { saveWorkbook } from '../../../src/local/xlsx/save';
import { worksheetExtras } from '../../../src/local/xlsx/exceljs-extras';
import { STAGES, clientsModel, tempFolder } from './fixture';

const temp = tempFolder();
afterAll(temp.cleanup);

async function saveAndOpen(name: string, model = clientsModel()): Promise<ExcelJS.Workbook> {
  const file = path.join(temp.dir, name);
  await saveWorkbook(file, model, { services: null });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe('a saved workbook, as Excel sees it', () => {
  let workbook: ExcelJS.Workbook;
  let clients: ExcelJS.Worksheet;
  beforeAll(async () => {
    workbook = await saveAndOpen('clients.xlsx');
    clients = workbook.getWorksheet('Clients')!;
  });

  test('Chinese text and a phone number with a leading zero stay text', () => {
    expect(clients.getCell('A2').value).toBe('张伟');
    expect(clients.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(clients.getCell('B2').value).toBe('013800138000');
    expect(clients.getCell('B3').value).toBe('42');
  });

  test("dates show Shanghai's wall-clock time", () => {
    // exceljs hands Excel's wall clock back as the UTC fields of a Date
    expect(clients.getCell('C2').type).toBe(ExcelJS.ValueType.Date);
    expect(clients.getCell('C2').value).toEqual(new Date(Date.UTC(2026, 2, 2, 9, 30)));
    expect(clients.getCell('D2').value).toEqual(new Date(Date.UTC(2026, 2, 5)));
    expect(clients.getCell('C3').value).toEqual(new Date(Date.UTC(2026, 0, 1)));
  });

  test('numbers, booleans, formulas with their cached result, and notes', () => {
    expect(clients.getCell('E2').value).toBe(0.125);
    expect(clients.getCell('I2').value).toBe(true);
    expect(clients.getCell('I3').value).toBe(false);
    expect(clients.getCell('F2').value).toEqual({ formula: 'E2*2', result: 0.25 });
    expect(clients.getCell('A2').note).toBe('老客户，请优先跟进');
  });

  test('the header is bold, white on blue, centred, and frozen', () => {
    const header = clients.getCell('D1');
    expect(header.font.bold).toBe(true);
    expect(header.font.color).toEqual({ argb: 'FFFFFFFF' });
    expect(header.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF3C78D8' } });
    expect(header.alignment.horizontal).toBe('center');
    expect(header.numFmt).toBeUndefined();
    expect(clients.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 0 });
  });

  test('number formats cover the data rows, empty ones included', () => {
    expect(clients.getCell('B2').numFmt).toBe('@');
    expect(clients.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(clients.getCell('E2').numFmt).toBe('0.0%');
    expect(clients.getCell('F2').numFmt).toBe('0.0%');
    // a never-written cell takes its column's style
    expect(clients.getColumn(5).style.numFmt).toBe('0.0%');
    expect(clients.getCell('E900').numFmt).toBe('0.0%');
  });

  test('a later style adds to an earlier one instead of replacing it', () => {
    expect(clients.getCell('C3').numFmt).toBe('yyyy-mm-dd');
    expect(clients.getCell('C3').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFCE5CD' } });
    expect(clients.getCell('C3').alignment.wrapText).toBe(true);
    expect(clients.getCell('A3').font).toMatchObject({ italic: true, name: 'Arial', size: 12 });
  });

  test('column widths in characters', () => {
    expect(clients.getColumn(1).width).toBeCloseTo((160 - 5) / 7, 5);
    expect(clients.getColumn(2).width).toBeCloseTo((120 - 5) / 7, 5);
  });

  test('a list of 40 long stages lives on a very hidden helper tab', () => {
    const stages = clients.getCell('G2').dataValidation;
    expect(stages).toMatchObject({ type: 'list', formulae: ["'_lists'!$A$1:$A$40"], showErrorMessage: true });
    const lists = workbook.getWorksheet('_lists')!;
    expect(lists.state).toBe('veryHidden');
    expect(lists.getCell('A40').value).toBe(STAGES[39]);
    // the hole the model punched in the list column
    expect(clients.getCell('G10').dataValidation).toBeUndefined();
    expect(clients.getCell('G11').dataValidation).toMatchObject({ type: 'list' });
  });

  test('short lists, numbers, dates and formulas validate inline', () => {
    expect(clients.getCell('H500').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"A,B,C"'],
      errorStyle: 'stop',
      showInputMessage: true,
      prompt: 'Grade A–C',
    });
    expect(clients.getCell('E2').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 1],
      errorStyle: 'warning',
    });
    expect(clients.getCell('C2').dataValidation).toMatchObject({ type: 'date', operator: 'greaterThanOrEqual' });
    expect(clients.getCell('A2').dataValidation).toMatchObject({ type: 'custom', formulae: ['LEN(A2)<=50'] });
    // Excel has no checkbox: the sidecar keeps it
    expect(clients.getCell('I2').dataValidation).toBeUndefined();
  });

  test('conditional formats, in priority order, with their colours', () => {
    const rules = worksheetExtras(clients)
      .conditionalFormattings.flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, rule })))
      .sort((a, b) => a.rule.priority - b.rule.priority);
    expect(rules.map(({ ref, rule }) => [ref, rule.type, 'formulae' in rule ? rule.formulae?.[0] : undefined])).toEqual(
      [
        ['A2:I1000', 'expression', '$D2<TODAY()'],
        ['D2:D1000', 'expression', 'AND(ISNUMBER(D2),D2<TODAY())'],
        ['D2:D1000', 'expression', 'AND(ISNUMBER(D2),D2<TODAY()-7)'],
        ['D2:D1000', 'timePeriod', 'FLOOR(D2,1)=TODAY()'],
        ['D2:D1000', 'timePeriod', 'FLOOR(D2,1)=TODAY()+1'],
        ['H2:H1000', 'expression', 'LEN(TRIM(H2))=0'],
        ['H2:H1000 G2:G1000', 'expression', 'LEN(TRIM(H2))>0'],
        ['H2:H1000', 'cellIs', '"A ""gold"""'],
      ],
    );
    expect(rules[0].rule.style?.fill).toMatchObject({ pattern: 'solid', bgColor: { argb: 'FFF4CCCC' } });
    expect(rules[1].rule.style?.font).toMatchObject({ bold: true, color: { argb: 'FFCC0000' } });
    expect(rules[2].rule.style?.font).toMatchObject({ strike: true });
    expect(rules[3].rule).toMatchObject({ timePeriod: 'today' });
  });

  test('named ranges, hidden tabs and tab colours', () => {
    expect(workbook.definedNames.model).toEqual([{ name: 'ClientNames', ranges: ['Clients!$A$2:$A$1000'] }]);
    const archive = workbook.getWorksheet('Archive 归档')!;
    expect(archive.state).toBe('hidden');
    expect(archive.properties.tabColor).toEqual({ argb: 'FFFF0000' });
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Clients', 'Archive 归档', '_lists']);
  });

  test('the workbook carries its title, time zone and locale', () => {
    expect(workbook.title).toBe('Client Tracker 客户');
    expect(workbook.keywords).toBe('client-tracker timeZone=Asia/Shanghai locale=zh_CN');
  });
});

test('a plain cell above a formatted column stretch stays plain in Excel', async () => {
  const model = clientsModel();
  const clients = model.sheets[0];
  clients.styles = [{ rect: { row: 5, col: 2, numRows: 996, numCols: 1 }, style: { numberFormat: '@' } }];
  const ws = (await saveAndOpen('plain.xlsx', model)).getWorksheet('Clients')!;
  expect(ws.getColumn(2).style.numFmt).toBe('@');
  for (const row of [1, 2, 3, 4]) expect(ws.getCell(row, 2).numFmt).toBeUndefined();
  expect(ws.getCell(5, 2).numFmt).toBe('@');
});

test('Los Angeles dates keep their wall clock across the spring-forward night', async () => {
  const model = clientsModel();
  model.timeZone = 'America/Los_Angeles';
  const clients = model.sheets[0];
  clients.styles = [];
  clients.values = [
    ['Before', 'After', 'Summer'],
    [
      new Date('2026-03-08T01:30:00-08:00'),
      new Date('2026-03-08T03:30:00-07:00'),
      new Date('2026-07-01T23:45:10.250-07:00'),
    ],
  ];
  clients.formulas = new Map([[cellKey(1, 3), '=A2+1']]);
  clients.values[1][3] = new Date('2026-03-09T01:30:00-07:00');
  const ws = (await saveAndOpen('la.xlsx', model)).getWorksheet('Clients')!;
  expect(ws.getCell('A2').value).toEqual(new Date(Date.UTC(2026, 2, 8, 1, 30)));
  expect(ws.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 2, 8, 3, 30)));
  expect(ws.getCell('C2').value).toEqual(new Date(Date.UTC(2026, 6, 1, 23, 45, 10, 250)));
  expect(ws.getCell('D2').result).toEqual(new Date(Date.UTC(2026, 2, 9, 1, 30)));
});
