/**
 * The row index: client ID (as idKey compares IDs) → the rows of that client in a log (Contacts, and
 * Changes for the reclaim wait of a claim or a hand-over), so the card, a contact's save, a claim and a
 * hand-over read one client's rows instead of the whole Client ID column of the log. One index per
 * log, each kept in the document cache (shared by everyone on the file), in shards of
 * whole clients under CacheService's 100 KB per value: a lookup fetches the meta and one shard.
 * Nothing in it is trusted: each use checks the rows it names, the row it was built up to, and the
 * rows added since (docs/row-index.md says why each check is needed and what each one catches).
 * A missing or evicted cache only costs speed: the Client ID column is read, as without an index.
 * https://developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer)
 */
import { utf8Length } from '../../core/text';
import { idKey } from '../../core/ids';
import { type Table, sheetRow } from '../table';
import { documentCache } from './search-store';

type Cache = GoogleAppsScript.Cache.Cache;

/** The logs with a row index, and where each keeps it in the cache. */
export type LogTable = 'contacts' | 'changes';
const PREFIX: Record<LogTable, string> = { contacts: 'ct.rows', changes: 'ct.changeRows' };
const metaKey = (table: LogTable): string => `${PREFIX[table]}.meta`;
/** The stored layout; a meta of another version is ignored (the index is built again). */
const VERSION = 2;
/** Every use checks the rows against the sheet, so the index may live as long as the cache allows. */
const TTL_SECONDS = 21_600;
/** A shard's target size: room under the 100 KB limit for a client that grows a long history. */
const SHARD_BYTES = 50_000;
const MAX_VALUE_BYTES = 100 * 1024;
/** Well inside the cache's 1,000 items, beside the search index's pieces. */
const MAX_SHARDS = 512;
/** The last rows our own appends wrote that the meta remembers (about 30 bytes each). */
const MAX_TAIL = 200;

/**
 * The tab is not named in the meta: checking its sheet ID would cost a call on every use, and a
 * Contacts tab replaced by another fails the checks on row upTo and on the named rows anyway.
 */
interface Meta {
  v: number;
  stamp: string;
  shards: number;
  /** the farthest row any shard has learned (an edit at or above it may concern a row some shard names) */
  reach: number;
  /**
   * The marks of the last rows our own appends wrote, in row order, the last one being row `tailEnd`:
   * rows appended one after the other with nothing between them. A shard that knows the log up to one
   * of these rows learns the rest from here, checking only the last row (docs/row-index.md, check 3).
   */
  tail: string[];
  tailEnd: number;
}

/** One shard: the clients whose key hashes to it, and how far down the log it is known. */
export interface Shard {
  /** the log's last row this shard has seen: rows below it are read as new */
  upTo: number;
  /** the contact ID and client ID of row upTo when seen: a different pair means rows moved above it */
  mark: string;
  rows: Map<string, number[]>;
}

/** A client's rows as the index has them, to be checked against the cells read. */
export interface IndexedRows {
  /** sheet rows the index names (up to shard.upTo), sorted */
  named: number[];
  /** rows past the index read just now (ID columns only) that hold the client: already checked */
  added: number[];
  /** the sheet's last row now */
  lastRow: number;
  /**
   * The Contact IDs of the rows read just now, down to the log's last row: enough for a new contact's
   * ID, which counts on from the newest ID of its moment (core/ids.ts), so Log contact need not read
   * the log's tail again.
   */
  lastIds: string[];
}

function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function shardKey(table: LogTable, meta: Meta, shard: number): string {
  return `${PREFIX[table]}.${meta.stamp}.${shard}`;
}

function shardOf(meta: Meta, key: string): number {
  return hashOf(key) % meta.shards;
}

/** A row's ID and client ID as the index compares them. */
type RowKeys = readonly [id: string, client: string];

function keysOf(id: unknown, clientId: unknown): RowKeys {
  return [idKey(String(id ?? '')), idKey(String(clientId ?? ''))];
}

/** A row's mark, as shards and the meta's tail keep it (generated IDs hold no '|'). */
function joinMark([id, client]: RowKeys): string {
  return `${id}|${client}`;
}

function splitMark(mark: string): RowKeys {
  const bar = mark.indexOf('|');
  return [mark.slice(0, bar), mark.slice(bar + 1)];
}

function markOf(id: unknown, clientId: unknown): string {
  return joinMark(keysOf(id, clientId));
}

/** Shard text: the upTo row, the mark, then one line per client: key TAB rows (base 36, comma-separated). */
function writeShard(shard: Shard): string {
  const lines = [String(shard.upTo), shard.mark];
  for (const [key, rows] of shard.rows) lines.push(`${key}\t${rows.map((r) => r.toString(36)).join(',')}`);
  return lines.join('\n');
}

function readShard(text: string | null): Shard | null {
  if (text === null) return null;
  const lines = text.split('\n');
  const upTo = Number(lines[0]);
  if (!Number.isInteger(upTo) || lines.length < 2) return null;
  const rows = new Map<string, number[]>();
  for (const line of lines.slice(2)) {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) return null;
    rows.set(
      line.slice(0, tab),
      line
        .slice(tab + 1)
        .split(',')
        .map((r) => parseInt(r, 36)),
    );
  }
  return { upTo, mark: lines[1], rows };
}

function readMeta(cache: Cache, table: LogTable): Meta | null {
  const raw = cache.get(metaKey(table));
  if (raw === null) return null;
  try {
    const meta = JSON.parse(raw) as Meta;
    return meta.v === VERSION && meta.shards > 0 && Array.isArray(meta.tail) ? meta : null;
  } catch {
    return null;
  }
}

/** The shard this execution last used, by client key: a save after a read needs no second fetch. */
let recent: { key: string; sheet: object; loaded: Loaded } | null = null;

/** A log's ID and Client ID columns (both logs have them; ID may be missing from an adopted tab). */
export function idColumns(tbl: Table<LogTable>): { idCol: number | undefined; clientCol: number } {
  const map = tbl.headers.map as Partial<Record<'id' | 'clientId', number>>;
  if (map.clientId === undefined) throw new Error(`${tbl.table}.clientId was not opened`);
  return { idCol: map.id, clientCol: map.clientId };
}

/** The IDs and client IDs of rows first..last of the log (one getValues over the columns between them). */
function readIds(contacts: Table<LogTable>, first: number, last: number): { id: unknown; clientId: unknown }[] {
  if (last < first) return [];
  const { idCol, clientCol } = idColumns(contacts);
  const left = Math.min(idCol ?? clientCol, clientCol);
  const right = Math.max(idCol ?? clientCol, clientCol);
  const cells = contacts.sheet.getRange(first, left + 1, last - first + 1, right - left + 1).getValues();
  return cells.map((r) => ({
    id: idCol === undefined ? '' : r[idCol - left],
    clientId: r[clientCol - left],
  }));
}

/**
 * Builds the index from one read of the Client ID column (the cost a cold cache pays, the same as
 * reading the column to find one client) and stores it in one putAll. Returns every client's rows.
 */
export function buildRowIndex(contacts: Table<LogTable>, cache: Cache | null): Map<string, number[]> {
  recent = null; // a shard read before this build is not the index any more
  const sheet = contacts.sheet;
  const lastRow = sheet.getLastRow();
  const top = sheetRow(contacts, 0);
  const byKey = new Map<string, number[]>();
  if (lastRow >= top) {
    const col = idColumns(contacts).clientCol;
    const ids = sheet.getRange(top, col + 1, lastRow - top + 1, 1).getValues();
    ids.forEach((r, i) => {
      const key = idKey(String(r[0] ?? ''));
      if (key === '') return;
      const rows = byKey.get(key);
      if (rows) rows.push(top + i);
      else byKey.set(key, [top + i]);
    });
  }
  if (cache) store(cache, contacts, byKey, lastRow);
  return byKey;
}

function store(cache: Cache, contacts: Table<LogTable>, byKey: Map<string, number[]>, lastRow: number): void {
  const table = contacts.table;
  const top = sheetRow(contacts, 0);
  const last = lastRow >= top ? readIds(contacts, lastRow, lastRow)[0] : { id: '', clientId: '' };
  const mark = markOf(last.id, last.clientId);
  let bytes = 0;
  for (const [key, rows] of byKey) bytes += key.length + 2 + rows.length * 5;
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  const old = readMeta(cache, table);
  for (let shards = Math.max(1, Math.ceil(bytes / SHARD_BYTES)); shards <= MAX_SHARDS; shards *= 2) {
    const meta: Meta = { v: VERSION, stamp, shards, reach: lastRow, tail: [], tailEnd: lastRow };
    const parts: Shard[] = Array.from({ length: shards }, () => ({ upTo: lastRow, mark, rows: new Map() }));
    for (const [key, rows] of byKey) parts[shardOf(meta, key)].rows.set(key, rows);
    const values: Record<string, string> = { [metaKey(table)]: JSON.stringify(meta) };
    parts.forEach((p, i) => (values[shardKey(table, meta, i)] = writeShard(p)));
    // A client with a very long history can overfill its shard: cut finer.
    if (Object.values(values).some((v) => utf8Length(v) > MAX_VALUE_BYTES)) continue;
    try {
      cache.putAll(values, TTL_SECONDS);
    } catch {
      // A cache that refuses (too many items, a value over the limit) only costs speed.
      cache.remove(metaKey(table));
    }
    if (old) cache.removeAll(Array.from({ length: old.shards }, (_, i) => shardKey(table, old, i)));
    return;
  }
}

/** The index's shard for one client, with what is needed to store it back. */
interface Loaded {
  table: LogTable;
  cache: Cache;
  meta: Meta;
  shard: Shard;
}

function load(contacts: Table<LogTable>, key: string): Loaded | null {
  recent = null;
  const table = contacts.table;
  const cache = documentCache();
  const meta = cache && readMeta(cache, table);
  if (!cache || !meta) return null;
  const shard = readShard(cache.get(shardKey(table, meta, shardOf(meta, key))));
  if (!shard) return null;
  const loaded = { table, cache, meta, shard };
  recent = { key, sheet: contacts.sheet, loaded };
  return loaded;
}

function save(loaded: Loaded, key: string): void {
  const { table, cache, meta, shard } = loaded;
  const text = writeShard(shard);
  try {
    if (utf8Length(text) <= MAX_VALUE_BYTES) {
      meta.reach = Math.max(meta.reach, shard.upTo);
      cache.putAll(
        { [metaKey(table)]: JSON.stringify(meta), [shardKey(table, meta, shardOf(meta, key))]: text },
        TTL_SECONDS,
      );
      return;
    }
  } catch {
    // fall through: the shard could not be stored, so the index cannot be trusted for these clients
  }
  dropRowIndex(table);
}

/**
 * The rows of one client as the cached index has them, once the parts that can be checked without
 * reading the client's rows are checked: the log is no shorter than the index knew, row upTo still
 * holds the contact it held (no row was inserted or deleted above it), and the rows added since are
 * read (their ID columns only) and those of this client added. null: no usable index (build one).
 * The caller checks every named row against the cells it reads (docs/row-index.md).
 */
export function indexedRows(contacts: Table<LogTable>, clientId: string): IndexedRows | null {
  const key = idKey(clientId);
  const loaded = load(contacts, key);
  if (!loaded) return null;
  const { shard, meta } = loaded;
  const lastRow = contacts.sheet.getLastRow();
  const top = sheetRow(contacts, 0);
  if (lastRow < shard.upTo) return forget();
  const added: number[] = [];
  const lastIds: string[] = [];
  if (lastRow >= top) {
    // The rows past upTo, as [ID key, client key], from the meta's tail or else read.
    const since = shard.upTo >= top ? vouchedRows(contacts, meta, shard.upTo, lastRow) : null;
    const from = Math.max(shard.upTo, top);
    let rows: RowKeys[];
    if (since) rows = since;
    else {
      const read = readIds(contacts, from, lastRow).map((r) => keysOf(r.id, r.clientId));
      // Row upTo comes first when the shard knows any row: it must still hold the mark.
      const known = shard.upTo >= top;
      if (known && joinMark(read[0]) !== shard.mark) return forget();
      if (known) lastIds.push(read[0][0]);
      rows = known ? read.slice(1) : read;
    }
    for (const [id] of rows) lastIds.push(id);
    if (lastRow > shard.upTo) {
      // What was learnt is kept for every client of this shard, so the next use of it reads only the
      // rows added after these.
      const here = shardOf(meta, key);
      const first = lastRow - rows.length + 1;
      rows.forEach(([, other], i) => {
        if (other === '') return;
        if (other === key) added.push(first + i);
        if (shardOf(meta, other) === here) appendRow(shard, other, first + i);
      });
      shard.upTo = lastRow;
      shard.mark = joinMark(rows[rows.length - 1]);
      save(loaded, key);
    }
  }
  const named = (shard.rows.get(key) ?? []).filter((r) => !added.includes(r));
  return { named, added, lastRow, lastIds };
}

/**
 * Rows after..last as our own appends wrote them, when the meta's tail holds every one of them and row
 * `last` still holds what the tail says (one row read instead of all of them); else null. A row added
 * or removed any other way since makes the log end elsewhere or hold another row last.
 */
function vouchedRows(log: Table<LogTable>, meta: Meta, after: number, last: number): RowKeys[] | null {
  const firstKept = meta.tailEnd - meta.tail.length + 1;
  if (last <= after || last !== meta.tailEnd || after + 1 < firstKept) return null;
  const marks = meta.tail.slice(after + 1 - firstKept);
  const [now] = readIds(log, last, last);
  if (markOf(now.id, now.clientId) !== marks[marks.length - 1]) return null;
  return marks.map(splitMark);
}

/** No usable index: nothing read from it may be saved back later in this execution. */
function forget(): null {
  recent = null;
  return null;
}

function appendRow(shard: Shard, key: string, row: number): void {
  const rows = shard.rows.get(key);
  if (!rows) shard.rows.set(key, [row]);
  else if (!rows.includes(row)) rows.push(row);
}

/**
 * After our own append of rows to a log (under the document lock), `first` being the sheet row of the
 * first: the meta's tail remembers them, so a shard that knew the log up to the row before them
 * learns them without reading them; the shard this execution used learns them now, when it knew the
 * log up to the row before them. A missing index learns nothing: it is built from the log.
 */
export function noteAppended(
  log: Table<LogTable>,
  first: number,
  rows: readonly { id: string; clientId: string }[],
): void {
  // The rows are written already: a cache that fails here must not turn the save into an error.
  try {
    learnAppended(log, first, rows);
  } catch {
    try {
      dropRowIndex(log.table);
    } catch {
      // Left as it is, the index still ends before these rows: the next use reads them.
    }
  }
}

function learnAppended(log: Table<LogTable>, first: number, rows: readonly { id: string; clientId: string }[]): void {
  if (rows.length === 0 || first < 1) return;
  const cache = documentCache();
  const loaded = recent && recent.sheet === log.sheet && recent.loaded.table === log.table ? recent.loaded : null;
  const meta = loaded ? loaded.meta : cache && readMeta(cache, log.table);
  if (!cache || !meta) return;
  const marks = rows.map((r) => markOf(r.id, r.clientId));
  const last = first + rows.length - 1;
  meta.tail = (meta.tailEnd === first - 1 ? [...meta.tail, ...marks] : marks).slice(-MAX_TAIL);
  meta.tailEnd = last;
  meta.reach = Math.max(meta.reach, last);
  const values: Record<string, string> = { [metaKey(log.table)]: JSON.stringify(meta) };
  if (loaded && recent && loaded.shard.upTo === first - 1) {
    const here = shardOf(meta, recent.key);
    rows.forEach((r, i) => {
      const key = idKey(r.clientId);
      if (key !== '' && shardOf(meta, key) === here) appendRow(loaded.shard, key, first + i);
    });
    loaded.shard.upTo = last;
    loaded.shard.mark = marks[marks.length - 1];
    const text = writeShard(loaded.shard);
    if (utf8Length(text) > MAX_VALUE_BYTES) throw new Error('the shard outgrew a cache value');
    values[shardKey(log.table, meta, here)] = text;
  }
  cache.putAll(values, TTL_SECONDS);
}

/**
 * An edit typed into a log: rows the index already covers may have changed client (or moved), so
 * the index is dropped when the edit reaches the ID or Client ID column at or above the farthest row
 * it knows. Rows typed below it are found as new rows by the next use, so the index stays.
 */
export function logEdited(
  table: LogTable,
  edit: { first: number; left: number; right: number },
  columns: readonly (number | undefined)[],
): void {
  const cache = documentCache();
  const meta = cache && readMeta(cache, table);
  if (!cache || !meta) return;
  const touches = columns.some((c) => c === undefined || (c >= edit.left && c < edit.right));
  if (touches && edit.first <= meta.reach) dropRowIndex(table);
}

/** Forget a log's row index (the next use builds it again). */
export function dropRowIndex(table: LogTable): void {
  const cache = documentCache();
  const meta = cache && readMeta(cache, table);
  if (!cache) return;
  const shards = meta ? Array.from({ length: meta.shards }, (_, i) => shardKey(table, meta, i)) : [];
  cache.removeAll([metaKey(table), ...shards]);
}

/** Builds and caches a log's index unless one is cached (the sidebar opening, like the search index). */
export function warmRowIndex(log: Table<LogTable>): void {
  const cache = documentCache();
  const meta = cache && readMeta(cache, log.table);
  if (!cache || meta) return;
  buildRowIndex(log, cache);
}
