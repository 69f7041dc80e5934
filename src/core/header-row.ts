/**
 * Which row of a tab is its header: the one header finder that setup, every table read, search,
 * onEdit, the CLI and (later) the import share (docs/headers.md). Teams put a title above their
 * table ("Client register 2026" on row 1, the column names on row 3); the header is the row among
 * the first HEADER_SCAN_ROWS that names the most of the table's columns, the topmost on a tie. Data
 * starts on the row under it.
 */
import { type ColumnKey, type HeaderMatch, type TableName, findHeaders } from './schema';

/** How far down a header row is looked for. */
export const HEADER_SCAN_ROWS = 10;

export type HeaderRowSearch<T extends TableName> =
  /** `row`: 0-based index of the header among the rows given (0 = the tab's first row) */
  | { ok: true; row: number; match: HeaderMatch<ColumnKey<T>>; nameless: number[] }
  /** values near the top, but no row names any column (and none can be taken as the user's own header) */
  | { ok: false };

function isBlankCell(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function filledCount(row: readonly unknown[] | undefined): number {
  let n = 0;
  for (const v of row ?? []) if (!isBlankCell(v)) n++;
  return n;
}

/**
 * Finds the header among the top rows of a tab (`top`: the first rows as getValues returns them, at
 * least HEADER_SCAN_ROWS of them when the tab has that many). An empty tab has its header on row 1
 * (setup writes it there). When no row names a column, the first row is the user's own header if it
 * is as wide as the rows under it (a table of the user's own columns); a lone title over wider rows
 * is not a header, and neither is a blank first row over values: then `{ ok: false }`.
 *
 * `nameless`: 0-based columns between the header's first and last names whose header cell is blank
 * while a row under it holds a value — what a header cell merged over two columns leaves (the
 * second column's name is hidden under the merge).
 */
export function findHeaderRow<T extends TableName>(table: T, top: readonly (readonly unknown[])[]): HeaderRowSearch<T> {
  return findHeaderRowBy(
    top,
    (row) => findHeaders(table, row),
    (match) => Object.keys(match.map).length,
  );
}

export type HeaderSearch<M> = { ok: true; row: number; match: M; nameless: number[] } | { ok: false };

/**
 * The same search with another reading of a row (the import maps a list's headers onto both Clients
 * and Contacts): `match` reads a row, `named` says how many columns it named.
 */
export function findHeaderRowBy<M>(
  top: readonly (readonly unknown[])[],
  match: (row: readonly unknown[]) => M,
  named: (match: M) => number,
): HeaderSearch<M> {
  const scan = Math.min(top.length, HEADER_SCAN_ROWS);
  let best = -1;
  let bestCount = 0;
  let bestMatch: M | null = null;
  for (let r = 0; r < scan; r++) {
    if (filledCount(top[r]) === 0) continue;
    const found = match(top[r]);
    const count = named(found);
    if (count > bestCount) {
      best = r;
      bestCount = count;
      bestMatch = found;
    }
  }
  if (best < 0 || bestMatch === null) {
    if (scan === 0 || top.slice(0, scan).every((row) => filledCount(row) === 0)) {
      return { ok: true, row: 0, match: match([]), nameless: [] };
    }
    const first = filledCount(top[0]);
    const widest = Math.max(...top.slice(1, scan).map(filledCount), 0);
    if (first === 0 || (first === 1 && widest > 1)) return { ok: false };
    best = 0;
    bestMatch = match(top[0]);
  }
  return { ok: true, row: best, match: bestMatch, nameless: namelessColumns(top, best, scan) };
}

function namelessColumns(top: readonly (readonly unknown[])[], row: number, scan: number): number[] {
  const header = top[row] ?? [];
  let first = -1;
  let last = -1;
  header.forEach((v, c) => {
    if (isBlankCell(v)) return;
    if (first < 0) first = c;
    last = c;
  });
  const out: number[] = [];
  for (let c = first + 1; c < last; c++) {
    if (!isBlankCell(header[c])) continue;
    for (let r = row + 1; r < scan; r++) {
      if (!isBlankCell(top[r]?.[c])) {
        out.push(c);
        break;
      }
    }
  }
  return out;
}

/** A column's letters, 0-based (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
