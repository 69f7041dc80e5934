/**
 * A set-up workbook for the sidebar: a Team (the signed-in user is Zhang Wei), some named clients
 * the tests talk about, and any number of filler clients, written straight into the emulator's model.
 */
import type { CellValue } from '../../../src/local/emulator/model';
import { cacheState } from '../../../src/local/emulator/services';
import { confirmTeamRoles } from '../../helpers/roles';
import { OWNER, newWorkbook, type TestWorkbook } from '../../helpers/workbook';

export const ZHANG = 'Zhang Wei';
export const LI = 'Li Na';
export const AMY = 'Amy';
export const LI_EMAIL = 'li.na@example.com';

export const ACME = 'C-ACME';
export const HUAWEI = 'C-HW';

type Row = Record<string, CellValue>;

/** Data rows by header name, written under the existing header row (row 1). */
export function putRows(wb: TestWorkbook, tab: string, rows: Row[], startRow = 2): void {
  const sheet = wb.sheet(tab);
  const headers = sheet.values[0].map(String);
  const width = headers.length;
  for (const [i, row] of rows.entries()) {
    const cells: CellValue[] = new Array(width).fill('');
    for (const [key, value] of Object.entries(row)) {
      const col = headers.indexOf(key);
      if (col < 0) throw new Error(`${tab} has no column ${key}`);
      cells[col] = value;
    }
    sheet.values[startRow - 1 + i] = cells;
  }
  sheet.maxRows = Math.max(sheet.maxRows, sheet.values.length + 10);
}

export function col(wb: TestWorkbook, tab: string, header: string): number {
  const index = wb.sheet(tab).values[0].indexOf(header);
  if (index < 0) throw new Error(`${tab} has no ${header}`);
  return index;
}

/** The data rows of a tab as records by header (trailing blank rows dropped). */
export function rowsOf(wb: TestWorkbook, tab: string): Row[] {
  const [head, ...rows] = wb.values(tab);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [String(h), r[i] ?? ''])));
}

export function clientRow(wb: TestWorkbook, id: string): Row {
  const found = rowsOf(wb, 'Clients').find((r) => r.ID === id);
  if (!found) throw new Error(`no client ${id}`);
  return found;
}

export const NAMED_CLIENTS: Row[] = [
  {
    ID: ACME,
    Name: 'Acme Trading Co., Ltd.',
    Contact: 'Mr Wang',
    Phone: '138 0013 8000',
    Email: 'buyer@acme.example',
    Owner: ZHANG,
    Stage: 'A2 · First meeting',
    'Need confirmed': 'Yes',
    'Budget confirmed': 'No',
    'Decision maker': 'Yes',
    'Expected date': new Date('2026-04-15T00:00:00+08:00'),
    Grade: 'B',
    Status: 'Active',
    Created: new Date('2026-01-05T00:00:00+08:00'),
  },
  {
    ID: HUAWEI,
    Name: '华为技术（深圳）有限公司',
    Contact: '李经理',
    Phone: '+86 755-2878-0808',
    Email: 'li@hw.example',
    Owner: AMY,
    Grade: 'D',
    Status: 'Active',
    Created: new Date('2026-02-01T00:00:00+08:00'),
  },
];

/** Filler clients: 'Client 00001' … owned in turn by Amy and Li Na, phones 139…. */
export function fillerClients(count: number): Row[] {
  const rows: Row[] = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(5, '0');
    rows.push({
      ID: `C-F${n}`,
      Name: `Client ${n}`,
      Contact: `Contact ${n}`,
      Phone: `139${String(i).padStart(8, '0')}`,
      Email: `c${n}@filler.example`,
      Owner: i % 2 === 0 ? AMY : LI,
      Grade: 'D',
      Status: 'Active',
      Created: new Date('2026-01-01T00:00:00+08:00'),
    });
  }
  return rows;
}

export function sidebarWorkbook(opts: { filler?: number; now?: string; locale?: string } = {}): TestWorkbook {
  const wb = newWorkbook({ now: opts.now ?? '2026-03-02T01:00:00Z', locale: opts.locale });
  wb.menu('menuSetup');
  const zh = wb.sheetNames().includes('团队');
  putRows(
    wb,
    zh ? '团队' : 'Team',
    zh
      ? [
          { 姓名: '张伟', 邮箱: OWNER, 岗位: '业务员', 上级: '李娜' },
          { 姓名: '李娜', 邮箱: LI_EMAIL, 岗位: '经理' },
        ]
      : [
          { Name: ZHANG, Email: OWNER, Role: 'Salesperson', Manager: LI, Active: 'Yes' },
          { Name: LI, Email: LI_EMAIL, Role: 'Manager', Active: 'Yes' },
          { Name: AMY, Email: 'amy@example.com', Role: 'Salesperson', Manager: LI, Active: 'Yes' },
        ],
  );
  if (!zh) putRows(wb, 'Clients', [...NAMED_CLIENTS, ...fillerClients(opts.filler ?? 0)]);
  confirmTeamRoles(wb);
  wb.env.spreadsheet.editors.push(LI_EMAIL);
  return wb;
}

/** The cache key of the shard of a log's row index that holds the client; null when none does. */
export function shardHolding(wb: TestWorkbook, prefix: 'ct.rows.' | 'ct.changeRows.', id: string): string | null {
  for (const scope of cacheState(wb.env).values())
    for (const [key, entry] of scope)
      if (
        key.startsWith(prefix) &&
        !key.endsWith('.meta') &&
        entry.value.split('\n').some((line) => line.startsWith(`${id}\t`))
      )
        return key;
  return null;
}
