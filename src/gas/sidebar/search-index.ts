/**
 * The compact client index behind search-as-you-type: one short line per Clients row (ID, name,
 * contact, phone digits, email, owner, next owner), built from a few column reads and kept in the
 * document cache in chunks under CacheService's 100 KB per value. A keystroke then costs two cache
 * reads and three Spreadsheet calls (is the tab still the same length?) instead of reading the tab.
 * Every sidebar write that changes an indexed field drops it; so does an edit on Clients (onEdit
 * calls invalidateSearchIndex); the TTL bounds anything else typed straight into the sheet.
 * https://developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer)
 */
import type { Table } from '../table';
import { type IndexEntry, entryLine, parseLine, phoneDigits } from './search-match';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const META_KEY = 'ct.search.meta';
const TTL_SECONDS = 900;
/** Under 100 KB with room to spare (the limit counts UTF-8 bytes: a Chinese character is 3). */
const CHUNK_BYTES = 90_000;

/**
 * The index as lines (what the cache holds and what a keystroke scans), parsed into entries only
 * when a caller needs them all (add client, a row hint): parsing 50,000 lines per keystroke cost more
 * than the search itself.
 */
export class SearchIndex {
  private stored: string[] | null;
  private parsed: IndexEntry[] | null;

  constructor(
    readonly sheetId: number,
    /** Clients' last row when built: a different one means rows were added or removed since */
    public lastRow: number,
    from: { lines: string[] } | { entries: IndexEntry[] },
  ) {
    this.stored = 'lines' in from ? from.lines : null;
    this.parsed = 'entries' in from ? from.entries : null;
  }

  /**
   * Every entry. A caller may change them or add some (then saveIndex stores them as they are then):
   * handing them out forgets the lines made from them before.
   */
  get entries(): IndexEntry[] {
    if (this.parsed === null) this.parsed = (this.stored ?? []).map(parseLine);
    this.stored = null;
    return this.parsed;
  }

  /** The entries as index lines (entryLine), made once until the entries are handed out again. */
  lines(): string[] {
    if (this.stored === null) this.stored = (this.parsed ?? []).map(entryLine);
    return this.stored;
  }
}

interface Meta {
  sheetId: number;
  lastRow: number;
  stamp: string;
  chunks: number;
}

const INDEXED = ['id', 'name', 'contact', 'phone', 'email', 'owner', 'nextOwner'] as const;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
}

/** Reads the indexed columns of Clients: one getValues per column, whatever the number of rows. */
export function buildIndex(clients: Table<'clients'>): SearchIndex {
  const sheet = clients.sheet;
  const lastRow = sheet.getLastRow();
  const rows = Math.max(0, lastRow - 1);
  const columns = new Map<(typeof INDEXED)[number], unknown[][]>();
  for (const key of INDEXED) {
    const index = clients.headers.map[key];
    if (index !== undefined && rows > 0) columns.set(key, sheet.getRange(2, index + 1, rows, 1).getValues());
  }
  const at = (key: (typeof INDEXED)[number], r: number): string => cell(columns.get(key)?.[r][0]);
  const entries: IndexEntry[] = [];
  for (let r = 0; r < rows; r++) {
    entries.push({
      row: r + 2,
      id: at('id', r),
      name: at('name', r),
      contact: at('contact', r),
      phones: phoneDigits(at('phone', r)).join(' '),
      email: at('email', r),
      owner: at('owner', r),
      nextOwner: at('nextOwner', r),
    });
  }
  return new SearchIndex(sheet.getSheetId(), lastRow, { entries });
}

function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3;
  }
  return n;
}

/** Lines packed into values each under CHUNK_BYTES. */
export function chunkLines(lines: readonly string[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    const bytes = utf8Bytes(line) + 1;
    if (size + bytes > CHUNK_BYTES && current.length > 0) {
      chunks.push(current.join('\n'));
      current = [];
      size = 0;
    }
    // One client's line is far under the limit: its fields are one-line cells, trimmed below.
    current.push(bytes > CHUNK_BYTES ? line.slice(0, 20_000) : line);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current.join('\n'));
  return chunks;
}

function cache(): GoogleAppsScript.Cache.Cache | null {
  return CacheService.getDocumentCache();
}

/** Stores the index: the chunks and the meta that names them, in one putAll. */
export function saveIndex(index: SearchIndex, now: Date): void {
  const store = cache();
  if (!store) return;
  const stamp = now.getTime().toString(36);
  const chunks = chunkLines(index.lines());
  const values: Record<string, string> = {};
  chunks.forEach((chunk, i) => (values[`ct.search.${stamp}.${i}`] = chunk));
  const meta: Meta = { sheetId: index.sheetId, lastRow: index.lastRow, stamp, chunks: chunks.length };
  values[META_KEY] = JSON.stringify(meta);
  try {
    store.putAll(values, TTL_SECONDS);
  } catch {
    // A cache that refuses (too many items, a value over the limit) only costs speed: search reads the sheet.
    store.remove(META_KEY);
  }
}

/** The cached index, or null when it is missing, partly evicted, or stale against the sheet's length. */
export function loadIndex(sheetById: (sheetId: number) => Sheet | null): SearchIndex | null {
  const store = cache();
  if (!store) return null;
  const raw = store.get(META_KEY);
  if (raw === null) return null;
  let meta: Meta;
  try {
    meta = JSON.parse(raw) as Meta;
  } catch {
    return null;
  }
  const keys = Array.from({ length: meta.chunks }, (_, i) => `ct.search.${meta.stamp}.${i}`);
  const found = keys.length > 0 ? store.getAll(keys) : {};
  if (keys.some((k) => found[k] === undefined)) return null;
  const sheet = sheetById(meta.sheetId);
  if (!sheet || sheet.getLastRow() !== meta.lastRow) return null;
  const lines = keys.flatMap((k) => (found[k] === '' ? [] : found[k].split('\n')));
  return new SearchIndex(meta.sheetId, meta.lastRow, { lines });
}

/** Forget the index: the next search rebuilds it. */
export function invalidateSearchIndex(): void {
  cache()?.remove(META_KEY);
}

/** The cached index when it is still good, else a fresh one (built and cached). */
export function searchIndex(clients: Table<'clients'>, now: Date): SearchIndex {
  const cached = loadIndex((id) => (id === clients.sheet.getSheetId() ? clients.sheet : null));
  if (cached) return cached;
  const fresh = buildIndex(clients);
  saveIndex(fresh, now);
  return fresh;
}
