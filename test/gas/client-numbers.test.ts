/**
 * Client numbers teams recognise (Settings ▸ Client number prefix): new clients are numbered in
 * order by every door that gives an ID — Add client in the sidebar, a row typed into Clients (onEdit),
 * Refresh for a row onEdit never saw — a number is never used twice, even after its row is deleted,
 * and with "restart each year" the year follows the prefix.
 */
import { type Row, addRows, editCells, nextRow, setSetting, trackerWorkbook } from './clients-fixture';
import { TEAM, WANG, ZHANG, LINA, AMY } from './schedule/fixture';
import { confirmTeamRoles } from '../helpers/roles';
import type { Assumptions } from '../../src/local/emulator';

function workbook(prefix: string, yearly: 'Yes' | 'No', readings?: Assumptions) {
  const wb = trackerWorkbook({ now: '2026-12-30T02:00:00Z', readings });
  addRows(wb, 'Team', TEAM);
  wb.env.spreadsheet.editors.push(ZHANG, LINA, WANG, AMY);
  confirmTeamRoles(wb);
  setSetting(wb, 'Client number prefix', prefix);
  setSetting(wb, 'Client numbers restart each year', yearly);
  return wb;
}

const ids = (wb: ReturnType<typeof workbook>): string[] => {
  const [head, ...rows] = wb.values('Clients');
  return rows.map((r) => String(r[head.indexOf('ID')]));
};

function add(wb: ReturnType<typeof workbook>, name: string): string {
  const done = wb.client('addClient', [{ name, owner: '张伟' }], ZHANG) as {
    ok: boolean;
    value?: { fields: { id: string } };
  };
  if (!done.ok || !done.value) throw new Error(`addClient refused: ${JSON.stringify(done)}`);
  return done.value.fields.id;
}

describe('client numbers in order', () => {
  test('every door numbers on from the last, with the year after the prefix', () => {
    const wb = workbook('KH', 'Yes');
    expect(add(wb, 'Acme')).toBe('KH2026-0001');
    expect(add(wb, 'Beta')).toBe('KH2026-0002');
    // A row typed into Clients gets the next number as the name is typed (onEdit)…
    editCells(wb, 'Clients', nextRow(wb, 'Clients'), 'Name', [['Gamma']]);
    // …and one onEdit never saw gets it from Refresh.
    editCells(wb, 'Clients', nextRow(wb, 'Clients'), 'Name', [['Delta']], { fire: false });
    wb.menu('menuRefresh', ZHANG);
    expect(ids(wb)).toEqual(['KH2026-0001', 'KH2026-0002', 'KH2026-0003', 'KH2026-0004']);
  });

  test('a number typed by the team counts; a deleted row’s number is not used again', () => {
    const wb = workbook('KH-', 'No');
    addRows(wb, 'Clients', [{ ID: 'KH-0017', Name: 'Typed by hand' } as Row]);
    expect(add(wb, 'Acme')).toBe('KH-0018');
    wb.sheet('Clients').values.pop(); // someone deletes the row of KH-0018
    expect(add(wb, 'Beta')).toBe('KH-0019');
  });

  test('numbering starts again in January when it restarts each year', () => {
    const wb = workbook('KH', 'Yes');
    expect(add(wb, 'Acme')).toBe('KH2026-0001');
    wb.clock.set(Date.parse('2027-01-04T02:00:00Z'));
    expect(add(wb, 'Beta')).toBe('KH2027-0001');
  });

  test('a prefix that is not one plain word is refused with one sentence, and Client Tracker’s own IDs are used', () => {
    const wb = workbook('=HYPERLINK("x")', 'No');
    expect(add(wb, 'Acme')).toMatch(/^C-/);
    wb.menu('menuRefresh', ZHANG);
    expect(wb.alerts().at(-1)).toContain('“Client number prefix”');
  });

  test('blank prefix: Client Tracker’s own IDs, as before', () => {
    const wb = workbook('', 'No');
    expect(add(wb, 'Acme')).toMatch(/^C-[0-9A-Z]+$/);
  });
});
