/**
 * The product under the readings of Google's behaviour that the reference does not settle
 * (docs/google-readings.md): each test runs the flow where the product used to break under the
 * unkind reading, and under the kind one, and expects the same cells.
 */
import { confirmTeamRoles } from '../helpers/roles';
import { newSheetModel } from '../../src/local/emulator/model';
import { newAddOnInstall, type Assumptions } from '../../src/local/emulator';
import { OWNER, newWorkbook, type TestWorkbook } from '../helpers/workbook';
import { bundle } from '../helpers/bundle';
import { run } from '../../src/local/runner';
import { addRows, asEditor, headerIndex, rowsOf, trackerWorkbook } from './clients-fixture';

const SIDEBAR = { authMode: 'FULL', kind: 'scriptRun', activeUser: OWNER, effectiveUser: OWNER } as const;

const KIND: Assumptions = { apostropheInPlainText: 'stripped', rulesFollowAppendedRows: 'grow' };
const UNKIND: Assumptions = { apostropheInPlainText: 'kept', rulesFollowAppendedRows: 'fixed' };
const BOTH = [
  ['kind', KIND],
  ['unkind', UNKIND],
] as const;

function ids(wb: TestWorkbook): unknown[] {
  return rowsOf(wb, 'Clients').map((r) => r.ID);
}

describe.each(BOTH)('IDs in the plain-text ID column (apostrophes, %s readings)', (_label, readings) => {
  const wb = trackerWorkbook({ readings });
  // Rows 3 and 5 have no ID: Refresh gives them one, and writes the ID column from row 3 to row 5.
  addRows(wb, 'Clients', [
    { ID: 'C-1', Name: 'One' },
    { ID: '', Name: 'Two' },
    { ID: 'C-3', Name: 'Three' },
    { ID: '', Name: 'Four' },
    { ID: 'C-5', Name: 'Five' },
  ]);
  wb.menu('menuRefresh');

  test('the ID between two new ones is rewritten as it was, without an apostrophe', () => {
    const after = ids(wb);
    expect(after[2]).toBe('C-3');
    expect(after.every((id) => typeof id === 'string' && /^C-[0-9A-Z]+$/.test(id))).toBe(true);
  });

  test('no ID in the column starts with an apostrophe after a second refresh', () => {
    wb.menu('menuRefresh');
    expect(ids(wb).filter((id) => String(id).startsWith("'"))).toEqual([]);
  });
});

describe('an ID cell people made a formula, between two rows Refresh gives an ID', () => {
  // ID is a column people own: only the cells that change are written, so a formula (or a link, or
  // what a colleague typed since the read) in a cell between them is left as it is.
  const wb = trackerWorkbook();
  addRows(wb, 'Clients', [
    { ID: 'C-1', Name: 'One' },
    { ID: '', Name: 'Two' },
    { ID: 'C-3', Name: 'Three' },
    { ID: '', Name: 'Four' },
  ]);
  const idCol = headerIndex(wb, 'Clients', 'ID') + 1;
  asEditor(wb, (ss) => ss.getSheetByName('Clients')!.getRange(4, idCol).setFormula('="C-"&"3"'));
  wb.menu('menuRefresh');

  test('keeps its formula, and the two rows get their IDs', () => {
    expect(asEditor(wb, (ss) => ss.getSheetByName('Clients')!.getRange(4, idCol).getFormula())).toBe('="C-"&"3"');
    const after = ids(wb);
    expect(after[2]).toBe('C-3');
    expect([after[1], after[3]].every((id) => typeof id === 'string' && /^C-[0-9A-Z]+$/.test(id))).toBe(true);
  });
});

describe("IDs an earlier version stored as 'C-0001 (the apostrophe kept as a character)", () => {
  const wb = trackerWorkbook({ readings: { apostropheInPlainText: 'kept' } });
  addRows(wb, 'Clients', [
    { ID: "'C-0001", Name: 'Acme', Owner: 'Amy' },
    { ID: 'C-0002', Name: 'Beta', Owner: 'Amy' },
  ]);
  addRows(wb, 'Contacts', [
    { ID: 'K-1', Date: new Date('2026-02-20T10:00:00+08:00'), 'Client ID': 'C-0001', By: 'Amy', Outcome: 'Reached' },
  ]);

  test('are stored that way under the apostrophe-kept reading (the starting point)', () => {
    expect(ids(wb)[0]).toBe("'C-0001");
  });

  test('Refresh repairs them, and the contact logged for C-0001 counts for the client', () => {
    wb.menu('menuRefresh');
    const acme = rowsOf(wb, 'Clients')[0];
    expect(acme.ID).toBe('C-0001');
    expect(acme['Last contact']).toBeInstanceOf(Date);
  });
});

describe('phone numbers with a leading zero in an adopted tab whose phone column is not plain text', () => {
  const run = (readings: Assumptions): unknown => {
    const wb = newWorkbook({ locale: 'zh_CN', readings });
    const sheet = newSheetModel(wb.env.spreadsheet.nextSheetId++, '客户跟踪表');
    sheet.values = [
      ['客户名称', '电话', '负责人'],
      ['远大集团', '13800138000', '张伟'],
    ];
    wb.env.spreadsheet.sheets.push(sheet);
    wb.menu('menuSetup');
    const added = wb.client('addClient', [{ name: '广州某公司', phone: '02087654321' }]) as { ok: boolean };
    expect(added.ok).toBe(true);
    const phone = headerIndex(wb, '客户跟踪表', '电话');
    return wb.values('客户跟踪表').find((r) => r[0] === '广州某公司')?.[phone];
  };

  test.each(BOTH)('addClient stores 02087654321 as that text (%s readings)', (_label, readings) => {
    expect(run(readings)).toBe('02087654321');
  });
});

describe.each(BOTH)(
  'rows appended past the setup grid stay highlighted and protected (%s readings)',
  (_l, readings) => {
    const wb = trackerWorkbook({ readings });
    const clients = (): ReturnType<TestWorkbook['sheet']> => wb.sheet('Clients');
    const covered = (): { rules: number[]; protections: number[]; maxRows: number } => ({
      rules: clients().conditionalFormats.map((r) => Math.max(...r.ranges.map((g) => g.row + g.numRows - 1))),
      protections: clients().protections.map((p) => (p.rect ? p.rect.row + p.rect.numRows - 1 : Infinity)),
      maxRows: clients().maxRows,
    });

    test('addClient on a full grid: the new row is covered', () => {
      const grid = clients().maxRows;
      asEditor(wb, (ss) => ss.getSheetByName('Clients')!.getRange(grid, 2).setValue('Last row of the grid'));
      const added = wb.client('addClient', [{ name: 'Past the grid' }]) as { ok: boolean };
      expect(added.ok).toBe(true);
      const c = covered();
      expect(c.maxRows).toBeGreaterThan(grid);
      expect(c.rules.every((last) => last >= c.maxRows)).toBe(true);
      expect(c.protections.every((last) => last >= c.maxRows)).toBe(true);
    });

    test('an add into spare rows inserts none and reads no rule or protection; rows added by hand are covered by the next add', () => {
      const before = covered();
      const added = run(bundle(), wb.env, SIDEBAR, 'addClient', () => [{ name: 'Into a spare row' }]);
      expect((added.value as { ok: boolean }).ok).toBe(true);
      expect(covered().maxRows).toBe(before.maxRows);
      const { calls } = added.execution.counters.snapshot();
      expect(Object.keys(calls).filter((m) => /ConditionalFormatRules|getProtections/.test(m))).toEqual([]);
      asEditor(wb, (ss) => ss.getSheetByName('Clients')!.insertRowsAfter(clients().maxRows, 50));
      expect(wb.client('addClient', [{ name: 'After rows added by hand' }])).toMatchObject({ ok: true });
      const c = covered();
      expect(c.rules.every((last) => last >= c.maxRows)).toBe(true);
      expect(c.protections.every((last) => last >= c.maxRows)).toBe(true);
    });

    test('rows someone added by hand are covered after the next Refresh', () => {
      asEditor(wb, (ss) => ss.getSheetByName('Clients')!.insertRowsAfter(clients().maxRows, 500));
      wb.menu('menuRefresh');
      const c = covered();
      expect(c.rules.every((last) => last >= c.maxRows)).toBe(true);
      expect(c.protections.every((last) => last >= c.maxRows)).toBe(true);
    });
  },
);

describe("an add-on's user cache spans files: who am I is answered per spreadsheet", () => {
  const install = newAddOnInstall();
  const workbook = (id: string, myName: string): TestWorkbook => {
    const wb = trackerWorkbook({ id, addOnInstall: install });
    // Setup added the person who ran it (OWNER) as director: they change the name to theirs, as Setup asks.
    const team = wb.sheet('Team').values;
    team[1][team[0].indexOf('Name')] = myName;
    confirmTeamRoles(wb);
    addRows(wb, 'Clients', [{ ID: 'C-1', Name: 'Harbor Foods', Owner: myName }]);
    return wb;
  };
  const a = workbook('sheet-A', 'Zhang Wei');
  const b = workbook('sheet-B', 'Wei Zhang');
  const mine = (wb: TestWorkbook): unknown =>
    (wb.client('searchClients', ['Harbor']) as { hits: Array<{ mine: boolean }> }).hits.map((h) => h.mine);

  test('the sidebar opened in A, then a search in B marks B’s client as mine (B’s Team name, not A’s)', () => {
    expect((a.client('sidebarContext', []) as { me: string }).me).toBe('Zhang Wei');
    expect(mine(a)).toEqual([true]);
    expect((b.client('sidebarContext', []) as { me: string }).me).toBe('Wei Zhang');
    expect(mine(b)).toEqual([true]);
    expect(mine(a)).toEqual([true]);
  });

  test('the view a menu asked for in A does not open in B', () => {
    a.menu('menuAddClient');
    expect((b.client('sidebarContext', []) as { view: string }).view).toBe('log');
    expect((a.client('sidebarContext', []) as { view: string }).view).toBe('add');
  });
});
