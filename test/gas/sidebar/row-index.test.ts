/**
 * The row index (src/gas/sidebar/row-index.ts, docs/row-index.md): the card and a contact's save find
 * a client's contacts through the cached index and give the same history as reading the sheet, after
 * whatever a user does to the Contacts tab meanwhile; on a warm index they read the same cells
 * whether the workbook holds 1,000 or 10,000 clients.
 */
import { cacheState } from '../../../src/local/emulator/services';
import type { CellValue } from '../../../src/local/emulator/model';
import type { ClientCard, ClientHit, LoggedCard, SearchResult, WriteResult } from '../../../src/contract/types';
import type { TestWorkbook } from '../../helpers/workbook';
import { editCells } from '../clients-fixture';
import { ACME, AMY, HUAWEI, LI, LI_EMAIL, ZHANG, col, putRows, shardHolding, sidebarWorkbook } from './fixture';

const HOUR = 3_600_000;
const START = Date.parse('2026-01-10T02:00:00Z');

/** Contact rows, one an hour: every `acmeEvery`th of them Acme's, the others Huawei's and the fillers'. */
function contactRows(count: number, clients: number, acmeEvery = 3): Record<string, CellValue>[] {
  const whose = (i: number): string =>
    i % acmeEvery === 0 ? ACME : i % 3 === 1 ? HUAWEI : `C-F${String((i % clients) + 1).padStart(5, '0')}`;
  return Array.from({ length: count }, (_, i) => ({
    ID: `K-T${String(i).padStart(6, '0')}`,
    Date: new Date(START + i * HOUR),
    'Client ID': whose(i),
    By: ZHANG,
    Outcome: 'Reached',
    Summary: `call ${i}`,
  }));
}

function workbook(filler = 20, contacts = 60, acmeEvery = 3): TestWorkbook {
  const wb = sidebarWorkbook({ filler });
  putRows(wb, 'Contacts', contactRows(contacts, Math.max(filler, 1), acmeEvery));
  return wb;
}

function card(wb: TestWorkbook, id = ACME, user?: string): ClientCard {
  return wb.client('getClientCard', [id], user) as ClientCard;
}

const summaries = (c: ClientCard): string[] => c.history.map((h) => String(h.summary));

/** The client's history as the sheet holds it now: its rows, newest first (later row first on a tie). */
function fromSheet(wb: TestWorkbook, id: string): string[] {
  const sheet = wb.sheet('Contacts');
  const idCol = col(wb, 'Contacts', 'Client ID');
  const dateCol = col(wb, 'Contacts', 'Date');
  const sumCol = col(wb, 'Contacts', 'Summary');
  return sheet.values
    .slice(1)
    .map((r, i) => ({ r, i }))
    .filter(
      ({ r }) =>
        String(r?.[idCol] ?? '')
          .trim()
          .toUpperCase() === id.toUpperCase(),
    )
    .sort((a, b) => (b.r[dateCol] as Date).getTime() - (a.r[dateCol] as Date).getTime() || b.i - a.i)
    .map(({ r }) => String(r[sumCol]));
}

function evict(wb: TestWorkbook): void {
  cacheState(wb.env).clear();
}

/** The card through the warm index, then with the cache evicted (the Client ID column read): both as the sheet. */
function expectBothPaths(wb: TestWorkbook, id = ACME): void {
  const warm = summaries(card(wb, id));
  evict(wb);
  const cold = summaries(card(wb, id));
  expect(warm).toEqual(fromSheet(wb, id));
  expect(cold).toEqual(warm);
}

function cellsOf(wb: TestWorkbook, fn: () => void): { cells: number; calls: number } {
  const cells = wb.env.counters.cellsRead;
  const calls = wb.env.counters.spreadsheetCalls();
  fn();
  return { cells: wb.env.counters.cellsRead - cells, calls: wb.env.counters.spreadsheetCalls() - calls };
}

function contactRow(wb: TestWorkbook, id: string, summary: string, at: number): CellValue[] {
  const sheet = wb.sheet('Contacts');
  const row: CellValue[] = new Array(sheet.values[0].length).fill('');
  row[col(wb, 'Contacts', 'ID')] = `K-NEW-${summary}`;
  row[col(wb, 'Contacts', 'Date')] = new Date(at);
  row[col(wb, 'Contacts', 'Client ID')] = id;
  row[col(wb, 'Contacts', 'By')] = ZHANG;
  row[col(wb, 'Contacts', 'Outcome')] = 'Reached';
  row[col(wb, 'Contacts', 'Summary')] = summary;
  return row;
}

const LOG = { clientId: ACME, channel: 'Phone', outcome: 'Reached', summary: 'Sent the quote', nextTopic: 'quote' };

describe('the card through the row index', () => {
  test('is the client’s history, and a warm card reads only the client’s rows', () => {
    const wb = workbook(20, 600, 100);
    const cold = cellsOf(wb, () => card(wb)); // builds the index
    const warm = cellsOf(wb, () => card(wb));
    expect(summaries(card(wb))).toEqual(fromSheet(wb, ACME));
    expect(fromSheet(wb, ACME)).toHaveLength(6);
    // Acme's 6 rows are read whole, not the 600 cells of the Client ID column (the rest, the same in
    // both, is the session: Team, Settings, the client's row).
    expect(cold.cells - warm.cells).toBeGreaterThanOrEqual(600);
  });

  test('after Contacts is sorted (rows moved, none added, the last row left where it was)', () => {
    const wb = workbook();
    card(wb);
    const sheet = wb.sheet('Contacts');
    const sumCol = col(wb, 'Contacts', 'Summary');
    const [head, ...rows] = sheet.values;
    const last = rows.pop() as CellValue[];
    sheet.values = [head, ...rows.sort((a, b) => String(a[sumCol]).localeCompare(String(b[sumCol]))), last];
    expectBothPaths(wb);
  });

  test('after a row of the client is inserted below its last contact, above the log’s last row (no onEdit)', () => {
    const wb = workbook();
    card(wb);
    // Acme's last row is the 58th data row (row 59); the log ends at row 61.
    wb.sheet('Contacts').values.splice(59, 0, contactRow(wb, ACME, 'inserted low', START + 100 * HOUR));
    expect(fromSheet(wb, ACME)[0]).toBe('inserted low');
    expectBothPaths(wb);
  });

  test('after a row of the client is inserted in the middle, beside its own rows (no onEdit)', () => {
    const wb = workbook();
    card(wb);
    // Acme's rows are every third one: a new Acme row right above one of them.
    wb.sheet('Contacts').values.splice(31, 0, contactRow(wb, ACME, 'inserted', START + 100 * HOUR));
    expectBothPaths(wb);
    expect(fromSheet(wb, ACME)[0]).toBe('inserted');
  });

  test('after a row is deleted above the client’s rows, and after one of its own rows is deleted', () => {
    const wb = workbook();
    card(wb);
    wb.sheet('Contacts').values.splice(5, 1);
    expectBothPaths(wb);
    card(wb);
    wb.sheet('Contacts').values.splice(10, 1);
    expectBothPaths(wb);
  });

  test('after a row is added below the log without onEdit (another script, the mobile app)', () => {
    const wb = workbook();
    card(wb);
    wb.sheet('Contacts').values.push(contactRow(wb, ACME, 'from a phone', START + 200 * HOUR));
    const warm = summaries(card(wb));
    expect(warm[0]).toBe('from a phone');
    expectBothPaths(wb);
  });

  test('after a row’s Client ID is typed over with the client’s (onEdit drops the index)', () => {
    const wb = workbook();
    card(wb);
    editCells(wb, 'Contacts', 3, 'Client ID', [[ACME]]);
    expect(summaries(card(wb))).toContain('call 1');
    expectBothPaths(wb);
  });
});

describe('logContact through the row index', () => {
  test('the saved card holds the whole history with the new contact on top, as the sheet has it', () => {
    const wb = workbook();
    card(wb);
    const saved = wb.client('logContact', [LOG]) as WriteResult<LoggedCard>;
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.value.added.summary).toBe('Sent the quote');
    expect(summaries(card(wb))[0]).toBe('Sent the quote');
    expectBothPaths(wb);
  });

  test('another user’s save on the same file is in the next card of each (one document cache)', () => {
    const wb = workbook();
    card(wb);
    card(wb, ACME, LI_EMAIL);
    const byLi = wb.client(
      'logContact',
      [{ ...LOG, summary: 'Li called', by: LI }],
      LI_EMAIL,
    ) as WriteResult<ClientCard>;
    expect(byLi.ok).toBe(true);
    expect(summaries(card(wb))[0]).toBe('Li called');
    wb.client('logContact', [{ ...LOG, summary: 'Zhang called' }]);
    expect(summaries(card(wb, ACME, LI_EMAIL)).slice(0, 2)).toEqual(['Zhang called', 'Li called']);
    expectBothPaths(wb);
  });

  test('saves at the same moment by two people, on two clients, get distinct contact IDs (the ID read on the way)', () => {
    const wb = workbook();
    card(wb);
    card(wb, HUAWEI, LI_EMAIL);
    // The clock stands still: every save below is the same millisecond, so only the IDs read tell them apart.
    wb.client('logContact', [LOG]);
    wb.client('logContact', [{ ...LOG, clientId: HUAWEI, summary: 'Li called', by: LI }], LI_EMAIL);
    wb.client('logContact', [{ ...LOG, summary: 'again' }]);
    wb.sheet('Contacts').values.push(contactRow(wb, HUAWEI, 'typed below', START)); // typed, no onEdit
    wb.client('logContact', [{ ...LOG, clientId: HUAWEI, summary: 'after the typed row' }]);
    evict(wb);
    wb.client('logContact', [{ ...LOG, summary: 'cold cache' }]);
    const ids = wb
      .sheet('Contacts')
      .values.slice(-6)
      .map((r) => String(r[col(wb, 'Contacts', 'ID')]));
    expect(ids.filter((id) => id.startsWith('K-') && !id.startsWith('K-NEW'))).toHaveLength(5);
    expect(new Set(ids).size).toBe(6);
  });

  test('with the cache evicted between the save and the card', () => {
    const wb = workbook();
    card(wb);
    wb.client('logContact', [LOG]);
    evict(wb);
    wb.client('logContact', [{ ...LOG, summary: 'second' }]);
    expect(summaries(card(wb)).slice(0, 2)).toEqual(['second', 'Sent the quote']);
    expectBothPaths(wb);
  });
  test('a save right after a sort: the next card finds the moved rows and rebuilds the index once, the one after is warm', () => {
    const wb = workbook(20, 600, 100);
    card(wb);
    const sheet = wb.sheet('Contacts');
    const sumCol = col(wb, 'Contacts', 'Summary');
    const [head, ...rows] = sheet.values;
    const last = rows.pop() as CellValue[];
    sheet.values = [head, ...rows.sort((a, b) => String(a[sumCol]).localeCompare(String(b[sumCol]))), last];
    // A call today: the save does not read the history, so the card after it meets the sort.
    wb.client('logContact', [LOG]);
    expect(summaries(card(wb))).toEqual(fromSheet(wb, ACME));
    const warm = cellsOf(wb, () => expect(summaries(card(wb, HUAWEI))).toEqual(fromSheet(wb, HUAWEI)));
    evict(wb);
    const cold = cellsOf(wb, () => card(wb, HUAWEI));
    expect(cold.cells - warm.cells).toBeGreaterThanOrEqual(600);
    expectBothPaths(wb);
  });
});

describe('cells read on a warm index', () => {
  /** Acme has 6 contacts spread through the log, whatever its length. */
  function measure(filler: number): { card: { cells: number; calls: number }; log: { cells: number; calls: number } } {
    const contacts = filler * 5;
    const wb = workbook(filler, contacts, contacts / 6);
    card(wb);
    wb.client('searchClients', ['acme']);
    return {
      card: cellsOf(wb, () => card(wb)),
      log: cellsOf(wb, () => wb.client('logContact', [LOG])),
    };
  }
  const small = measure(1_000);
  const large = measure(10_000);

  test('the card and a save read the same cells and calls at 1,000 clients / 5,000 contacts as at 10,000 / 50,000', () => {
    expect(large.card).toEqual(small.card);
    expect(large.log).toEqual(small.log);
    // Acme's 6 rows, whole, and a few cells more: not the 5,000 cells of the Client ID column.
    expect(small.card.cells).toBeLessThan(1_000);
  });
});

describe('claim and hand-over keep the cached indexes', () => {
  function hit(wb: TestWorkbook, query: string, id: string, user?: string): ClientHit | undefined {
    return (wb.client('searchClients', [query], user) as SearchResult).hits.find((h) => h.id === id);
  }

  test('after a claim, the next search shows the new owner without reading Clients again', () => {
    const wb = workbook(200, 60);
    putRows(wb, 'Clients', [{ ID: 'C-POOL', Name: 'Pooled Ltd', Status: 'In pool' }], 4);
    hit(wb, 'Pooled', 'C-POOL'); // builds the search index
    expect((wb.client('claimClient', ['C-POOL']) as WriteResult<ClientCard>).ok).toBe(true);
    const search = cellsOf(wb, () => expect(hit(wb, 'Pooled', 'C-POOL')).toMatchObject({ owner: ZHANG, mine: true }));
    expect(search.cells).toBe(0);
    evict(wb);
    expect(hit(wb, 'Pooled', 'C-POOL')).toMatchObject({ owner: ZHANG, mine: true });
  });

  test('after a hand-over, the next card finds the client without reading an ID column, and search shows the new owner', () => {
    const wb = workbook(200, 600, 100);
    hit(wb, 'Acme', ACME);
    card(wb);
    expect((wb.client('reassignClient', [ACME, AMY, 'Holiday cover']) as WriteResult<ClientCard>).ok).toBe(true);
    const warm = cellsOf(wb, () => card(wb));
    expect(hit(wb, 'Acme', ACME)).toMatchObject({ owner: AMY, mine: false });
    evict(wb);
    const cold = cellsOf(wb, () => expect(summaries(card(wb))).toEqual(fromSheet(wb, ACME)));
    // Cold, the card reads the Client ID columns of Clients (to find the row) and of Contacts.
    expect(cold.cells - warm.cells).toBeGreaterThanOrEqual(200 + 600);
    expect(hit(wb, 'Acme', ACME)).toMatchObject({ owner: AMY, mine: false });
  });
});

describe('rows our own saves appended, for a client in another shard of the index', () => {
  /** 20,000 contacts of 4,000 clients, the card opened once: the index is cut into several shards. */
  function big(): TestWorkbook {
    const wb = workbook(4_000, 20_000, 50);
    card(wb);
    return wb;
  }
  /** A client of Li Na's whose rows are in another shard than Acme's. */
  function elsewhere(wb: TestWorkbook): string {
    const acme = shardHolding(wb, 'ct.rows.', ACME);
    expect(acme).not.toBeNull();
    for (let i = 1; i < 200; i += 2) {
      const id = `C-F${String(i).padStart(5, '0')}`;
      const shard = shardHolding(wb, 'ct.rows.', id);
      if (shard !== null && shard !== acme) return id;
    }
    throw new Error('every client is in Acme’s shard');
  }
  function liSaves(wb: TestWorkbook, id: string, summary: string): void {
    const saved = wb.client(
      'logContact',
      [{ ...LOG, clientId: id, summary, by: LI }],
      LI_EMAIL,
    ) as WriteResult<ClientCard>;
    expect(saved.ok).toBe(true);
  }

  test('Acme’s card reads the same cells after two saves on another client as with nothing saved between', () => {
    const quiet = big();
    const unchanged = cellsOf(quiet, () => card(quiet));
    const busy = big();
    const other = elsewhere(busy);
    liSaves(busy, other, 'first');
    liSaves(busy, other, 'second');
    // Acme's shard learns the two rows from the saves themselves: it reads the last row to check, as
    // it reads its own last row when nothing was added (before: both rows, 6 cells more).
    const after = cellsOf(busy, () => expect(summaries(card(busy))).toEqual(fromSheet(busy, ACME)));
    expect(after).toEqual(unchanged);
    expectBothPaths(busy);
  });

  test('a row deleted among the saved ones and a row of Acme typed at the end, no onEdit: the card has it', () => {
    const wb = big();
    const other = elsewhere(wb);
    liSaves(wb, other, 'first');
    liSaves(wb, other, 'second');
    const rows = wb.sheet('Contacts').values;
    rows.splice(rows.length - 1, 1); // the log ends where it ended, on another row
    rows.push(contactRow(wb, ACME, 'typed on a phone', START + 300 * HOUR));
    expect(summaries(card(wb))).toContain('typed on a phone');
    expectBothPaths(wb);
  });

  test('a row of Acme typed between two saves, no onEdit: the card has it', () => {
    const wb = big();
    const other = elsewhere(wb);
    liSaves(wb, other, 'first');
    card(wb); // Acme's shard learns the first save from it
    liSaves(wb, other, 'second');
    wb.sheet('Contacts').values.push(contactRow(wb, ACME, 'typed between', START + 300 * HOUR));
    liSaves(wb, other, 'third');
    expect(summaries(card(wb))).toContain('typed between');
    expectBothPaths(wb);
  });

  test('a saved row typed over with Acme’s ID (onEdit drops the index): the card has it', () => {
    const wb = big();
    const other = elsewhere(wb);
    liSaves(wb, other, 'moved to Acme');
    editCells(wb, 'Contacts', wb.sheet('Contacts').values.length, 'Client ID', [[ACME]]);
    expect(summaries(card(wb))).toContain('moved to Acme');
    expectBothPaths(wb);
  });

  test('a meta or a shard put back by a slower execution (an older copy) never hides a saved row', () => {
    // CacheService has no compare-and-set: an execution that read the index before a save may store
    // its older copy after it. Simulated by putting the older value back by hand.
    const scope = (wb: TestWorkbook) => [...cacheState(wb.env).values()].find((m) => m.has('ct.rows.meta'))!;
    const olderMeta = big();
    const other = elsewhere(olderMeta);
    const meta = { ...scope(olderMeta).get('ct.rows.meta')! };
    liSaves(olderMeta, other, 'saved after the copy');
    scope(olderMeta).set('ct.rows.meta', meta);
    expect(summaries(card(olderMeta, other, LI_EMAIL))).toContain('saved after the copy');
    expect(summaries(card(olderMeta))).toEqual(fromSheet(olderMeta, ACME));

    const olderShard = big();
    const id = elsewhere(olderShard);
    card(olderShard, id, LI_EMAIL);
    const key = shardHolding(olderShard, 'ct.rows.', id)!;
    const shard = { ...scope(olderShard).get(key)! };
    liSaves(olderShard, id, 'saved after the copy');
    scope(olderShard).set(key, shard);
    expect(summaries(card(olderShard, id, LI_EMAIL))).toContain('saved after the copy');
    expectBothPaths(olderShard, id);
  });

  test('saves on clients of two shards at the same moment get distinct contact IDs', () => {
    const wb = big();
    const other = elsewhere(wb);
    // The clock stands still: the IDs read on the way (here, the saved rows' IDs) keep them apart.
    wb.client('logContact', [LOG]);
    liSaves(wb, other, 'Li called');
    wb.client('logContact', [{ ...LOG, summary: 'again' }]);
    liSaves(wb, other, 'Li again');
    const ids = wb
      .sheet('Contacts')
      .values.slice(-4)
      .map((r) => String(r[col(wb, 'Contacts', 'ID')]));
    expect(new Set(ids).size).toBe(4);
  });
});
