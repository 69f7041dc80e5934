/**
 * Any layout read right (docs/headers.md): a register with a title above its header row, a header
 * cell merged over two columns, a tab with no header at all. One header finder serves setup, the
 * reads behind refresh and reports, search, the card, logContact, addClient and onEdit.
 */
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
import { MAX_COLUMNS } from '../../src/local/emulator/model';
import type { CellValue } from '../../src/local/emulator/model';
import { run } from '../../src/local/runner';
import type { ClientCard, SearchResult, WriteResult } from '../../src/contract/types';
import { bundle } from '../helpers/bundle';
import { OWNER, newWorkbook, type TestWorkbook } from '../helpers/workbook';

const TITLE = 'Client register 2026';

/** A hand-made register: a title on row 1, a blank row, the header on row 3, two clients under it. */
function titledWorkbook(): TestWorkbook {
  const wb = newWorkbook();
  const sheet = wb.env.spreadsheet.sheets[0];
  sheet.name = 'Clients';
  sheet.values = [
    [TITLE, '', '', '', ''],
    ['', '', '', '', ''],
    ['ID', 'Name', 'Phone', 'Owner', 'Expected date'],
    ['C-1', 'Acme', '13800138000', 'Zhang Wei', new Date('2026-04-01T00:00:00+08:00')],
    ['C-2', 'Beta', '13900139000', 'Zhang Wei', ''],
  ];
  return wb;
}

function typeInto(wb: TestWorkbook, tab: string, row: number, col: number, value: CellValue): void {
  run(bundle(), wb.env, { authMode: 'FULL', kind: 'menu', activeUser: OWNER, effectiveUser: OWNER }, 'onOpen');
  run(bundle(), wb.env, { authMode: 'LIMITED', kind: 'simpleTrigger', activeUser: '' }, 'onEdit', (_exec, g) => {
    const ss = (g.SpreadsheetApp as SpreadsheetApp).getActiveSpreadsheet();
    const range = ss.getSheetByName(tab)!.getRange(row, col);
    range.setValue(value);
    return [{ authMode: 'LIMITED', range, source: ss, user: { getEmail: () => '' }, value: String(value) }];
  });
}

describe('a header on row 3 under a title row', () => {
  const wb = titledWorkbook();
  wb.menu('menuSetup');
  const clients = () => wb.sheet('Clients').values;

  test('setup leaves the title alone and adds the missing columns to the header row', () => {
    expect(wb.alerts().at(-1)).toContain('Clients: added the columns “Follow-up state”, “Contact”');
    expect(clients()[0].filter((v) => v !== '')).toEqual([TITLE]);
    expect(clients()[2].slice(0, 7)).toEqual([
      'ID',
      'Name',
      'Phone',
      'Owner',
      'Expected date',
      'Follow-up state',
      'Contact',
    ]);
    expect(clients()[3].slice(0, 2)).toEqual(['C-1', 'Acme']);
  });

  test('the Follow-up state formula sits in the header cell on row 3 and reads from row 3 down', () => {
    const formulas = [...wb.sheet('Clients').formulas];
    expect(formulas.map(([key]) => key)).toEqual([2 * MAX_COLUMNS + 5]);
    expect(formulas[0][1]).toMatch(/^=ARRAYFORMULA\(IF\(ROW\(B3:B\)=3,"Follow-up state",IF\(B3:B="",,/);
  });

  test('search returns the client’s own fields, not shifted ones', () => {
    const found = wb.client('searchClients', ['Acme']) as SearchResult;
    expect(found.hits).toEqual([expect.objectContaining({ id: 'C-1', name: 'Acme', phone: '13800138000' })]);
  });

  test('refresh counts the two clients, never the header or the title', () => {
    wb.menu('menuRefresh');
    const alert = wb.alerts().at(-1) ?? '';
    expect(alert).toContain('Refreshed 2 clients');
    expect(clients()[0].filter((v) => v !== '')).toEqual([TITLE]);
    expect(clients()[2][0]).toBe('ID');
    const grade = clients()[2].indexOf('Grade');
    expect([clients()[3][grade], clients()[4][grade]]).toEqual(['D', 'D']);
  });

  test('the card, a logged contact and a new client land on the rows under the header', () => {
    const card = wb.client('getClientCard', ['C-2']) as ClientCard;
    expect(card.fields).toMatchObject({ id: 'C-2', name: 'Beta', phone: '13900139000' });
    const logged = wb.client('logContact', [
      { clientId: 'C-2', channel: 'Phone', outcome: 'Reached', summary: 'called' },
    ]) as WriteResult<ClientCard>;
    expect(logged.ok).toBe(true);
    const last = clients()[2].indexOf('Last contact');
    expect(clients()[4][last]).toBeInstanceOf(Date);
    const added = wb.client('addClient', [{ name: 'Gamma' }, { allowDuplicate: true }]) as WriteResult<ClientCard>;
    expect(added.ok).toBe(true);
    expect(clients()[5][1]).toBe('Gamma');
    expect(clients()[0].filter((v) => v !== '')).toEqual([TITLE]);
  });

  test('a name typed under the header gets an ID from onEdit; the title row is never taken for a client', () => {
    typeInto(wb, 'Clients', 7, 2, 'Delta');
    expect(String(clients()[6][0])).toMatch(/^C-/);
    expect(clients()[0][0]).toBe(TITLE);
  });
});

describe('a header cell merged over two columns (B1:C1)', () => {
  // An .xlsx with "Name" merged over B1:C1 loads as "Name" in B1 and a blank C1 (Sheets and exceljs
  // keep only the top-left value of a merge): the Contact header is hidden under the merge.
  function mergedWorkbook(): TestWorkbook {
    const wb = newWorkbook();
    const sheet = wb.env.spreadsheet.sheets[0];
    sheet.name = 'Clients';
    sheet.values = [
      ['ID', 'Name', '', 'Phone', 'Owner'],
      ['C-1', 'Acme', 'Mr Wang', '13800138000', 'Zhang Wei'],
      ['C-2', 'Beta', 'Ms Li', '13900139000', 'Zhang Wei'],
    ];
    return wb;
  }

  test('setup stops with one sentence naming the tab and the column, and adds no empty Contact column', () => {
    const wb = mergedWorkbook();
    const before = JSON.stringify(wb.sheet('Clients').values);
    expect(() => wb.menu('menuSetup')).toThrow(
      'The Clients tab: column C holds data but has no name in the header row (row 1); is a header cell merged over it? Unmerge the header cells, give each column its own name, and run it again.',
    );
    expect(JSON.stringify(wb.sheet('Clients').values)).toBe(before);
  });

  test('once the column has its name again, setup adopts it and the card shows the contact', () => {
    const wb = mergedWorkbook();
    wb.sheet('Clients').values[0][2] = 'Contact';
    wb.menu('menuSetup');
    expect(wb.sheet('Clients').values[0].filter((h) => h === 'Contact')).toHaveLength(1);
    const card = wb.client('getClientCard', ['C-1']) as ClientCard;
    expect(card.fields.contact).toBe('Mr Wang');
  });
});

describe('a tab with a lone title over values and no header row', () => {
  test('setup stops with one sentence naming the tab and writes nothing', () => {
    const wb = newWorkbook();
    const sheet = wb.env.spreadsheet.sheets[0];
    sheet.name = 'Clients';
    sheet.values = [[TITLE], ['C-1', 'Acme', '138'], ['C-2', 'Beta', '139']];
    const before = JSON.stringify(sheet.values);
    expect(() => wb.menu('menuSetup')).toThrow(
      /^The Clients tab has values but no header row: none of its first 10 rows/,
    );
    expect(JSON.stringify(wb.sheet('Clients').values)).toBe(before);
  });
});
