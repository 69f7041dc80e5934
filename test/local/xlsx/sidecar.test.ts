import fs from 'fs';
import path from 'path';
import { readSidecar, sidecarPath, writeSidecar, type Sidecar } from '../../../src/local/xlsx/sidecar';
import { tempFolder } from './fixture';

const temp = tempFolder();
afterAll(temp.cleanup);

const state: Sidecar = {
  version: 1,
  timeZone: 'Asia/Shanghai',
  locale: 'zh_CN',
  spreadsheetId: 'abc',
  spreadsheetName: '客户',
  editors: [],
  viewers: [],
  developerMetadata: [],
  nextSheetId: 1,
  nextObjectId: 1,
  sheets: [],
  services: { triggers: [{ handler: 'daily', hour: 8 }], sent: ['<id@local>'] },
};

test('the sidecar sits next to the workbook and reads back as written', async () => {
  const workbook = path.join(temp.dir, 'book.xlsx');
  expect(sidecarPath(workbook)).toBe(`${workbook}.ct-state.json`);
  expect(await readSidecar(workbook)).toBeNull();
  await writeSidecar(workbook, state);
  expect(await readSidecar(workbook)).toEqual(state);
  expect(fs.readdirSync(temp.dir)).toEqual(['book.xlsx.ct-state.json']);
});

test('a damaged sidecar is reported, not silently ignored', async () => {
  const workbook = path.join(temp.dir, 'damaged.xlsx');
  fs.writeFileSync(sidecarPath(workbook), '{ not json');
  await expect(readSidecar(workbook)).rejects.toThrow('is not valid JSON');
  fs.writeFileSync(sidecarPath(workbook), '{"version": 99}');
  await expect(readSidecar(workbook)).rejects.toThrow('is not a Client Tracker state file');
});
