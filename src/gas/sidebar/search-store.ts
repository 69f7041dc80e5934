/**
 * How the client index sits in the document cache: each text (the fields, then the keys that differ
 * from their field) in pieces of whole lines, one cache value per piece (under 100 KB each), and a
 * meta naming them. Everything is written in one putAll, so a reader sees all of an index or none;
 * the pieces of the index a save replaces are removed, so the cache does not fill with old ones.
 * https://developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer)
 */
import { IndexTexts, FIELDS, type Field, KEYS, KEY_SOURCE, type KeyLines } from './search-columns';
import { Lines } from './search-lines';

type Cache = GoogleAppsScript.Cache.Cache;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const META_KEY = 'ct.search.meta';
/** The stored layout; a meta of another version is ignored (the index is built again). */
const VERSION = 3;
const TTL_SECONDS = 900;
const ID_TEXT = FIELDS.indexOf('id');

export interface StoredIndex {
  sheetId: number;
  /** Clients' last row when built: a different one means rows were added or removed since */
  lastRow: number;
  columns: IndexTexts;
}

interface Meta {
  v: number;
  sheetId: number;
  lastRow: number;
  rows: number;
  /** the sheet row of the first indexed row (the row under the header) */
  firstRow: number;
  stamp: string;
  /** per stored text (FIELDS, then KEYS): lines in each of its pieces; null for a key equal to its field */
  texts: (number[] | null)[];
}

export function documentCache(): Cache | null {
  return CacheService.getDocumentCache();
}

function pieceKey(stamp: string, text: number, piece: number): string {
  return `ct.search.${stamp}.${text}.${piece}`;
}

function pieceKeys(meta: Meta, texts: readonly number[]): string[] {
  return texts.flatMap((i) => (meta.texts[i] ?? []).map((_, p) => pieceKey(meta.stamp, i, p)));
}

const ALL_TEXTS = [...FIELDS, ...KEYS].map((_, i) => i);

function readMeta(raw: string | null): Meta | null {
  if (raw === null) return null;
  try {
    const meta = JSON.parse(raw) as Meta;
    if (meta.v !== VERSION || meta.texts?.length !== ALL_TEXTS.length) return null;
    return meta;
  } catch {
    return null;
  }
}

/** The texts to store: every field, and each key unless it is its field's text (IDs already upper-case…). */
function storedTexts(columns: IndexTexts): (Lines | null)[] {
  return [
    ...FIELDS.map((f) => columns.fields[f]),
    ...KEYS.map((k) => {
      const key = columns.key(k);
      const field = columns.fields[KEY_SOURCE[k]];
      return key === field || key.pieces.every((p, i) => p === field.pieces[i]) ? null : key;
    }),
  ];
}

/** Stores the index in one putAll, then removes the pieces of the one it replaces. */
export function storeIndex(cache: Cache, index: StoredIndex, now: Date): void {
  const old = readMeta(cache.get(META_KEY));
  // Two saves in the same millisecond must not share piece keys.
  const stamp = `${now.getTime().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  const values: Record<string, string> = {};
  const texts = storedTexts(index.columns).map((lines, i) => {
    if (lines === null) return null;
    // A change of case or width can lengthen a key past a piece's size: cut it again.
    const fitting = lines.fits() ? lines : Lines.of(lines.whole(), lines.rows);
    fitting.pieces.forEach((piece, p) => (values[pieceKey(stamp, i, p)] = piece));
    return [...fitting.counts];
  });
  const { sheetId, lastRow, columns } = index;
  const meta: Meta = { v: VERSION, sheetId, lastRow, rows: columns.rows, firstRow: columns.firstRow, stamp, texts };
  values[META_KEY] = JSON.stringify(meta);
  try {
    cache.putAll(values, TTL_SECONDS);
  } catch {
    // A cache that refuses (too many items, a value over the limit) only costs speed: search reads the sheet.
    cache.remove(META_KEY);
  }
  if (old) cache.removeAll(pieceKeys(old, ALL_TEXTS));
}

/** The meta of the cached index while Clients still has the length it had then; else null. */
function currentMeta(cache: Cache, sheetById: (sheetId: number) => Sheet | null): Meta | null {
  const meta = readMeta(cache.get(META_KEY));
  if (meta === null) return null;
  const sheet = sheetById(meta.sheetId);
  return sheet && sheet.getLastRow() === meta.lastRow ? meta : null;
}

/** Whether an index is cached for Clients as long as it is now (its pieces are not fetched). */
export function hasCurrentIndex(cache: Cache, sheetById: (sheetId: number) => Sheet | null): boolean {
  return currentMeta(cache, sheetById) !== null;
}

/** Some of the stored texts, or null when a piece was evicted. */
function fetchTexts(cache: Cache, meta: Meta, which: readonly number[]): Map<number, Lines> | null {
  const keys = pieceKeys(meta, which);
  const found = keys.length > 0 ? cache.getAll(keys) : {};
  if (keys.some((k) => found[k] === undefined)) return null;
  const texts = new Map<number, Lines>();
  for (const i of which) {
    const counts = meta.texts[i];
    if (counts)
      texts.set(
        i,
        new Lines(
          counts.map((_, p) => found[pieceKey(meta.stamp, i, p)]),
          counts,
        ),
      );
  }
  return texts;
}

/** The cached index, or null when it is missing, partly evicted, or stale against the sheet's length. */
export function fetchIndex(cache: Cache, sheetById: (sheetId: number) => Sheet | null): StoredIndex | null {
  const meta = currentMeta(cache, sheetById);
  const texts = meta && fetchTexts(cache, meta, ALL_TEXTS);
  if (!meta || !texts) return null;
  const fields = Object.fromEntries(FIELDS.map((f, i) => [f, texts.get(i) ?? Lines.blank(meta.rows)])) as Record<
    Field,
    Lines
  >;
  const keys: KeyLines = {};
  KEYS.forEach((k, i) => (keys[k] = texts.get(FIELDS.length + i) ?? fields[KEY_SOURCE[k]]));
  return {
    sheetId: meta.sheetId,
    lastRow: meta.lastRow,
    columns: new IndexTexts(meta.rows, fields, keys, meta.firstRow),
  };
}

/** The IDs of the cached index (only their pieces are fetched), or null as fetchIndex. */
export function fetchIds(cache: Cache, sheetById: (sheetId: number) => Sheet | null): Lines | null {
  const meta = currentMeta(cache, sheetById);
  const texts = meta && fetchTexts(cache, meta, [ID_TEXT]);
  return texts?.get(ID_TEXT) ?? null;
}

/** Removes the cached index, pieces and all. */
export function dropIndex(cache: Cache): void {
  const meta = readMeta(cache.get(META_KEY));
  cache.removeAll([META_KEY, ...(meta ? pieceKeys(meta, ALL_TEXTS) : [])]);
}
