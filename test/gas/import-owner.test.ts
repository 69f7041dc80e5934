/**
 * Create-and-update hands a client over when the list names another owner (docs/import.md "Updating
 * clients already in the register"), as the sidebar's Reassign does (docs/roles.md). Proofs by
 * comparing two paths: a client handed over by Reassign and the same client handed over by an update
 * import end with the same Clients row and the same kind of Changes row (only the Reason differs);
 * the reclaim wait refuses both with the same sentence; a salesperson moving a colleague's client is
 * refused; Undo import restores the row; a batch stopped after any of its writes and continued hands
 * over once; the Changes log is read once for the batch, however many clients it hands over.
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
  runListTab,
  threeTabs,
} from './import-fixture';
import type { TestWorkbook } from '../helpers/workbook';
import { type Row, addRows, day, rowsOf } from './clients-fixture';
import { AMY, LINA, WANG, ZHANG } from './schedule/fixture';

const EXISTING: Row[] = [
  {
    ID: 'KH-0001',
    Name: 'Acme',
    Owner: '张伟',
    Phone: '138 0000 1111',
    'Next follow-up': '2026-03-05',
    'Next owner': '张伟',
    'Next topic': 'send the quote',
  },
  { ID: 'KH-0002', Name: 'Beta Co', Owner: 'Amy', Phone: '139 0000 2222' },
  { ID: 'KH-0003', Name: 'Pooled Ltd', Owner: '', Status: 'In pool', Phone: '137 0000 3333' },
];

const workbook = (clients: Row[] = EXISTING): TestWorkbook => registerWorkbook(clients);

type Reassigned = { ok: boolean; problems?: { text: string }[] };

const moveTo = (clientId: string, owner: string, line = 2) => ({
  line,
  fields: null,
  clientId,
  owner,
  contacts: [],
});
const importBatch = (wb: TestWorkbook, clients: unknown[], user = WANG) =>
  wb.client('importBatch', [{ batch: '', clients }], user) as BatchResult;
const changesSince = (wb: TestWorkbook, from: number) =>
  rowsOf(wb, 'Changes')
    .slice(from)
    .map((c) => [c['Client ID'], c.What, c.Old, c.New, c.By, c.Reason]);

describe('an update import naming another owner hands the client over, as Reassign does', () => {
  test('Reassign and the import end with the same Clients row and the same kind of Changes row', () => {
    // Acme: Owner, Status, and the next step its old owner held; the pool client: its status from In pool.
    const sidebar = workbook();
    const imported = workbook();
    const before = rowsOf(sidebar, 'Clients');
    const fromS = rowsOf(sidebar, 'Changes').length;
    const fromI = rowsOf(imported, 'Changes').length;
    for (const id of ['KH-0001', 'KH-0003']) {
      expect(sidebar.client('reassignClient', [id, 'Amy', 'Amy takes the north'], WANG)).toMatchObject({ ok: true });
    }
    const r = importBatch(imported, [moveTo('KH-0001', 'amy', 2), moveTo('KH-0003', 'Amy', 4)]);
    expect(r).toMatchObject({ ok: true });

    expect(rowsOf(imported, 'Clients')).toEqual(rowsOf(sidebar, 'Clients'));
    expect(rowsOf(imported, 'Clients')[0]).toMatchObject({ Owner: 'Amy', 'Next owner': 'Amy' });
    expect(rowsOf(imported, 'Clients')[2].Status).not.toBe(before[2].Status);
    // The same rows but for the Reason: the sidebar's is typed, the import's names its batch.
    const reason = `Handed over by import (batch ${batchOf(r)}).`;
    expect(changesSince(imported, fromI)).toEqual(changesSince(sidebar, fromS).map((c) => [...c.slice(0, 5), reason]));
    expect(changesSince(imported, fromI)).toEqual([
      ['KH-0001', 'Reassigned', '张伟', 'Amy', '王总', reason],
      ['KH-0003', 'Reassigned', '', 'Amy', '王总', reason],
    ]);
    // The search index learns it: Amy finds Acme among her own clients at once.
    const found = imported.client('searchClients', ['Acme'], AMY) as { owner?: string }[] | { items?: unknown[] };
    expect(JSON.stringify(found)).toContain('Amy');
  });

  test('the same owner (by the one rule) or an empty cell is no hand-over', () => {
    const wb = workbook();
    const before = rowsOf(wb, 'Clients');
    const changes = rowsOf(wb, 'Changes').length;
    expect(importBatch(wb, [moveTo('KH-0001', ' 张伟 '), { ...moveTo('KH-0002', ''), line: 3 }])).toMatchObject({
      ok: true,
    });
    expect(rowsOf(wb, 'Clients')).toEqual(before);
    expect(rowsOf(wb, 'Changes')).toHaveLength(changes);
  });

  test('a salesperson cannot move a colleague’s client, nor hand their own to a colleague; nothing is written', () => {
    const wb = workbook();
    const before = rowsOf(wb, 'Clients');
    const colleagues = importBatch(wb, [moveTo('KH-0002', '张伟', 7)], ZHANG);
    expect(!colleagues.ok && colleagues.text).toBe(
      'Row 7 would change Beta Co (KH-0002) (owner: Amy): you may update only your own clients (a manager: their team’s; a pool client: a director). Take the row out, or ask your manager.',
    );
    const own = importBatch(wb, [moveTo('KH-0001', 'Amy', 5)], ZHANG);
    expect(!own.ok && own.text).toBe(
      'Row 5 gives Amy as the owner; a salesperson imports only into their own name. Make the owner you, or ask your manager to import it.',
    );
    const stranger = importBatch(wb, [moveTo('KH-0001', 'Nobody Here', 6)], WANG);
    expect(stranger.ok).toBe(false);
    expect(!stranger.ok && stranger.text).toMatch(
      /^Row 6 was refused, so nothing of this batch was written: .*Nobody Here/,
    );
    expect(rowsOf(wb, 'Clients')).toEqual(before);
    // Li Na manages both 张伟 and Amy.
    expect(importBatch(wb, [moveTo('KH-0001', 'Amy')], LINA)).toMatchObject({ ok: true });
  });

  test('the reclaim wait refuses the import with Reassign’s sentence, naming the row', () => {
    const wb = workbook();
    addRows(wb, 'Changes', [
      {
        ID: 'X-1',
        Date: day(wb, '2026-03-01'),
        'Client ID': 'KH-0003',
        What: 'Released to pool',
        Old: '张伟',
        New: '',
      },
    ]);
    const before = rowsOf(wb, 'Clients');
    const changes = rowsOf(wb, 'Changes').length;
    const sidebar = wb.client('reassignClient', ['KH-0003', '张伟', 'back to him'], WANG) as Reassigned;
    const sentence = 'lost this client to the pool on 2026-03-01; it can go back to them from 2026-03-08.';
    expect(sidebar.problems?.map((p) => p.text)).toEqual([`张伟 ${sentence}`]);
    const r = importBatch(wb, [moveTo('KH-0001', 'Amy', 2), moveTo('KH-0003', '张伟', 9)]);
    expect(!r.ok && r.text).toBe(`Row 9 was refused, so nothing of this batch was written: 张伟 ${sentence}`);
    expect(rowsOf(wb, 'Clients')).toEqual(before);
    expect(rowsOf(wb, 'Changes')).toHaveLength(changes);
    // Someone else may have it.
    expect(importBatch(wb, [moveTo('KH-0003', 'Amy', 9)])).toMatchObject({ ok: true });
  });

  test('undo restores owner, status and next owner, and logs its own Changes row', () => {
    const wb = workbook();
    const before = JSON.stringify(wb.values('Clients'));
    const changes = rowsOf(wb, 'Changes').length;
    const r = importBatch(wb, [moveTo('KH-0001', 'Amy'), moveTo('KH-0003', 'Li Na', 3)]);
    expect(JSON.stringify(wb.values('Clients'))).not.toBe(before);
    expect(wb.client('undoImport', [batchOf(r)], WANG)).toMatchObject({ ok: true });
    expect(JSON.stringify(wb.values('Clients'))).toBe(before);
    expect(changesSince(wb, changes).map((c) => c[1])).toEqual([
      'Reassigned',
      'Reassigned',
      'Import undone',
      'Import undone',
    ]);
  });

  test('the reads do not grow with the clients a batch hands over: the Changes log is read once for all', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ID: `P-${i}`,
        Name: `Pool ${i}`,
        Owner: '',
        Phone: `136 0000 ${1000 + i}`,
      }));
    const cost = (n: number) => {
      const wb = workbook(many(40));
      addRows(
        wb,
        'Changes',
        Array.from({ length: 200 }, (_, i) => ({
          ID: `X-${i}`,
          Date: day(wb, '2026-02-01'),
          'Client ID': `P-${i % 40}`,
          What: 'Released to pool',
          Old: 'Amy',
          New: '',
        })),
      );
      const calls = wb.env.counters.spreadsheetCalls();
      const reads = wb.env.counters.total('Range.getValues');
      const r = importBatch(
        wb,
        Array.from({ length: n }, (_, i) => moveTo(`P-${i}`, 'Li Na', i + 2)),
      );
      expect(r).toMatchObject({ ok: true });
      return {
        calls: wb.env.counters.spreadsheetCalls() - calls,
        reads: wb.env.counters.total('Range.getValues') - reads,
      };
    };
    const one = cost(1);
    const forty = cost(40);
    console.log(`importBatch, 1 hand-over: ${JSON.stringify(one)}; 40 hand-overs: ${JSON.stringify(forty)}`);
    expect(forty.reads).toBe(one.reads);
    // What grows is the write of each client's changed cells (one getRange and setValues a row), as for field updates.
    expect(forty.calls - one.calls).toBeLessThanOrEqual(2 * 39);
  });
});

describe('Import from a tab…, a list whose 负责人 moves clients', () => {
  const rows: Cell[][] = [
    ['客户名称', '联系电话', '负责人'],
    ['远山物业', '021-5555-0000', 'Amy'],
    ['Acme', '138 0000 1111', 'Amy'],
  ];
  function tabWorkbook(): TestWorkbook {
    const wb = workbook();
    putListTab(wb, rows, 'all');
    return wb;
  }
  const go = (wb: TestWorkbook, batch: string) => runListTab(wb, batch, 1);
  const everything = threeTabs;

  test('the preview lists each hand-over; a batch stopped after any of its writes, then continued, hands over once', () => {
    const straight = tabWorkbook();
    const shown = straight.client('importPreview', [{ tab: '名单', update: true }], WANG) as { lines: string[] };
    expect(shown.lines).toContain('Clients handed over to the owner the list names: 1.');
    expect(shown.lines).toContain('  Row 3: Acme (KH-0001), owner: 张伟 → Amy');
    const createOnly = straight.client('importPreview', [{ tab: '名单' }], WANG) as { lines: string[] };
    expect(createOnly.lines.join('\n')).not.toContain('handed over');

    const first = go(straight, '');
    const batch0 = first.ok ? first.batch : '';
    const { value: rest, writes } = countWrites(straight, () => go(straight, batch0));
    expect(rest).toMatchObject({ ok: true, done: 2, total: 2 });
    const handed = (wb: TestWorkbook) => rowsOf(wb, 'Changes').filter((c) => c.What === 'Reassigned');
    expect(handed(straight)).toHaveLength(1);
    expect(rowsOf(straight, 'Clients')[0]).toMatchObject({ Owner: 'Amy', 'Next owner': 'Amy' });

    for (let k = 1; k <= writes; k++) {
      const wb = tabWorkbook();
      const step = go(wb, '');
      const batch = step.ok ? step.batch : '';
      // The k-th write goes through; the clock then passes the 6-minute limit and the next call throws.
      const stopped = stopAfterWrite(wb, k, () => go(wb, batch));
      continueUntilDone(() => go(wb, batch), 2);
      expect({ k, stopped, handed: handed(wb).length, ...everything(wb) }).toEqual({
        k,
        stopped,
        handed: 1,
        ...everything(straight),
      });
    }
  });
});
