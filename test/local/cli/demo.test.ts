/**
 * `client-tracker demo`: a realistic workbook made by the add-on's own setup and refresh, read back
 * with exceljs as a user opening it in Excel would see it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { cli, day, ensureBuilt, openXlsx, records, tempDir, type Plain } from './run-cli';

const NOW = '2026-03-02T09:00';
const TODAY = '2026-03-02';

let dir: string;
let file: string;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir();
  file = path.join(dir, 'demo.xlsx');
  const run = cli(dir, ['demo', '--workbook', 'demo.xlsx', '--now', NOW]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  wb = await openXlsx(file);
});

const values = (rows: Record<string, Plain>[], column: string): Set<Plain> => new Set(rows.map((r) => r[column]));
const hasChinese = (text: Plain): boolean => /\p{Script=Han}/u.test(String(text));
const hasLatin = (text: Plain): boolean => /^[A-Za-z][A-Za-z .()'-]+$/.test(String(text));

describe('the demo workbook', () => {
  test('has the five tabs setup creates, in order', () => {
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      'Clients',
      'Contacts',
      'Team',
      'Changes',
      'Settings',
    ]);
  });

  test('a team of six: a director, two managers reporting to the director, three salespeople with managers', () => {
    const team = records(wb, 'Team');
    expect(team).toHaveLength(6);
    const byRole = (role: string) => team.filter((p) => p.Role === role);
    expect(byRole('Director')).toHaveLength(1);
    expect(byRole('Manager').map((p) => p.Manager)).toEqual(['王建国', '王建国']);
    expect(byRole('Salesperson').every((p) => byRole('Manager').some((m) => m.Name === p.Manager))).toBe(true);
    expect(team.some((p) => hasChinese(p.Name))).toBe(true);
    expect(team.some((p) => hasLatin(p.Name))).toBe(true);
  });

  test('a few hundred clients in every stage, grade and status, with Chinese and English names', () => {
    const clients = records(wb, 'Clients');
    expect(clients.length).toBeGreaterThanOrEqual(250);
    expect(clients.length).toBeLessThan(1000);
    expect(values(clients, 'Stage')).toEqual(
      new Set([
        'A · Contacted not met',
        'A2 · First meeting',
        'B1 · Needs analysed',
        'B2 · Proposal & site visit',
        'B3 · Negotiation',
        'Won',
        'Lost',
      ]),
    );
    expect(values(clients, 'Grade')).toEqual(new Set(['A', 'B', 'C', 'D']));
    expect(values(clients, 'Status')).toEqual(new Set(['Active', 'Dormant', 'In pool', 'Won', 'Lost']));
    expect(clients.filter((c) => hasChinese(c.Name)).length).toBeGreaterThan(50);
    expect(clients.filter((c) => hasLatin(c.Name)).length).toBeGreaterThan(50);
    expect(new Set(clients.map((c) => c.ID)).size).toBe(clients.length);
  });

  test('next follow-ups that are overdue, due today, upcoming and missing on active clients', () => {
    const active = records(wb, 'Clients').filter((c) => c.Status === 'Active');
    const next = active.map((c) => (c['Next follow-up'] ? day(c['Next follow-up']) : null));
    expect(next.filter((d) => d !== null && d < TODAY).length).toBeGreaterThan(10);
    expect(next.filter((d) => d === TODAY).length).toBeGreaterThan(5);
    expect(next.filter((d) => d !== null && d > TODAY).length).toBeGreaterThan(50);
    expect(next.filter((d) => d === null).length).toBeGreaterThan(5);
  });

  test('a few thousand contacts over the six months up to today, each for a client of the register', () => {
    const contacts = records(wb, 'Contacts');
    expect(contacts.length).toBeGreaterThanOrEqual(2000);
    const days = contacts.map((c) => day(c.Date)).sort();
    expect(days[0] >= '2025-08-30').toBe(true);
    expect(days[0] < '2025-09-30').toBe(true);
    expect(days[days.length - 1] <= TODAY).toBe(true);
    const ids = values(records(wb, 'Clients'), 'ID');
    expect(contacts.every((c) => ids.has(c['Client ID']))).toBe(true);
    expect(values(contacts, 'Outcome')).toEqual(
      new Set(['Reached', 'No answer', 'Busy', 'Wrong number', 'Unreachable', 'Fax', 'Suspended', 'No such number']),
    );
  });

  test("each client's Last contact is the day of its latest reached contact (the add-on's refresh ran)", () => {
    const latest = new Map<Plain, string>();
    for (const c of records(wb, 'Contacts')) {
      if (c.Outcome !== 'Reached') continue;
      const d = day(c.Date);
      if ((latest.get(c['Client ID']) ?? '') < d) latest.set(c['Client ID'], d);
    }
    for (const client of records(wb, 'Clients')) {
      expect([client.ID, client['Last contact'] ? day(client['Last contact']) : null]).toEqual([
        client.ID,
        latest.get(client.ID) ?? null,
      ]);
    }
  });

  test('the shared pool is on in Settings, so clients without an owner are In pool', () => {
    const settings = records(wb, 'Settings');
    expect(settings.find((s) => s.Key === 'Shared pool enabled')?.Value).toBe('Yes');
    const pooled = records(wb, 'Clients').filter((c) => c.Status === 'In pool');
    expect(pooled.length).toBeGreaterThan(3);
    expect(pooled.every((c) => c.Owner === null)).toBe(true);
  });
});

describe('demo and an existing file', () => {
  test('refuses to overwrite a workbook without --force, and leaves it as it was', () => {
    const before = fs.readFileSync(file);
    const run = cli(dir, ['demo', '--workbook', 'demo.xlsx', '--now', NOW]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('demo.xlsx already exists; add --force to replace it with the demo.');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  test('with --force it writes the demo again, the same cells for the same --now', async () => {
    const other = tempDir();
    fs.copyFileSync(file, path.join(other, 'demo.xlsx'));
    const run = cli(other, ['demo', '--workbook', 'demo.xlsx', '--now', NOW, '--force']);
    expect(run.code).toBe(0);
    const again = await openXlsx(path.join(other, 'demo.xlsx'));
    for (const tab of ['Clients', 'Contacts', 'Team', 'Changes', 'Settings']) {
      expect(records(again, tab)).toEqual(records(wb, tab));
    }
  });
});

test('--locale zh-CN makes a Chinese demo: Chinese tabs, headers and labels', async () => {
  const zhDir = tempDir();
  const run = cli(zhDir, ['demo', '--workbook', '演示.xlsx', '--now', NOW, '--locale', 'zh_CN']);
  expect(run.code).toBe(0);
  const zh = await openXlsx(path.join(zhDir, '演示.xlsx'));
  expect(zh.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
    '客户',
    '跟进记录',
    '团队',
    '变更记录',
    '设置',
  ]);
  const clients = records(zh, '客户');
  expect(values(clients, '阶段').has('B2 · 方案与考察')).toBe(true);
  expect(values(clients, '状态')).toEqual(new Set(['跟进中', '休眠', '公海', '成交', '流失']));
});
