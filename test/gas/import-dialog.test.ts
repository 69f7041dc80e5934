/**
 * Import from a tab… as the dialog drives it (docs/import.md), through the built bundle: the list
 * brought into a tab with Sheets' File ▸ Import, previewed, then written one google.script.run call
 * per batch. An import whose window closed after its first batch and was continued from the journal
 * gives what one run straight through gives; Undo import of it leaves Clients and Contacts as before.
 * A phone column Sheets turned into numbers and text read in the wrong encoding each stop with one
 * sentence, nothing written.
 */
import {
  type Cell,
  type Step,
  putListTab,
  stopAfterWrite,
  continueUntilDone,
  countWrites,
  batchOf,
  runListTab,
} from './import-fixture';
import type { TestWorkbook } from '../helpers/workbook';
import { confirmTeamRoles } from '../helpers/roles';
import { addRows, asEditor, day, rowsOf, trackerWorkbook } from './clients-fixture';
import { AMY, LINA, TEAM, WANG, ZHANG } from './schedule/fixture';

function workbook(list: Cell[][]): TestWorkbook {
  const wb = trackerWorkbook({ now: '2026-03-02T01:00:00Z' });
  addRows(wb, 'Team', TEAM);
  addRows(wb, 'Clients', [{ ID: 'C-1', Name: 'Acme', Owner: '张伟', 'Next follow-up': '2026-02-20' }]);
  wb.env.spreadsheet.editors.push(ZHANG, LINA, WANG, AMY);
  confirmTeamRoles(wb);
  // What File ▸ Import ▸ Insert new sheet(s) leaves: a tab named after the file.
  if (list.length === 0) return wb;
  // Phones as text, as the import leaves them with "Convert text to numbers…" unticked.
  putListTab(wb, list);
  return wb;
}

function list(wb: TestWorkbook): Cell[][] {
  return [
    ['客户回访名单（2026年2月）'],
    ['客户名称', '联系电话', '负责人', '最近跟进', '联系情况', '跟进内容'],
    ['"华为(深圳), 总部"', '+86 138 0013 8000', '张伟', day(wb, '2026-02-05'), '已联系上', '报价, 下周再谈'],
    ['腾讯科技', '010-6552-1234', 'Amy', '2026年2月20日', '无人接听', ''],
    ['华为（深圳）总部', '13800138000', '张伟', '2026.2.27', '接通', '约了上门'],
    ['Acme', '', '张伟', '2026-02-26', '已联系上', '老客户回访'],
    ['小米之家', '0755 8888 0000', 'Li Na', '2025/12/1', '已联系上', '去年聊过'],
    ['远山物业', '021-5555-0000', 'Amy', '', '', ''],
  ];
}

/** A workbook only to make the list's Sheets dates in. */
const workbookFor = (): TestWorkbook => workbook([]);

const register = (wb: TestWorkbook) => ({ clients: wb.values('Clients'), contacts: wb.values('Contacts') });

describe('Import from a tab…', () => {
  test('stopped after the first batch and continued from the journal equals one run straight through; undo puts it all back', () => {
    const straight = workbook([]);
    const rows = list(straight);
    const one = workbook(rows);
    const preview = one.client('importPreview', [{ tab: '名单', update: false }], WANG) as {
      ok: boolean;
      lines: string[];
      total: number;
    };
    expect(preview).toMatchObject({ ok: true });
    expect(preview.lines.join('\n')).toContain(
      'New clients: 4; existing clients updated: 0; already in the register, left as they are: 1',
    );
    expect(preview.total).toBe(4);
    // The dialog's own words, not the command line's flags.
    expect(preview.lines.join('\n')).toContain('to log their history too, choose “Add new clients and log');
    expect(preview.lines.join('\n')).not.toContain('--update');
    const done = one.client('importRun', [{ tab: '名单', update: false, batch: '' }], WANG) as Step;
    expect(done).toMatchObject({ ok: true, done: 4, total: 4 });

    const two = workbook(rows);
    const before = register(two);
    const first = two.client('importRun', [{ tab: '名单', update: false, batch: '', size: 2 }], WANG) as Step;
    expect(first).toMatchObject({ ok: true, done: 2, total: 4 });
    // The window closed. Opening the dialog again offers to continue it.
    const tabs = two.client('importTabs', [], WANG) as { imports: { batch: string; finished: boolean }[] };
    const batch = first.ok ? first.batch : '';
    expect(tabs.imports).toEqual([expect.objectContaining({ batch, finished: false, done: 2, total: 4 })]);
    const rest = two.client('importRun', [{ tab: '', batch }], WANG) as Step;
    expect(rest).toMatchObject({ ok: true, done: 4, total: 4, batch });
    expect(register(two)).toEqual(register(one));
    // A date Sheets made of the list's text is that day in the workbook's zone.
    const huawei = rowsOf(two, 'Contacts').find((r) => r.Summary === '报价, 下周再谈');
    expect(huawei?.Date).toEqual(day(two, '2026-02-05'));

    const undone = two.client('undoImport', [batch], WANG) as { ok: boolean; text: string };
    expect(undone).toMatchObject({ ok: true });
    expect(register(two)).toEqual(before);
  });

  test('a client someone adds while the import is under way is found by the next batch, not added twice', () => {
    const wb = workbook(list(workbookFor()));
    const first = wb.client('importRun', [{ tab: '名单', update: false, batch: '', size: 2 }], WANG) as Step;
    expect(first).toMatchObject({ ok: true, done: 2, total: 4 });
    // Li Na types 小米之家 into Clients before the import goes on (the list's row 7, in the next batch).
    addRows(wb, 'Clients', [{ ID: 'C-9', Name: '小米之家', Owner: 'Li Na' }]);
    const batch = first.ok ? first.batch : '';
    const rest = wb.client('importRun', [{ tab: '', batch }], WANG) as Step;
    expect(rest).toMatchObject({ ok: true, done: 4, total: 4 });
    const names = rowsOf(wb, 'Clients').map((r) => r.Name);
    expect(names.filter((n) => n === '小米之家')).toHaveLength(1);
    expect(names).toContain('远山物业');
    expect(rowsOf(wb, 'Clients').find((r) => r.Name === '小米之家')?.ID).toBe('C-9');
  });

  test('a row of the tab changed after the first batch stops Continue with one sentence, nothing more written', () => {
    const wb = workbook(list(workbookFor()));
    const first = wb.client('importRun', [{ tab: '名单', update: false, batch: '', size: 2 }], WANG) as Step;
    const batch = first.ok ? first.batch : '';
    const after = register(wb);
    asEditor(wb, (ss) => ss.getSheetByName('名单')!.getRange(8, 2).setValue('021-5555-9999'));
    const rest = wb.client('importRun', [{ tab: '', batch }], WANG) as Step;
    expect(rest).toEqual({
      ok: false,
      text: `Import ${batch} cannot continue: row 8 of 名单 was changed since the import started. Undo the import and start again, or change the row back.`,
    });
    expect(register(wb)).toEqual(after);
    // Rows added at the end: the tab is not the one the import planned.
    asEditor(wb, (ss) => ss.getSheetByName('名单')!.getRange(8, 2).setValue('021-5555-0000'));
    asEditor(wb, (ss) => ss.getSheetByName('名单')!.appendRow(['新客户', '021-5555-1111']));
    const grown = wb.client('importRun', [{ tab: '', batch }], WANG) as Step;
    expect(grown).toMatchObject({ ok: false });
    expect(grown.ok ? '' : grown.text).toContain('gained or lost rows');
    expect(register(wb)).toEqual(after);
  });

  test('a batch stopped by the time limit after any one of its writes, then continued, gives what one run straight through gives', () => {
    const rows = list(workbookFor());
    const go = (wb: TestWorkbook, batch: string) => runListTab(wb, batch, 2);
    const everything = (wb: TestWorkbook) => ({ ...register(wb), changes: wb.values('Changes') });

    // Straight through, in batches of two; the second batch (Acme, in the register, and 小米之家) is the one stopped.
    const straight = workbook(rows);
    const first = go(straight, '');
    const { value: rest, writes } = countWrites(straight, () => go(straight, batchOf(first)));
    expect(rest).toMatchObject({ ok: true, done: 4, total: 5 });
    expect(go(straight, batchOf(first))).toMatchObject({ ok: true, done: 5, total: 5 });
    expect(writes).toBeGreaterThan(5);

    for (let k = 1; k <= writes; k++) {
      const wb = workbook(rows);
      const batch = batchOf(go(wb, ''));
      // The k-th write goes through; the clock then passes the 6-minute limit and the next call throws.
      const stopped = stopAfterWrite(wb, k, () => go(wb, batch));
      const listed = (wb.client('importTabs', [], WANG) as { imports: { batch: string; done: number }[] }).imports;
      const still = listed.find((i) => i.batch === batch)?.done === 2;
      if (still) {
        // Undo waits until the stopped batch is finished: its rows are not all in the journal yet.
        const undo = wb.client('undoImport', [batch], WANG) as { ok: boolean; text: string };
        expect(undo).toEqual(
          expect.objectContaining({ ok: false, text: expect.stringContaining('finish it with “Continue import”') }),
        );
      }
      continueUntilDone(() => go(wb, batch), 5);
      expect({ k, stopped, ...everything(wb) }).toEqual({ k, stopped, ...everything(straight) });
    }
  });

  test('a first batch stopped in the middle of its writes is listed by the dialog and finished by Continue', () => {
    const rows = list(workbookFor());
    const straight = workbook(rows);
    expect(straight.client('importRun', [{ tab: '名单', batch: '' }], WANG)).toMatchObject({ ok: true, done: 4 });
    const wb = workbook(rows);
    const started = wb.clock.now();
    let seen = 0;
    wb.env.hooks.push((_exec, method) => {
      // The journal of what the batch will write, then the new Clients rows; the clock passes the limit there.
      if (method === 'Range.setValues' && ++seen === 2) wb.clock.advance(7 * 60_000);
    });
    expect(() => wb.client('importRun', [{ tab: '名单', batch: '' }], WANG)).toThrow(/Exceeded maximum execution time/);
    wb.env.hooks.length = 0;
    wb.clock.set(started);
    // The dialog never heard the batch's ID; opened again, it lists the import to continue.
    const { imports } = wb.client('importTabs', [], WANG) as {
      imports: { batch: string; done: number; total: number }[];
    };
    expect(imports).toEqual([expect.objectContaining({ done: 0, total: 4 })]);
    const rest = wb.client('importRun', [{ tab: '', batch: imports[0].batch }], WANG) as Step;
    expect(rest).toMatchObject({ ok: true, done: 4, total: 4 });
    expect({ ...register(wb), changes: wb.values('Changes') }).toEqual({
      ...register(straight),
      changes: straight.values('Changes'),
    });
  });

  test('a phone held as a number that may have lost its 0 stops the import with one sentence, nothing written', () => {
    const rows: Cell[][] = [
      ['客户名称', '联系电话', '负责人'],
      ['星辰装饰', '139 1111 2222', '张伟'],
      ['远山物业', 13800138000, 'Amy'],
      ['海纳学校', 75588880000, 'Amy'],
    ];
    const wb = workbook(rows);
    const before = register(wb);
    const preview = wb.client('importPreview', [{ tab: '名单' }], WANG) as { ok: boolean; text: string };
    expect(preview).toEqual({
      ok: false,
      text: 'The phone column “联系电话” holds numbers (row 4: 75588880000), so a leading 0 or + may be lost: delete this tab; import a CSV again with “Convert text to numbers, dates and formulas” unticked, or in an Excel file format the column as Text and put the lost 0 or + back first; then pick the new tab.',
    });
    const run = wb.client('importRun', [{ tab: '名单', batch: '' }], WANG) as Step;
    expect(run).toMatchObject({ ok: false });
    expect(register(wb)).toEqual(before);
    expect(wb.sheetNames()).not.toContain('Import journal');
  });

  test('mobiles an Excel file holds as numbers import as the same list typed as text does', () => {
    // Sheets keeps an .xlsx's number cells (its conversion option is for CSV only): a mainland mobile,
    // alone or after 86, has lost nothing, so the list imports exactly as its text twin.
    const asText: Cell[][] = [
      ['客户名称', '联系电话', '负责人'],
      ['远山物业', '13800138000', 'Amy'],
      ['星辰装饰', '8613911112222', '张伟'],
    ];
    const asNumbers: Cell[][] = asText.map((r, i) => (i === 0 ? r : [r[0], Number(r[1]), r[2]]));
    const typed = workbook(asText);
    const excel = workbook(asNumbers);
    for (const wb of [typed, excel]) {
      expect(wb.client('importRun', [{ tab: '名单', batch: '' }], WANG)).toMatchObject({ ok: true, done: 2 });
    }
    expect(register(excel)).toEqual(register(typed));
    expect(JSON.stringify(register(excel).clients)).toContain('"13800138000"');
  });

  test('a list read in the wrong encoding stops the import with one sentence, nothing written', () => {
    // 客户名称 and 星辰装饰 as UTF-8 bytes read as Windows-1252, and a row of U+FFFD.
    const rows: Cell[][] = [
      ['å®¢æˆ·åç§°', 'Phone'],
      ['æ˜Ÿè¾°è£…é¥°', '139 1111 2222'],
      ['\uFFFD\uFFFD\uFFFD', '139 1111 3333'],
    ];
    const wb = workbook(rows);
    const before = register(wb);
    const preview = wb.client('importPreview', [{ tab: '名单' }], WANG) as { ok: boolean; text: string };
    expect(preview.ok).toBe(false);
    expect(preview.text).toMatch(/^This tab holds garbled text \(row 1: “å®¢æˆ·åç§°”\)/);
    expect(wb.client('importRun', [{ tab: '名单', batch: '' }], WANG)).toMatchObject({ ok: false });
    expect(register(wb)).toEqual(before);
  });

  test('the dialog offers only the tabs a list can be in', () => {
    const wb = workbook([['客户名称'], ['星辰装饰']]);
    const tabs = wb.client('importTabs', [], WANG) as { tabs: string[] };
    expect(tabs.tabs).toEqual(['名单']);
    const ours = wb.client('importPreview', [{ tab: 'Clients' }], WANG) as { ok: boolean; text: string };
    expect(ours).toEqual({ ok: false, text: 'There is no tab named Clients to import from; pick one of the list.' });
  });
});
