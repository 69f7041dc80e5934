/**
 * Create-and-update in the add-on (docs/import.md "Updating clients already in the register"),
 * through the built bundle. Proofs by difference: an update import gives the Clients row that typing
 * the same values into the cells gives; Undo import gives Clients back byte for byte, and is refused,
 * naming the client, once someone changed a cell it wrote; an empty cell or an equal phone changes
 * nothing; a salesperson cannot update another's client; a batch stopped after any of its writes and
 * continued equals one run straight through.
 */
import {
  type Cell,
  putListTab,
  registerWorkbook,
  stopAfterWrite,
  continueUntilDone,
  countWrites,
  type BatchResult,
  batchOf,
  previewListTab,
  runListTab,
  threeTabs,
} from './import-fixture';
import type { TestWorkbook } from '../helpers/workbook';
import { confirmTeamRoles } from '../helpers/roles';
import { type Row, addRows, day, editCells, rowsOf, trackerWorkbook } from './clients-fixture';
import { AMY, LINA, TEAM, WANG, ZHANG } from './schedule/fixture';

const EXISTING: Row[] = [
  { ID: 'KH-0001', Name: 'Acme', Owner: '张伟', Phone: '138 0000 1111', Contact: 'Mr Old', Notes: 'keep me' },
  { ID: 'KH-0002', Name: 'Beta Co', Owner: 'Amy', Phone: '139 0000 2222' },
];

const workbook = (): TestWorkbook => registerWorkbook(EXISTING);

/** What the planner hands the writer for Acme: a same-digits phone, two new values, an empty note. */
const ACME = {
  line: 2,
  fields: null,
  clientId: 'KH-0001',
  updates: { phone: '+86 138-0000-1111', contact: 'Mr Li', email: 'li@acme.cn', source: 'organization', notes: '' },
  contacts: [],
};

function importUpdates(wb: TestWorkbook, clients: unknown[], user = ZHANG): BatchResult {
  return wb.client('importBatch', [{ batch: '', clients }], user) as BatchResult;
}

const clientsOf = (wb: TestWorkbook) => wb.values('Clients');

describe('import create-and-update: fields of clients already in the register', () => {
  test('an update import gives the Clients row typing the values in gives, and one Changes row per field changed', () => {
    const typed = workbook();
    editCells(typed, 'Clients', 2, 'Contact', [['Mr Li']]);
    editCells(typed, 'Clients', 2, 'Email', [['li@acme.cn']]);
    editCells(typed, 'Clients', 2, 'Source', [['Companies & institutions']]);
    const imported = workbook();
    const changesBefore = rowsOf(imported, 'Changes').length;
    const r = importUpdates(imported, [ACME]);
    expect(r).toMatchObject({ ok: true });

    expect(rowsOf(imported, 'Clients')).toEqual(rowsOf(typed, 'Clients'));
    // The phone (same digits) and the empty note are no change.
    expect(rowsOf(imported, 'Clients')[0]).toMatchObject({ Phone: '138 0000 1111', Notes: 'keep me' });
    const batch = r.ok ? r.value.batch : '';
    const added = rowsOf(imported, 'Changes')
      .slice(changesBefore)
      .map((c) => [c['Client ID'], c.What, c.Old, c.New, c.By, c.Reason]);
    expect(added).toEqual([
      ['KH-0001', 'Details changed', 'Mr Old', 'Mr Li', '张伟', `Contact updated by import (batch ${batch}).`],
      ['KH-0001', 'Details changed', '', 'li@acme.cn', '张伟', `Email updated by import (batch ${batch}).`],
      [
        'KH-0001',
        'Details changed',
        '',
        'Companies & institutions',
        '张伟',
        `Source updated by import (batch ${batch}).`,
      ],
    ]);
  });

  test('an empty list cell never blanks a value, and values equal after the validation’s reading change nothing', () => {
    const wb = workbook();
    const before = clientsOf(wb);
    const changes = wb.values('Changes').length;
    const same = { ...ACME, updates: { phone: '13800001111', contact: ' Mr Old ', notes: '', email: '  ' } };
    expect(importUpdates(wb, [same])).toMatchObject({ ok: true });
    expect(clientsOf(wb)).toEqual(before);
    expect(wb.values('Changes').length).toBe(changes);
  });

  test('a bad value refuses the row with the sidebar’s sentence, nothing written', () => {
    const wb = workbook();
    const before = clientsOf(wb);
    const bad = { ...ACME, updates: { email: 'not an email' } };
    const r = importUpdates(wb, [bad]);
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.text).toBe(
      'Row 2 was refused, so nothing of this batch was written: “Email”: “not an email” is not an email address.',
    );
    expect(clientsOf(wb)).toEqual(before);
  });

  test('undo gives Clients back byte for byte; a cell changed since refuses the undo, naming the client', () => {
    const wb = workbook();
    const before = JSON.stringify(clientsOf(wb));
    const r = importUpdates(wb, [ACME]);
    const batch = r.ok ? r.value.batch : '';
    expect(JSON.stringify(clientsOf(wb))).not.toBe(before);
    expect(wb.client('undoImport', [batch], ZHANG)).toMatchObject({ ok: true });
    expect(JSON.stringify(clientsOf(wb))).toBe(before);

    const changed = workbook();
    const r2 = importUpdates(changed, [ACME]);
    const batch2 = r2.ok ? r2.value.batch : '';
    editCells(changed, 'Clients', 2, 'Email', [['other@acme.cn']]);
    const during = clientsOf(changed);
    const refused = changed.client('undoImport', [batch2], ZHANG) as { ok: boolean; text: string };
    expect(refused).toMatchObject({ ok: false });
    expect(refused.text).toContain('KH-0001');
    expect(clientsOf(changed)).toEqual(during);
  });

  test('a salesperson updates only their own clients; a manager their team’s; the refusal names the row', () => {
    const wb = workbook();
    const before = clientsOf(wb);
    const beta = { line: 7, fields: null, clientId: 'KH-0002', updates: { contact: 'Ms Wu' }, contacts: [] };
    const refused = importUpdates(wb, [beta], ZHANG);
    expect(refused).toMatchObject({ ok: false });
    expect(!refused.ok && refused.text).toBe(
      'Row 7 would change Beta Co (KH-0002) (owner: Amy): you may update only your own clients (a manager: their team’s; a pool client: a director). Take the row out, or ask your manager.',
    );
    expect(clientsOf(wb)).toEqual(before);
    // Logging history on it alone needs no more than Log contact does.
    expect(importUpdates(wb, [{ ...beta, updates: undefined }], ZHANG)).toMatchObject({ ok: true });
    // Li Na manages Amy.
    expect(importUpdates(wb, [beta], LINA)).toMatchObject({ ok: true });
    expect(rowsOf(wb, 'Clients')[1].Contact).toBe('Ms Wu');
  });
});

function tabWorkbook(list: Cell[][]): TestWorkbook {
  const wb = trackerWorkbook({ now: '2026-03-02T01:00:00Z' });
  addRows(wb, 'Team', TEAM);
  addRows(wb, 'Clients', [
    {
      ID: 'C-1',
      Name: 'Acme',
      Owner: '张伟',
      Phone: '138 0000 1111',
      Contact: 'Mr Old',
      'Next follow-up': '2026-02-20',
    },
  ]);
  wb.env.spreadsheet.editors.push(ZHANG, LINA, WANG, AMY);
  confirmTeamRoles(wb);
  if (list.length === 0) return wb;
  putListTab(wb, list);
  return wb;
}

describe('Import from a tab…, create-and-update', () => {
  test('the preview lists the field changes; a batch stopped after any of its writes, then continued, equals one run straight through', () => {
    // Acme, in the register, is the second batch's: the one stopped.
    const rows: Cell[][] = [
      ['客户名称', '联系电话', '负责人', '联系人', '邮箱', '最近跟进', '联系情况', '跟进内容'],
      ['腾讯科技', '010-6552-1234', 'Amy', '', '', '2026年2月20日', '无人接听', ''],
      ['远山物业', '021-5555-0000', 'Amy', '', '', '', '', ''],
      ['Acme', '', '张伟', 'Mr Li', 'li@acme.cn', day(tabWorkbook([]), '2026-02-26'), '已联系上', '老客户回访'],
    ];
    const preview = previewListTab;
    const go = (wb: TestWorkbook, batch: string) => runListTab(wb, batch, 2);
    const everything = threeTabs;

    const straight = tabWorkbook(rows);
    const shown = preview(straight);
    expect(shown.lines).toContain('Clients already in the register whose details change: 1 (Contact: 1, Email: 1).');
    expect(shown.lines).toContain('  Row 4: Acme (C-1), Email: (blank) → “li@acme.cn”');
    const first = go(straight, '');
    const { value: rest, writes } = countWrites(straight, () => go(straight, batchOf(first)));
    expect(rest).toMatchObject({ ok: true, done: 3, total: 3 });
    expect(rowsOf(straight, 'Clients')[0]).toMatchObject({
      Contact: 'Mr Li',
      Email: 'li@acme.cn',
      Phone: '138 0000 1111',
    });
    expect(writes).toBeGreaterThan(3);

    for (let k = 1; k <= writes; k++) {
      const wb = tabWorkbook(rows);
      const batch = batchOf(go(wb, ''));
      // The k-th write goes through; the clock then passes the 6-minute limit and the next call throws.
      const stopped = stopAfterWrite(wb, k, () => go(wb, batch));
      continueUntilDone(() => go(wb, batch), 3);
      expect({ k, stopped, ...everything(wb) }).toEqual({ k, stopped, ...everything(straight) });
    }
  });
});
