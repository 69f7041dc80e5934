/** A save that fails leaves the workbook and its sidecar exactly as they were. */
import fs from 'fs';
import path from 'path';
import { saveWorkbook } from '../../../src/local/xlsx/save';
import { sidecarPath } from '../../../src/local/xlsx/sidecar';
import { clientsModel, tempFolder } from './fixture';

const temp = tempFolder();
afterAll(temp.cleanup);

async function savedWorkbook(name: string) {
  const file = path.join(temp.dir, name);
  await saveWorkbook(file, clientsModel(), { services: { run: 1 } });
  return { file, bytes: fs.readFileSync(file), sidecar: fs.readFileSync(sidecarPath(file), 'utf8') };
}

function leftovers(): string[] {
  return fs.readdirSync(temp.dir).filter((name) => name.includes('.tmp-'));
}

test.each([
  ['longer than 31 characters', 'Clients of the Shanghai office 2026'],
  ['with a slash', 'Leads/Prospects'],
  ['with a square bracket', 'Leads [old]'],
  ['reserved by Excel', 'History'],
])('a tab name %s is refused with its name, and nothing changes', async (_, badName) => {
  const before = await savedWorkbook(`refused-${badName.length}.xlsx`);
  const model = clientsModel();
  model.sheets[1].name = badName;
  await expect(saveWorkbook(before.file, model, null)).rejects.toThrow(`"${badName}"`);
  expect(fs.readFileSync(before.file)).toEqual(before.bytes);
  expect(fs.readFileSync(sidecarPath(before.file), 'utf8')).toBe(before.sidecar);
  expect(leftovers()).toEqual([]);
});

test('a failure while writing removes the temporary files and keeps the original', async () => {
  const before = await savedWorkbook('write-fails.xlsx');
  // the sidecar's place is taken by a folder, so its rename fails after both temporary files exist
  fs.rmSync(sidecarPath(before.file));
  fs.mkdirSync(sidecarPath(before.file));
  fs.writeFileSync(path.join(sidecarPath(before.file), 'keep'), 'x');
  const model = clientsModel();
  model.sheets[0].values[1][0] = 'changed';
  await expect(saveWorkbook(before.file, model, null)).rejects.toThrow();
  expect(fs.readFileSync(before.file)).toEqual(before.bytes);
  expect(leftovers()).toEqual([]);
});

test('a successful save replaces the file and leaves no temporary file', async () => {
  const before = await savedWorkbook('replaced.xlsx');
  const model = clientsModel();
  model.sheets[0].values[1][0] = 'changed';
  await saveWorkbook(before.file, model, null);
  expect(fs.readFileSync(before.file)).not.toEqual(before.bytes);
  expect(leftovers()).toEqual([]);
});
