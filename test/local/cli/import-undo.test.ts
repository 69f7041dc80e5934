/**
 * Undoing an import from the command line (docs/import.md): the rows it added go, the cells it
 * changed come back, so Clients and Contacts are cell for cell what they were before it; the Changes
 * tab keeps the import's rows and gains the undo's. An import whose rows someone changed since is not
 * undone, and the sentence says which.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { NOW, OWNER, copyWorkbook, teamWorkbook } from './team-workbook';
import { cli, ensureBuilt, openXlsx } from './run-cli';

let base: string;

beforeAll(async () => {
  ensureBuilt();
  base = (await teamWorkbook()).file;
}, 180_000);

const LIST = [
  '客户名称,联系电话,负责人,最近跟进,联系情况,跟进内容',
  '"华为(深圳), 总部",+86 138 0013 8000,Amy Liu,2026/2/5,已联系上,"报价, 下周再谈"',
  '华为（深圳）总部,13800138000,Amy Liu,2026.2.27,无人接听,',
  'Client 1,,Amy Liu,2026-02-26,已联系上,老客户回访',
].join('\n');

/** Every cell of a tab, empty ones included, with its value or formula. */
function cells(wb: ExcelJS.Workbook, tab: string): string[] {
  const out: string[] = [];
  wb.getWorksheet(tab)!.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => out.push(`${r}:${c}=${JSON.stringify(cell.value)}`)),
  );
  return out;
}

async function snapshot(file: string): Promise<{ clients: string[]; contacts: string[]; changes: number }> {
  const wb = await openXlsx(file);
  return {
    clients: cells(wb, 'Clients'),
    contacts: cells(wb, 'Contacts'),
    changes: wb.getWorksheet('Changes')!.actualRowCount,
  };
}

const run = (dir: string, ...args: string[]) =>
  cli(dir, ['import', '--workbook', 'book.xlsx', '--now', NOW, '--user', OWNER, ...args]);

function batchOf(stdout: string): string {
  const m = /--undo (I-[0-9A-Z]+)/.exec(stdout);
  if (!m) throw new Error(`no batch in:\n${stdout}`);
  return m[1];
}

describe('client-tracker import --undo', () => {
  test('leaves Clients and Contacts cell for cell as before the import; Changes keeps both', async () => {
    const { dir, file } = copyWorkbook(base);
    fs.writeFileSync(path.join(dir, 'list.csv'), LIST);
    const before = await snapshot(file);
    // --update: the list also logs a contact on Client 1, already in the register, changing its row.
    const imported = run(dir, '--from', 'list.csv', '--update');
    expect(imported.code).toBe(0);
    const during = await snapshot(file);
    expect(during.clients).not.toEqual(before.clients);
    expect(during.contacts.length).toBeGreaterThan(before.contacts.length);

    const undone = run(dir, '--undo', batchOf(imported.stdout));
    expect([undone.code, undone.stderr]).toEqual([0, '']);
    expect(undone.stdout).toContain('1 clients and 3 contacts removed');
    const after = await snapshot(file);
    expect(after.clients).toEqual(before.clients);
    expect(after.contacts).toEqual(before.contacts);
    // The import's own Changes rows stay, and the undo adds one per client it touched (2); Client 1's
    // grade the contact had given goes back to blank, which is no move (docs/rule-path.md, Moves).
    expect(after.changes).toBe(during.changes + 2);

    const again = run(dir, '--undo', batchOf(imported.stdout));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already undone');
  }, 120_000);

  test('an import whose client was changed since is not undone, and the workbook stays byte-equal', async () => {
    const { dir, file } = copyWorkbook(base);
    fs.writeFileSync(path.join(dir, 'list.csv'), LIST);
    const imported = run(dir, '--from', 'list.csv');
    expect(imported.code).toBe(0);
    const wb = await openXlsx(file);
    const ids: string[] = [];
    wb.getWorksheet('Clients')!.eachRow((row) => ids.push(String(row.getCell(1).value)));
    const added = ids[ids.length - 1];
    const logged = cli(dir, [
      'call',
      'logContact',
      JSON.stringify({ clientId: added, channel: 'phone', outcome: 'reached', summary: '又聊了' }),
      '--workbook',
      'book.xlsx',
      '--now',
      NOW,
      '--user',
      OWNER,
    ]);
    expect(logged.code).toBe(0);
    const untouched = [fs.readFileSync(file), fs.readFileSync(`${file}.ct-state.json`)];
    const refused = run(dir, '--undo', batchOf(imported.stdout));
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain(added);
    expect([fs.readFileSync(file), fs.readFileSync(`${file}.ct-state.json`)]).toEqual(untouched);
  }, 120_000);
});
