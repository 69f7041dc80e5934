/** save → load gives back the model; save → load → save → load changes nothing. */
import fs from 'fs';
import path from 'path';
import type { SpreadsheetModel } from '../../../src/local/emulator/model';
import { loadWorkbook } from '../../../src/local/xlsx/load';
import { saveWorkbook } from '../../../src/local/xlsx/save';
import { sidecarPath } from '../../../src/local/xlsx/sidecar';
import { clientsModel, paddedValues, resolvedStyles, resolvedValidations, tempFolder } from './fixture';

const temp = tempFolder();
afterAll(temp.cleanup);

async function roundTrip(name: string, model: SpreadsheetModel, services: unknown = null) {
  const file = path.join(temp.dir, name);
  await saveWorkbook(file, model, { services });
  return { file, ...(await loadWorkbook(file)) };
}

describe('a saved and reloaded workbook', () => {
  const original = clientsModel();
  let loaded: SpreadsheetModel;
  let services: unknown;
  beforeAll(async () => {
    const first = await roundTrip('clients.xlsx', original, { properties: { lastRun: '2026-03-02' }, sent: [1, 2] });
    loaded = first.model;
    services = first.sidecar?.services;
  });

  test('keeps the spreadsheet settings and the services state', () => {
    expect(loaded).toMatchObject({
      id: 'sheet-123',
      name: 'Client Tracker 客户',
      timeZone: 'Asia/Shanghai',
      locale: 'zh_CN',
      editors: ['boss@example.com'],
      viewers: ['auditor@example.com'],
      nextSheetId: 2,
      nextObjectId: 9,
    });
    expect(services).toEqual({ properties: { lastRun: '2026-03-02' }, sent: [1, 2] });
  });

  test('keeps values, dates as the same instants, formulas and notes', () => {
    original.sheets.forEach((sheet, i) => {
      const back = loaded.sheets[i];
      expect(paddedValues(back)).toEqual(paddedValues(sheet));
      expect(back.formulas).toEqual(sheet.formulas);
      expect(back.notes).toEqual(sheet.notes);
    });
  });

  test('keeps every cell’s resolved style and validation', () => {
    original.sheets.forEach((sheet, i) => {
      const back = loaded.sheets[i];
      expect(resolvedStyles(back)).toEqual(resolvedStyles(sheet));
      expect(resolvedValidations(back)).toEqual(resolvedValidations(sheet));
    });
  });

  test('keeps rules, names, layout and what only the sidecar can hold', () => {
    original.sheets.forEach((sheet, i) => {
      const back = loaded.sheets[i];
      expect(back).toMatchObject({
        id: sheet.id,
        name: sheet.name,
        maxRows: sheet.maxRows,
        maxColumns: sheet.maxColumns,
        frozenRows: sheet.frozenRows,
        frozenColumns: sheet.frozenColumns,
        hidden: sheet.hidden,
        tabColor: sheet.tabColor,
      });
      expect(back.columnWidths).toEqual(sheet.columnWidths);
      expect(back.conditionalFormats).toEqual(sheet.conditionalFormats);
      expect(back.charts).toEqual(sheet.charts);
      expect(back.protections).toEqual(sheet.protections);
      expect(back.developerMetadata).toEqual(sheet.developerMetadata);
    });
    expect(loaded.namedRanges).toEqual(original.namedRanges);
    expect(loaded.sheets.map((s) => s.name)).toEqual(['Clients', 'Archive 归档']);
  });

  test('comes back identical from a second round trip', async () => {
    const second = await roundTrip('again.xlsx', loaded, services);
    expect(second.model).toEqual(loaded);
    expect(second.sidecar?.services).toEqual(services);
  });

  test('stores styles as column stretches, not cell by cell', () => {
    expect(loaded.sheets[0].styles.length).toBeLessThan(20);
  });
});

test('a Los Angeles workbook keeps its instants', async () => {
  const model = clientsModel();
  model.timeZone = 'America/Los_Angeles';
  const clients = model.sheets[0];
  clients.values[1][2] = new Date('2026-03-08T01:30:00-08:00');
  clients.values[2][2] = new Date('2026-11-01T01:15:00-07:00');
  const { model: back } = await roundTrip('la.xlsx', model);
  expect(back.timeZone).toBe('America/Los_Angeles');
  expect(back.sheets[0].values[1][2]).toEqual(new Date('2026-03-08T01:30:00-08:00'));
  expect(back.sheets[0].values[2][2]).toEqual(new Date('2026-11-01T01:15:00-07:00'));
});

test('without its sidecar a workbook still opens, in the time zone it was saved in', async () => {
  const model = clientsModel();
  model.timeZone = 'America/Los_Angeles';
  const file = path.join(temp.dir, 'lonely.xlsx');
  await saveWorkbook(file, model, null);
  fs.rmSync(sidecarPath(file));
  const { model: back, sidecar } = await loadWorkbook(file);
  expect(sidecar).toBeNull();
  expect(back.timeZone).toBe('America/Los_Angeles');
  expect(back.locale).toBe('zh_CN');
  expect(back.sheets[0].values[1][2]).toEqual(model.sheets[0].values[1][2]);
  expect(back.sheets.map((s) => [s.id, s.maxRows, s.maxColumns])).toEqual([
    [0, 1000, 26],
    [1, 1000, 26],
  ]);
  // Excel has no checkbox, and charts and protections live in the sidecar
  expect(resolvedValidations(back.sheets[0], 3, 9)[1][8]).toBeNull();
  expect(back.sheets[0].charts).toEqual([]);
});

test('a list shown without a dropdown comes back without one (the sidecar remembers)', async () => {
  const model = clientsModel();
  model.sheets[0].validations = [
    {
      rect: { row: 2, col: 8, numRows: 5, numCols: 2 },
      rule: { criteria: { type: 'VALUE_IN_LIST', values: ['A', 'B'], showDropdown: false }, allowInvalid: true },
    },
  ];
  const { model: back } = await roundTrip('no-dropdown.xlsx', model);
  expect(resolvedValidations(back.sheets[0], 8, 10)).toEqual(resolvedValidations(model.sheets[0], 8, 10));
});
