/**
 * The import's batched writer and its undo in the add-on (docs/import.md), through the built bundle
 * as google.script.run calls them. Proofs by difference: a list imported in batches gives the register
 * that typing it in through Add client and Log contact gives, and an import stopped after its first
 * batch and continued gives what one run straight through gives; Undo import leaves Clients and
 * Contacts cell for cell as before. Who may import follows the roles (a salesperson into their own
 * name, a manager for their team).
 */
import type { TestWorkbook } from '../helpers/workbook';
import { confirmTeamRoles } from '../helpers/roles';
import { type Row, addRows, rowsOf, setSetting, trackerWorkbook } from './clients-fixture';
import { AMY, LINA, TEAM, WANG, ZHANG } from './schedule/fixture';

const EXISTING: Row[] = [
  { ID: 'KH-0001', Name: 'Acme', Owner: '张伟', Stage: 'A2 · First meeting', 'Next follow-up': '2026-02-20' },
];

function workbook(): TestWorkbook {
  const wb = trackerWorkbook({ now: '2026-03-02T01:00:00Z' });
  addRows(wb, 'Team', TEAM);
  addRows(wb, 'Clients', EXISTING);
  setSetting(wb, 'Client number prefix', 'KH-');
  wb.env.spreadsheet.editors.push(ZHANG, LINA, WANG, AMY);
  confirmTeamRoles(wb);
  wb.menu('menuRefresh', WANG);
  return wb;
}

interface Contact {
  line: number;
  date: string;
  channel: string;
  outcome: string;
  summary?: string;
  attitude?: string;
  by?: string;
  nextFollowUp?: string;
  nextTopic?: string;
}

interface Planned {
  line: number;
  fields: Record<string, string | number | boolean> | null;
  clientId?: string;
  contacts: Contact[];
}

/** What the planner hands the writer for a small list: four new clients and one in the register. */
const PLAN: Planned[] = [
  {
    line: 2,
    fields: {
      name: '星辰装饰',
      phone: '139 1111 2222',
      owner: '张伟',
      needConfirmed: true,
      expectedDate: '2026-03-20',
    },
    contacts: [
      { line: 2, date: '2026-02-10', channel: 'phone', outcome: 'reached', summary: '想要报价', attitude: 'positive' },
      { line: 3, date: '2026-02-24', channel: 'phone', outcome: 'busy', nextFollowUp: '2026-03-05', nextTopic: '报价' },
    ],
  },
  { line: 4, fields: { name: '远山物业', phone: '021-5555-0000', owner: 'Amy' }, contacts: [] },
  {
    line: 5,
    fields: null,
    clientId: 'KH-0001',
    contacts: [{ line: 5, date: '2026-02-27', channel: 'visit', outcome: 'reached', summary: 'Walked the site' }],
  },
  {
    line: 6,
    fields: { name: "'=quoted' Co", owner: 'Amy', stage: 'B1' },
    contacts: [{ line: 6, date: '2026-03-02', channel: 'wechat', outcome: 'reached', summary: '=SUM(1,2)' }],
  },
  {
    line: 7,
    fields: { name: '小米之家', owner: 'Li Na' },
    contacts: [{ line: 7, date: '2025-12-01', channel: 'phone', outcome: 'reached', summary: '去年聊过' }],
  },
];

type Result = { ok: true; value: { batch: string; added: number; logged: number } } | { ok: false; text: string };

function importIn(wb: TestWorkbook, batches: Planned[][], user = WANG): string {
  let batch = '';
  for (const clients of batches) {
    const r = wb.client('importBatch', [{ batch, clients }], user) as Result;
    if (!r.ok) throw new Error(r.text);
    batch = r.value.batch;
  }
  return batch;
}

/** The same list typed in by hand: Add client, then Log contact for each contact. */
function typeIn(wb: TestWorkbook, plan: Planned[], user = WANG): void {
  for (const c of plan) {
    let id = c.clientId ?? '';
    if (c.fields !== null) {
      const r = wb.client('addClient', [c.fields, { allowDuplicate: true }], user) as {
        ok: boolean;
        value: { fields: { id: string } };
      };
      expect(r.ok).toBe(true);
      id = r.value.fields.id;
    }
    for (const { line: _line, ...entry } of c.contacts) {
      const r = wb.client('logContact', [{ ...entry, clientId: id }], user) as { ok: boolean };
      expect(r).toMatchObject({ ok: true });
    }
  }
}

const register = (wb: TestWorkbook) => ({ clients: wb.values('Clients'), contacts: wb.values('Contacts') });

/** Changes apart from their own ID and the reason of an added client (imported vs added in the sidebar). */
const changes = (wb: TestWorkbook) =>
  rowsOf(wb, 'Changes').map((r) => ({ ...r, ID: '', Reason: r.What === 'Client added' ? '' : r.Reason }));

describe('import in the add-on', () => {
  test('a list imported in batches gives the register typing it in gives; stopped after batch 1 and continued equals straight through', () => {
    const typed = workbook();
    typeIn(typed, PLAN);
    const straight = workbook();
    importIn(straight, [PLAN]);
    const resumed = workbook();
    importIn(resumed, [PLAN.slice(0, 2), PLAN.slice(2, 3), PLAN.slice(3)]);

    expect(register(straight)).toEqual(register(typed));
    expect(register(resumed)).toEqual(register(straight));
    expect(changes(straight)).toEqual(changes(typed));
    // New clients numbered by Settings ▸ Client number prefix, after the register's own.
    expect(rowsOf(straight, 'Clients').map((r) => r.ID)).toEqual([
      'KH-0001',
      'KH-0002',
      'KH-0003',
      'KH-0004',
      'KH-0005',
    ]);
    // Hostile text arrives as typed.
    expect(rowsOf(straight, 'Clients').map((r) => r.Name)).toContain("'=quoted' Co");
    expect(rowsOf(straight, 'Contacts').map((r) => r.Summary)).toContain('=SUM(1,2)');
  });

  test('Undo import leaves Clients and Contacts cell for cell as before, refusing while a row it wrote was changed', () => {
    const wb = workbook();
    const before = register(wb);
    const changesBefore = rowsOf(wb, 'Changes').length;
    const batch = importIn(wb, [PLAN.slice(0, 3), PLAN.slice(3)]);
    expect(register(wb)).not.toEqual(before);
    const changesImported = rowsOf(wb, 'Changes').length;

    // Someone logs a contact on an imported client: the undo is refused, naming it, and nothing moves.
    const logged = wb.client(
      'logContact',
      [{ clientId: 'KH-0003', channel: 'phone', outcome: 'reached', summary: '又聊了' }],
      AMY,
    ) as { ok: boolean };
    expect(logged.ok).toBe(true);
    const during = register(wb);
    const refused = wb.client('undoImport', [batch], WANG) as { ok: boolean; text: string };
    expect(refused).toMatchObject({ ok: false });
    expect(refused.text).toContain('KH-0003');
    expect(register(wb)).toEqual(during);

    // The same import where nobody touched its rows since. Undoing removes rows across the register:
    // a salesperson or a manager may not undo the director's import; the director who ran it may.
    const fresh = workbook();
    const batch2 = importIn(fresh, [PLAN.slice(0, 3), PLAN.slice(3)]);
    const imported = register(fresh);
    for (const who of [ZHANG, LINA]) {
      const notTheirs = fresh.client('undoImport', [batch2], who) as { ok: boolean; text: string };
      expect(notTheirs).toMatchObject({ ok: false });
      expect(notTheirs.text).toMatch(
        /^Import I-\S+ was run by 王总: only they, their manager or a director can undo it\.$/,
      );
    }
    expect(register(fresh)).toEqual(imported);
    const undone = fresh.client('undoImport', [batch2], WANG) as { ok: boolean; text: string };
    expect(undone).toMatchObject({ ok: true });
    expect(undone.text).toContain('4 clients and 5 contacts removed');
    expect(register(fresh)).toEqual(before);
    // The import's Changes rows stay; the undo adds one per client it touched (4 added, Acme restored).
    expect(rowsOf(fresh, 'Changes').length).toBe(changesImported + 5);
    expect(changesImported).toBeGreaterThan(changesBefore);
    const again = fresh.client('undoImport', [batch2], WANG) as { ok: boolean; text: string };
    expect(again).toMatchObject({ ok: false });
    expect(again.text).toContain('already undone');
  });

  test('a near-limit text the import replaced is kept across journal rows and comes back whole', () => {
    const wb = workbook();
    const long = '长'.repeat(49_000);
    const sheet = wb.sheet('Clients');
    const topic = (sheet.values[0] as string[]).indexOf('Next topic');
    sheet.values[1][topic] = long;
    wb.menu('menuRefresh', WANG); // the typed plan is recorded
    wb.clock.set(Date.parse('2026-03-02T03:00:00Z'));
    const before = register(wb);
    const batch = importIn(wb, [
      [
        {
          line: 2,
          fields: null,
          clientId: 'KH-0001',
          contacts: [
            { line: 2, date: '2026-03-02', channel: 'phone', outcome: 'reached', summary: 'ok', nextTopic: 'short' },
          ],
        },
      ],
    ]);
    expect(rowsOf(wb, 'Clients')[0]['Next topic']).toBe('short');
    const journal = wb.values('Import journal');
    expect(journal.slice(1).every((row) => row.every((cell) => String(cell ?? '').length <= 50_000))).toBe(true);
    expect(journal.filter((row) => row[0] === batch).length).toBeGreaterThan(2);
    const undone = wb.client('undoImport', [batch], WANG) as { ok: boolean; text: string };
    expect(undone).toMatchObject({ ok: true });
    // Compared as a whole without printing 49,000 characters on failure.
    expect(JSON.stringify(register(wb)) === JSON.stringify(before)).toBe(true);
    expect(rowsOf(wb, 'Clients')[0]['Next topic'] === long).toBe(true);
  });

  test('an import with more journal rows than a new tab holds lands in one batch and undoes', () => {
    const wb = workbook();
    const before = register(wb);
    // 600 clients with a contact each: 1,200 journal rows, past the 1,000 rows of a new tab.
    const many: Planned[] = Array.from({ length: 600 }, (_, i) => ({
      line: i + 2,
      fields: { name: `批量客户${i}号-${[...String(i)].reverse().join('')}`, owner: 'Amy' },
      contacts: [{ line: i + 2, date: '2026-02-20', channel: 'phone', outcome: 'noAnswer' }],
    }));
    const batch = importIn(wb, [many]);
    expect(rowsOf(wb, 'Clients')).toHaveLength(601);
    expect(wb.values('Import journal').length).toBe(1 + 1_200);
    expect(wb.client('undoImport', [batch], WANG)).toMatchObject({ ok: true });
    expect(register(wb)).toEqual(before);
  });

  test('a salesperson imports into their own name only; a manager for their team; nothing of a refused batch is written', () => {
    const wb = workbook();
    const before = register(wb);
    const others = [{ line: 9, fields: { name: 'Someone Else Co', owner: 'Amy' }, contacts: [] }];
    const own = [{ line: 2, fields: { name: 'Mine Co' }, contacts: [] }, ...others];
    const refused = wb.client('importBatch', [{ batch: '', clients: own }], ZHANG) as Result;
    expect(refused).toMatchObject({ ok: false });
    expect(!refused.ok && refused.text).toBe(
      'Row 9 gives Amy as the owner; a salesperson imports only into their own name. Make the owner you, or ask your manager to import it.',
    );
    expect(register(wb)).toEqual(before);

    // Into their own name: a row without an owner is theirs.
    importIn(wb, [own.slice(0, 1)], ZHANG);
    expect(rowsOf(wb, 'Clients').find((r) => r.Name === 'Mine Co')?.Owner).toBe('张伟');
    // Li Na manages Amy: allowed; 王总 is not on her team.
    importIn(wb, [others], LINA);
    expect(rowsOf(wb, 'Clients').find((r) => r.Name === 'Someone Else Co')?.Owner).toBe('Amy');
    const notHers = wb.client(
      'importBatch',
      [{ batch: '', clients: [{ line: 3, fields: { name: 'Boss Co', owner: '王总' }, contacts: [] }] }],
      LINA,
    ) as Result;
    expect(!notHers.ok && notHers.text).toContain('not on your team');
    expect(rowsOf(wb, 'Clients').some((r) => r.Name === 'Boss Co')).toBe(false);
  });
});
