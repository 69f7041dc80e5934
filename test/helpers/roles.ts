/**
 * What a director's "Confirm Team roles" leaves in document properties, written straight from the
 * Team tab as a test typed it (the confirmation itself is tested through the menu in test/gas/roles).
 */
import { propertiesState } from '../../src/local/emulator/services';
import type { TestWorkbook } from './workbook';

const ROLE: Record<string, string> = {
  salesperson: 'salesperson',
  manager: 'manager',
  director: 'director',
  业务员: 'salesperson',
  经理: 'manager',
  总监: 'director',
};

export function confirmTeamRoles(wb: TestWorkbook): void {
  const tab = wb.sheetNames().find((n) => n === 'Team' || n === '团队');
  if (!tab) throw new Error('no Team tab');
  const [head, ...rows] = wb.values(tab).map((r) => r.map((c) => String(c ?? '').trim()));
  const at = (en: string, zh: string): number => head.findIndex((h) => h === en || h === zh);
  const [name, email, role, manager] = [
    at('Name', '姓名'),
    at('Email', '邮箱'),
    at('Role', '岗位'),
    at('Manager', '上级'),
  ];
  const members = rows
    .filter((r) => (r[name] ?? '') !== '' && (r[email] ?? '') !== '')
    .map((r) => ({
      name: r[name],
      email: r[email].toLowerCase(),
      role: ROLE[(r[role] ?? '').toLowerCase()] ?? 'salesperson',
      manager: r[manager] ?? '',
    }));
  const doc = propertiesState(wb.env).document;
  doc.set('ct.roles.confirmed', '1');
  doc.set('ct.roles.confirmed.0', JSON.stringify({ members, by: 'test', at: '2026-01-01T00:00:00Z' }));
}
