/**
 * Set up / upgrade sheets (issue 3), run through the built add-on in the emulator: on an empty
 * spreadsheet, on an older schema, on a user's reordered sheet with their own columns, in Chinese,
 * and on a user's own client list. What the user had must never change.
 */
import { TABLES, type ColumnDef } from '../../src/core/schema';
import { SETTING_DEFS } from '../../src/core/settings';
import { t } from '../../src/core/i18n';
import { styleAt, validationAt } from '../../src/local/emulator/spreadsheet';
import { newSheetModel, type SheetModel } from '../../src/local/emulator/model';
import { newWorkbook, snapshot, type TestWorkbook } from '../helpers/workbook';

const CLIENT_HEADERS = (TABLES.clients as readonly ColumnDef[]).map((c) => t('en', c.label));

function addSheet(wb: TestWorkbook, name: string, rows: (string | number | Date)[][]): SheetModel {
  const sheet = newSheetModel(wb.env.spreadsheet.nextSheetId++, name);
  sheet.values = rows.map((r) => [...r]);
  wb.env.spreadsheet.sheets.push(sheet);
  return sheet;
}

function col(wb: TestWorkbook, tab: string, header: string): number {
  const index = wb.values(tab)[0].indexOf(header);
  if (index < 0) throw new Error(`${tab} has no ${header}`);
  return index;
}

describe('setup on an empty spreadsheet', () => {
  const wb = newWorkbook();
  wb.menu('menuSetup');

  test('creates the five tabs with their English names and removes the blank Sheet1', () => {
    expect(wb.sheetNames()).toEqual(['Clients', 'Contacts', 'Team', 'Changes', 'Settings']);
  });

  test('every table gets its canonical header row, in order, frozen and bold', () => {
    for (const [table, tab] of [
      ['clients', 'Clients'],
      ['contacts', 'Contacts'],
      ['team', 'Team'],
      ['changes', 'Changes'],
    ] as const) {
      expect(wb.values(tab)[0]).toEqual((TABLES[table] as readonly ColumnDef[]).map((c) => t('en', c.label)));
      expect(wb.sheet(tab).frozenRows).toBe(1);
      expect(styleAt(wb.sheet(tab), 1, 1).font?.bold).toBe(true);
    }
  });

  test('phone and ID columns are plain text and dates are formatted as dates', () => {
    const sheet = wb.sheet('Clients');
    expect(styleAt(sheet, 2, col(wb, 'Clients', 'Phone') + 1).numberFormat).toBe('@');
    expect(styleAt(sheet, 500, col(wb, 'Clients', 'ID') + 1).numberFormat).toBe('@');
    expect(styleAt(sheet, 2, col(wb, 'Clients', 'Next follow-up') + 1).numberFormat).toBe('yyyy-mm-dd');
  });

  test('Outcome on Contacts has a dropdown with exactly the seed’s eight outcomes', () => {
    const rule = validationAt(wb.sheet('Contacts'), 2, col(wb, 'Contacts', 'Outcome') + 1);
    expect(rule?.criteria).toEqual({
      type: 'VALUE_IN_LIST',
      values: ['Reached', 'No answer', 'Busy', 'Wrong number', 'Unreachable', 'Fax', 'Suspended', 'No such number'],
      showDropdown: true,
    });
  });

  test('Clients carries the four live highlighting rules, each using TODAY() so no script has to run', () => {
    const rules = wb.sheet('Clients').conditionalFormats;
    expect(rules).toHaveLength(4);
    const next = String.fromCharCode(65 + col(wb, 'Clients', 'Next follow-up'));
    expect(rules[0].condition).toEqual({
      type: 'CUSTOM_FORMULA',
      formula: expect.stringContaining(`INT($${next}2)<TODAY()`),
    });
    expect(rules[1].condition).toEqual({
      type: 'CUSTOM_FORMULA',
      formula: expect.stringContaining(`INT($${next}2)=TODAY()`),
    });
    expect(rules.map((r) => r.format.background)).toEqual(['#f4c7c3', '#fde9a9', '#e0e0e0', '#d5cfe8']);
  });

  test('computed columns are marked with a note and a warning-only protection', () => {
    const sheet = wb.sheet('Clients');
    const grade = col(wb, 'Clients', 'Grade');
    expect(sheet.notes.get(grade)).toMatch(/Computed/);
    const protections = sheet.protections.filter((p) => p.description.includes('computed column'));
    expect(protections.map((p) => p.description.split(': ').pop()).sort()).toEqual(
      [
        'followUpState',
        'grade',
        'lastContact',
        'planSet',
        'poolRelease',
        'segment',
        'stageRecorded',
        'stageSet',
        'status',
        'stepRecorded',
      ].sort(),
    );
    expect(protections.every((p) => p.warningOnly)).toBe(true);
  });

  test('Settings lists every threshold with its default and a sentence, plus a legend of the colours', () => {
    const rows = wb.values('Settings');
    expect(rows[0].slice(0, 3)).toEqual(['Key', 'Value', 'Notes']);
    const byKey = new Map(rows.slice(1).map((r) => [r[0], r[1]]));
    expect(byKey.get('A window (days)')).toBe(30);
    expect(byKey.get('B window (days)')).toBe(90);
    expect(rows.slice(1).every((r) => String(r[2]).length > 10)).toBe(true);
    expect(rows.length - 1).toBe(SETTING_DEFS.length);
    expect(rows[0].length).toBe(3);
    expect(rows[1][4]).toMatch(/Highlighting/);
    expect(rows[2][4]).toMatch(/Overdue/);
  });

  test('every write it made held the document lock', () => {
    expect(wb.env.writes.length).toBeGreaterThan(20);
    expect(wb.env.writes.filter((w) => !w.lockHeld)).toEqual([]);
  });

  test('running it again changes nothing and says so', () => {
    const before = snapshot(wb.env);
    wb.menu('menuSetup');
    expect(snapshot(wb.env)).toBe(before);
    expect(wb.alerts().pop()).toMatch(/nothing changed/);
  });
});

describe('setup on a spreadsheet in Chinese (zh_CN locale)', () => {
  const wb = newWorkbook({ locale: 'zh_CN' });
  wb.menu('menuSetup');

  test('tabs and headers are in Simplified Chinese', () => {
    expect(wb.sheetNames()).toEqual(['客户', '跟进记录', '团队', '变更记录', '设置']);
    expect(wb.values('客户')[0]).toEqual((TABLES.clients as readonly ColumnDef[]).map((c) => t('zh-CN', c.label)));
  });

  test('dropdowns offer the Chinese labels', () => {
    const zh = t('zh-CN', (TABLES.contacts as readonly ColumnDef[]).find((c) => c.key === 'outcome')!.label);
    const outcome = wb.values('跟进记录')[0].indexOf(zh);
    expect(outcome).toBeGreaterThanOrEqual(0);
    const rule = validationAt(wb.sheet('跟进记录'), 2, outcome + 1);
    expect(rule?.criteria).toMatchObject({ values: expect.arrayContaining(['空号', '占线']) });
  });
});

describe('upgrading a spreadsheet set up by an older schema', () => {
  const wb = newWorkbook();
  // An older schema had no Follow-up state column: setup adds it at the end with the others.
  const older = CLIENT_HEADERS.filter((h) => h !== 'Follow-up state').slice(0, 20);
  const data = [older, ['C-1', 'Acme', 'Ann', 'Buyer', '013800138000', 'ann@acme.example'], ['C-2', '远大', '王总']];
  addSheet(wb, 'Clients', data);
  wb.menu('menuSetup');

  test('adds the missing columns at the end, in schema order', () => {
    expect(wb.values('Clients')[0]).toEqual([...older, ...CLIENT_HEADERS.filter((h) => !older.includes(h))]);
  });

  test('keeps every value where it was', () => {
    expect(wb.values('Clients').slice(1)).toEqual(data.slice(1));
  });

  test('reports the columns it added', () => {
    expect(wb.alerts().pop()).toMatch(/Clients: added the columns “Follow-up state”, “Expected date”/);
  });
});

describe('upgrading a sheet whose columns the user reordered and extended', () => {
  const wb = newWorkbook();
  const headers = ['Region', 'Name', 'ID', 'Phone', 'Owner', 'My notes', 'Stage'];
  const rows = [
    headers,
    ['North', 'Acme', 'C-1', '010-8888', 'Amy', 'call after CNY', 'A'],
    ['South', 'Beta', 'C-2', '', 'Bob', '', 'B1'],
  ];
  addSheet(wb, 'Clients', rows);
  wb.menu('menuSetup');

  test('never moves or renames the user’s columns and keeps their values', () => {
    const now = wb.values('Clients');
    expect(now[0].slice(0, headers.length)).toEqual(headers);
    expect(now.slice(1).map((r) => r.slice(0, headers.length))).toEqual(rows.slice(1));
  });

  test('says which columns it left as the user’s own', () => {
    expect(wb.alerts().pop()).toMatch(/kept your own columns “Region”, “My notes”/);
  });

  test('does not reformat the user’s existing columns', () => {
    expect(styleAt(wb.sheet('Clients'), 2, 4).numberFormat).toBeUndefined();
  });
});

describe('adopting a user’s own client list (客户跟踪表)', () => {
  const wb = newWorkbook({ locale: 'zh_CN' });
  const rows = [
    ['客户名称', '电话', '负责人', '备注2'],
    ['远大集团', '13800138000', '张伟', 'x'],
  ];
  addSheet(wb, '客户跟踪表', rows);
  wb.menu('menuSetup');

  test('the tab is used as the Clients tab under its own name, not duplicated', () => {
    expect(wb.sheetNames()).toContain('客户跟踪表');
    expect(wb.sheetNames()).not.toContain('客户');
  });

  test('recognised columns are mapped, the rest added at the end, the user’s column kept', () => {
    const header = wb.values('客户跟踪表')[0];
    expect(header.slice(0, 4)).toEqual(rows[0]);
    expect(header).toContain('编号');
    expect(header).not.toContain('电话号码');
    expect(wb.values('客户跟踪表')[1].slice(0, 4)).toEqual(rows[1]);
    const alert = wb.alerts().pop()!;
    expect(alert).toMatch(/客户跟踪表/);
    expect(alert).toMatch(/备注2/);
  });
});

describe('a user’s changed Settings value survives an upgrade', () => {
  const wb = newWorkbook();
  addSheet(wb, 'Settings', [
    ['Key', 'Value', 'Notes'],
    ['A window (days)', 21, 'we sell fast'],
  ]);
  wb.menu('menuSetup');

  test('their value stays and the missing keys are added with defaults', () => {
    const rows = wb.values('Settings');
    expect(rows[1]).toEqual(['A window (days)', 21, 'we sell fast']);
    expect(rows.find((r) => r[0] === 'B window (days)')?.[1]).toBe(90);
  });
});

describe('a tab with values but no header row', () => {
  const wb = newWorkbook();
  const sheet = addSheet(wb, 'Clients', []);
  sheet.values = [
    ['', ''],
    ['Acme', '010'],
  ];

  test('stops with one sentence naming the tab and writes nothing', () => {
    const before = snapshot(wb.env);
    expect(() => wb.menu('menuSetup')).toThrow(/The Clients tab has values but no header row/);
    expect(snapshot(wb.env)).toBe(before);
  });
});

describe('cost of setup', () => {
  function callsWith(rows: number): number {
    const wb = newWorkbook();
    wb.menu('menuSetup');
    const clients = wb.sheet('Clients');
    const width = clients.values[0].length;
    for (let r = 1; r <= rows; r++)
      clients.values[r] = Array.from({ length: width }, (_, c) => (c === 0 ? `C-${r}` : c === 1 ? `Client ${r}` : ''));
    // Same grid in both cases: only the number of filled rows differs.
    clients.maxRows = 10_001;
    return wb.menu('menuSetup').execution.counters.spreadsheetCalls();
  }

  test('the number of Spreadsheet calls is the same at 10 and 10,000 clients', () => {
    expect(callsWith(10_000)).toBe(callsWith(10));
  });
});
