/**
 * The client index behind search-as-you-type (ID, name, contact, phone digits, email, owner, next
 * owner of every Clients row, as text: search-columns.ts), built from one read of those columns and
 * kept in the document cache in pieces under CacheService's 100 KB per value. A keystroke then costs
 * two cache reads and three Spreadsheet calls (is the tab still the same length?) instead of reading
 * the tab. Every sidebar write that changes an indexed field patches or drops it; so does an edit on
 * Clients (onEdit calls invalidateSearchIndex); the TTL bounds anything else typed straight into the
 * sheet.
 * https://developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer)
 */
import type { ColumnKey } from '../../core/schema';
import type { WorkbookContext } from '../context';
import type { Table } from '../table';
import { openHeader } from './header-table';
import { IndexTexts, type Field, FIELDS, blockColumns } from './search-columns';
import type { IndexEntry } from './index-entry';
import { documentCache, dropIndex, fetchIds, fetchIndex, hasCurrentIndex, storeIndex } from './search-store';
import { idKey } from '../../core/ids';
import { sheetIdOf } from '../tab-names';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export class SearchIndex {
  private listed: IndexEntry[] | null = null;

  constructor(
    readonly sheetId: number,
    /** Clients' last row when built: a different one means rows were added or removed since */
    public lastRow: number,
    public columns: IndexTexts,
  ) {}

  /** Every row as an entry (the row under the header first), for the checks that need them all (add client). */
  get entries(): readonly IndexEntry[] {
    if (this.listed === null) this.listed = this.columns.entries();
    return this.listed;
  }

  /** The entry of the first row holding this ID (case and spaces around it ignored), or null. */
  entryById(clientId: string): IndexEntry | null {
    const line = this.columns.lineOfId(idKey(clientId));
    return line < 0 ? null : this.columns.entry(line);
  }

  /** Records what the sidebar just wrote on a row (or appended), without reading the tab again. */
  setRow(row: number, changes: Partial<Omit<IndexEntry, 'row'>>): void {
    this.columns = this.columns.withRow(row, changes);
    this.lastRow = Math.max(this.lastRow, row);
    this.listed = null;
  }
}

/** Where each indexed field comes from in Clients. */
const SOURCE: Record<Field, ColumnKey<'clients'>> = {
  id: 'id',
  name: 'name',
  contact: 'contact',
  phones: 'phone',
  email: 'email',
  owner: 'owner',
  nextOwner: 'nextOwner',
};

/**
 * Reads the indexed columns of Clients: one getValues per run of adjacent columns, whatever the
 * number of rows (the cells read are those of the indexed columns only).
 */
export function buildIndex(clients: Table<'clients'>): SearchIndex {
  const sheet = clients.sheet;
  const lastRow = sheet.getLastRow();
  const firstRow = clients.headerRow + 1;
  const rows = Math.max(0, lastRow - clients.headerRow);
  const at = new Map<Field, number>();
  for (const f of FIELDS) {
    const c = clients.headers.map[SOURCE[f]];
    if (c !== undefined) at.set(f, c);
  }
  const cols = [...new Set(at.values())].sort((a, b) => a - b);
  const read = new Map<number, unknown[]>();
  for (let i = 0; i < cols.length && rows > 0;) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
    const width = j - i + 1;
    const columns = blockColumns(sheet.getRange(firstRow, cols[i] + 1, rows, width).getValues(), width);
    columns.forEach((cells, k) => read.set(cols[i] + k, cells));
    i = j + 1;
  }
  const cells: Partial<Record<Field, unknown[]>> = {};
  for (const [f, c] of at) cells[f] = read.get(c);
  return new SearchIndex(sheetIdOf(sheet), lastRow, IndexTexts.fromCells(rows, cells, firstRow));
}

/** Stores the index in the document cache (see search-store.ts). */
export function saveIndex(index: SearchIndex, now: Date): void {
  const cache = documentCache();
  if (cache) storeIndex(cache, index, now);
}

/** The cached index, or null when it is missing, partly evicted, or stale against the sheet's length. */
export function loadIndex(sheetById: (sheetId: number) => Sheet | null): SearchIndex | null {
  const cache = documentCache();
  const stored = cache && fetchIndex(cache, sheetById);
  return stored ? new SearchIndex(stored.sheetId, stored.lastRow, stored.columns) : null;
}

/** Forget the index: the next search rebuilds it. */
export function invalidateSearchIndex(): void {
  const cache = documentCache();
  if (cache) dropIndex(cache);
}

/**
 * After a refresh, which rewrites only computed columns and gives an ID to rows that had none: the
 * cached index is still good unless it holds rows without an ID (one may have just got one).
 */
export function keepSearchIndexAfterRefresh(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const cache = documentCache();
  if (!cache) return;
  const ids = fetchIds(cache, (id) => ss.getSheetById(id));
  if (ids === null || ids.blanks().size > 0) dropIndex(cache);
}

/**
 * Builds and caches the index unless one is cached, in an execution that has the workbook open
 * anyway (a refresh, the sidebar opening), so that the next search reads no client rows.
 */
export function warmSearchIndex(sheets: Map<string, Sheet>, ctx: WorkbookContext): void {
  const cache = documentCache();
  if (!cache || hasCurrentIndex(cache, (id) => ctx.ss.getSheetById(id))) return;
  storeIndex(cache, buildIndex(openHeader(sheets, 'clients', { lang: ctx.lang })), ctx.now);
}
