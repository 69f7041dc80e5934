/**
 * Claiming from the shared pool and handing clients over (issue 6): both written to Changes, never
 * silent; the former owner waits out the reclaim days.
 */
import type { ClientCard, ReassignSummary, WriteResult } from '../../../src/contract/types';
import { asEditor, editCells, headerIndex } from '../clients-fixture';
import { cacheState } from '../../../src/local/emulator/services';
import type { TestWorkbook } from '../../helpers/workbook';
import { ACME, AMY, LI, LI_EMAIL, ZHANG, clientRow, putRows, rowsOf, shardHolding, sidebarWorkbook } from './fixture';

describe('claiming a client from the shared pool', () => {
  test('a client with no owner is claimed by the signed-in user, with a Changes row', () => {
    const wb = sidebarWorkbook();
    putRows(
      wb,
      'Clients',
      [{ ID: 'C-POOL', Name: 'Pooled Ltd', Status: 'In pool', Created: new Date('2026-01-01T00:00:00+08:00') }],
      4,
    );
    const result = wb.client('claimClient', ['C-POOL']) as WriteResult<ClientCard>;
    expect(result.ok).toBe(true);
    expect(clientRow(wb, 'C-POOL')).toMatchObject({ Owner: ZHANG, Status: 'Active' });
    expect(rowsOf(wb, 'Changes').map((c) => [c['Client ID'], c.What, c.Old, c.New, c.By])).toEqual([
      ['C-POOL', 'Claimed from pool', '', ZHANG, ZHANG],
    ]);
  });

  test('the reclaim wait is found among thousands of other clients’ changes, reading one column of the log, not all of it', () => {
    const claimWith = (others: number) => {
      const wb = sidebarWorkbook();
      putRows(wb, 'Clients', [{ ID: 'C-POOL', Name: 'Pooled Ltd', Status: 'In pool' }], 4);
      const other = (i: number) => ({
        ID: `X-${i}`,
        Date: new Date('2026-01-10T10:00:00+08:00'),
        'Client ID': `C-${i}`,
        What: 'Released to pool',
        Old: AMY,
        New: '',
      });
      const half = Array.from({ length: others / 2 }, (_, i) => other(i));
      const release = { ...other(-1), 'Client ID': 'C-POOL', Old: ZHANG, Date: new Date('2026-02-27T10:00:00+08:00') };
      putRows(wb, 'Changes', [...half, release, ...half.map((_, i) => other(others + i))]);
      const read = wb.env.counters.cellsRead;
      const result = wb.client('claimClient', ['C-POOL']) as WriteResult<ClientCard>;
      return { result, cells: wb.env.counters.cellsRead - read };
    };
    const small = claimWith(200);
    const large = claimWith(4_000);
    for (const { result } of [small, large]) {
      expect(!result.ok && result.problems.map((p) => p.text)).toEqual([
        'You released this client on 2026-02-27; you can claim it back from 2026-03-06.',
      ]);
    }
    // 3,800 more rows of Changes cost about one cell each (its Client ID), not a whole row each.
    expect(large.cells - small.cells).toBeLessThan(3_800 * 1.5);
  });

  test('the former owner cannot claim it back before the reclaim wait (7 days) is over', () => {
    const wb = sidebarWorkbook();
    putRows(wb, 'Clients', [{ ID: 'C-POOL', Name: 'Pooled Ltd', Status: 'In pool' }], 4);
    putRows(wb, 'Changes', [
      {
        ID: 'X-1',
        Date: new Date('2026-02-27T10:00:00+08:00'),
        'Client ID': 'C-POOL',
        What: 'Released to pool',
        Old: ZHANG,
        New: '',
      },
    ]);
    const result = wb.client('claimClient', ['C-POOL']) as WriteResult<ClientCard>;
    expect(!result.ok && result.problems.map((p) => p.text)).toEqual([
      'You released this client on 2026-02-27; you can claim it back from 2026-03-06.',
    ]);
    expect(clientRow(wb, 'C-POOL').Owner).toBe('');
    expect(rowsOf(wb, 'Changes')).toHaveLength(1);
  });

  test('a client someone owns is not in the pool', () => {
    const wb = sidebarWorkbook();
    const result = wb.client('claimClient', [ACME]) as WriteResult<ClientCard>;
    expect(!result.ok && result.problems.map((p) => p.text)).toEqual([
      `This client is not in the shared pool: ${ZHANG} owns it.`,
    ]);
  });
});

describe('handing one client over', () => {
  test('the owner changes, the next step moves with it, and Changes says who, why and from whom', () => {
    const wb = sidebarWorkbook();
    wb.client('logContact', [
      { clientId: ACME, channel: 'Phone', outcome: 'Reached', summary: 'ok', nextFollowUp: '2026-03-05' },
    ]);
    const result = wb.client('reassignClient', [
      ACME,
      'amy',
      'Zhang Wei moves to the north region',
    ]) as WriteResult<ClientCard>;
    expect(result.ok).toBe(true);
    expect(clientRow(wb, ACME)).toMatchObject({ Owner: AMY, 'Next owner': AMY });
    expect(rowsOf(wb, 'Changes').map((c) => [c.What, c.Old, c.New, c.By, c.Reason])).toEqual([
      ['Reassigned', ZHANG, AMY, ZHANG, 'Zhang Wei moves to the north region'],
    ]);
  });

  test('never silently: a reason is required', () => {
    const wb = sidebarWorkbook();
    const result = wb.client('reassignClient', [ACME, AMY, '  ']) as WriteResult<ClientCard>;
    expect(!result.ok && result.problems.map((p) => p.text)).toEqual([
      'Say why the client is handed over; the reason goes to the Changes tab.',
    ]);
    expect(clientRow(wb, ACME).Owner).toBe(ZHANG);
  });
});

describe('handing over everything of someone who left', () => {
  test('every client of Li Na goes to Amy, one Changes row each', () => {
    const wb = sidebarWorkbook({ filler: 10 });
    // Li Na is a manager: she may hand over her own team's (and her own) clients, confirming the count.
    const count = wb.client('countClientsOf', [LI], LI_EMAIL) as { owner: string; count: number };
    expect(count).toEqual({ owner: LI, count: 5 });
    const result = wb.client(
      'reassignClients',
      [LI, AMY, 'Li Na left the company', count.count],
      LI_EMAIL,
    ) as WriteResult<ReassignSummary>;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.clientIds).toEqual(['C-F00001', 'C-F00003', 'C-F00005', 'C-F00007', 'C-F00009']);
    expect(result.notices.map((n) => n.text)).toEqual(['Handed 5 clients from Li Na to Amy.']);
    expect(rowsOf(wb, 'Clients').filter((r) => r.Owner === LI)).toEqual([]);
    expect(rowsOf(wb, 'Clients').filter((r) => r.Owner === AMY)).toHaveLength(11);
    expect(rowsOf(wb, 'Changes').map((c) => c.Reason)).toEqual(new Array(5).fill('Li Na left the company'));
  });
});

describe('handing over everything: cells between the moved ones', () => {
  test('a colleague’s Owner cell made a formula, between two of Li Na’s clients, keeps its formula', () => {
    const wb = sidebarWorkbook({ filler: 10 });
    const rows = rowsOf(wb, 'Clients');
    const at = rows.findIndex((r) => r.ID === 'C-F00002');
    const owner = String(rows[at].Owner);
    expect(owner).not.toBe(LI);
    const cell = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) =>
      ss.getSheetByName('Clients')!.getRange(at + 2, headerIndex(wb, 'Clients', 'Owner') + 1);
    asEditor(wb, (ss) => cell(ss).setFormula(`="${owner}"`));
    const result = wb.client(
      'reassignClients',
      [LI, AMY, 'Li Na left the company', 5],
      LI_EMAIL,
    ) as WriteResult<ReassignSummary>;
    expect(result.ok).toBe(true);
    expect(asEditor(wb, (ss) => cell(ss).getFormula())).toBe(`="${owner}"`);
    expect(rowsOf(wb, 'Clients').filter((r) => r.Owner === LI)).toEqual([]);
  });
});

describe('the reclaim wait through the Changes row index (docs/row-index.md)', () => {
  const REFUSED = 'You released this client on 2026-02-27; you can claim it back from 2026-03-06.';
  const change = (i: number, client: string, date = '2026-01-10T10:00:00+08:00') => ({
    ID: `X-${i}`,
    Date: new Date(date),
    'Client ID': client,
    What: 'Released to pool',
    Old: AMY,
    New: '',
  });
  const RELEASE = { ...change(-1, 'C-POOL', '2026-02-27T10:00:00+08:00'), Old: ZHANG };

  /** A pooled client, its release among `others` other clients' changes, the sidebar opened (indexes warm). */
  function pooled(others: number): TestWorkbook {
    const wb = sidebarWorkbook();
    putRows(wb, 'Clients', [{ ID: 'C-POOL', Name: 'Pooled Ltd', Status: 'In pool' }], 4);
    const half = Array.from({ length: others / 2 }, (_, i) => change(i, `C-${i % 50}`));
    putRows(wb, 'Changes', [...half, RELEASE, ...half.map((_, i) => change(others + i, `C-${i % 50}`))]);
    wb.client('warmClientRows', []);
    return wb;
  }

  function claim(wb: TestWorkbook): { said: string[] | true; cells: number } {
    const read = wb.env.counters.cellsRead;
    const result = wb.client('claimClient', ['C-POOL']) as WriteResult<ClientCard>;
    return { said: result.ok || result.problems.map((p) => p.text), cells: wb.env.counters.cellsRead - read };
  }

  test('a claim reads the same cells with 200 and with 20,000 other changes in the log', () => {
    const small = claim(pooled(200));
    const large = claim(pooled(20_000));
    expect(small.said).toEqual([REFUSED]);
    expect(large.said).toEqual([REFUSED]);
    expect(large.cells).toBe(small.cells);
  });

  test('is found after the log was sorted, after a release was typed below it, and with the cache evicted', () => {
    const sorted = pooled(400);
    const tab = sorted.sheet('Changes');
    const [head, ...rows] = tab.values;
    const client = head.indexOf('Client ID');
    // Sorted above its last row, which stays: only the rows the index names tell it moved.
    const bottom = rows.pop() as (typeof rows)[number];
    tab.values = [head, ...rows.sort((a, b) => String(b[client]).localeCompare(String(a[client]))), bottom];
    expect(claim(sorted).said).toEqual([REFUSED]);

    // Released again by hand, typed in the last row (onEdit sees it), by Li this time: Zhang may claim.
    const typed = pooled(400);
    typed.client('claimClient', ['C-POOL'], LI_EMAIL);
    const last = typed.sheet('Changes').values.length;
    const cells = typed.sheet('Changes').values[last - 1].map(() => '' as string | Date);
    const header = typed.sheet('Changes').values[0];
    const put = (h: string, v: string | Date) => (cells[header.indexOf(h)] = v);
    put('ID', 'X-TYPED');
    put('Date', new Date('2026-03-01T09:00:00+08:00'));
    put('Client ID', 'C-POOL');
    put('What', 'Released to pool');
    put('Old', LI);
    editCells(typed, 'Changes', last + 1, 'ID', [cells]);
    const row = typed.sheet('Clients').values.findIndex((r) => r[0] === 'C-POOL');
    typed.sheet('Clients').values[row][headerIndex(typed, 'Clients', 'Owner')] = '';
    expect(claim(typed).said).toBe(true);

    const evicted = pooled(400);
    cacheState(evicted.env).clear();
    expect(claim(evicted).said).toEqual([REFUSED]);
  });

  test('a claim tells the index of its own Changes row: the hand-over after it reads what it reads on a freshly built index', () => {
    /** Li claims the pooled client, then hands it to Amy; the cells the hand-over read. */
    function claimThenHandOver(rebuild: boolean): number {
      const wb = pooled(400);
      expect(wb.client('claimClient', ['C-POOL'], LI_EMAIL)).toMatchObject({ ok: true });
      if (rebuild) {
        // Forget only the Changes row index and build it again: it then knows the claim's row.
        for (const scope of cacheState(wb.env).values())
          for (const key of [...scope.keys()]) if (key.startsWith('ct.changeRows.')) scope.delete(key);
        wb.client('warmClientRows', []);
      }
      const read = wb.env.counters.cellsRead;
      const result = wb.client('reassignClient', ['C-POOL', AMY, 'Amy covers the east side'], LI_EMAIL);
      expect(result).toMatchObject({ ok: true });
      return wb.env.counters.cellsRead - read;
    }
    expect(claimThenHandOver(false)).toBe(claimThenHandOver(true));
  });

  test('a hand-over right after a claim whose row went to another shard reads what it reads with no claim before it', () => {
    /** 15,000 changes of 3,000 clients (the index in several shards); Li may hand over C-0 … C-19. */
    function handOver(claimFirst: boolean): { cells: number; shards: [string | null, string | null] } {
      const wb = sidebarWorkbook();
      const mine = Array.from({ length: 20 }, (_, i) => ({ ID: `C-${i}`, Name: `Other ${i}`, Owner: LI }));
      putRows(wb, 'Clients', [{ ID: 'C-POOL', Name: 'Pooled Ltd', Status: 'In pool' }, ...mine], 4);
      const others = Array.from({ length: 15_000 }, (_, i) => change(i, `C-${i % 3000}`));
      putRows(wb, 'Changes', [...others, RELEASE]);
      wb.client('warmClientRows', []);
      const pool = shardHolding(wb, 'ct.changeRows.', 'C-POOL');
      const other = mine.map((c) => c.ID).find((id) => shardHolding(wb, 'ct.changeRows.', id) !== pool) ?? 'C-0';
      if (claimFirst) expect(wb.client('claimClient', ['C-POOL'], LI_EMAIL)).toMatchObject({ ok: true });
      const read = wb.env.counters.cellsRead;
      const result = wb.client('reassignClient', [other, AMY, 'Amy covers the east side'], LI_EMAIL);
      expect(result).toMatchObject({ ok: true });
      return { cells: wb.env.counters.cellsRead - read, shards: [pool, shardHolding(wb, 'ct.changeRows.', other)] };
    }
    const after = handOver(true);
    const alone = handOver(false);
    // Two shards: the claim's note went to C-POOL's, not to the handed-over client's (before, the
    // hand-over then read the claim's row again: 3 cells more).
    expect(after.shards[0]).not.toBeNull();
    expect(after.shards[1]).not.toBeNull();
    expect(after.shards[1]).not.toBe(after.shards[0]);
    expect(after.cells).toBe(alone.cells);
  });

  test('a row typed over, above the rows the index knows, is seen: onEdit drops the index', () => {
    const wb = pooled(400);
    // Row 3 held another client's change; it is typed over as a later release of C-POOL by Li.
    const header = wb.sheet('Changes').values[0];
    const cells = header.map(() => '' as string | Date);
    const put = (h: string, v: string | Date) => (cells[header.indexOf(h)] = v);
    put('ID', 'X-OVER');
    put('Date', new Date('2026-03-01T09:00:00+08:00'));
    put('Client ID', 'C-POOL');
    put('What', 'Released to pool');
    put('Old', LI);
    editCells(wb, 'Changes', 3, 'ID', [cells]);
    expect(claim(wb).said).toBe(true);
  });
});
