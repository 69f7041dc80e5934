/**
 * A tab's header row as every adapter finds it (core/header-row.ts decides; docs/headers.md): one
 * read of the top rows, whatever the number of data rows. A tab with values but no row naming its
 * columns stops the operation with one sentence naming the tab.
 */
import { HEADER_SCAN_ROWS, findHeaderRow } from '../core/header-row';
import { type Lang, type Message, message, t } from '../core/i18n';
import { type ColumnKey, type HeaderMatch, type TableName, TABLES } from '../core/schema';
import { UserError } from './errors';
import { nameOf } from './tab-names';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetHeader<T extends TableName> {
  /** 1-based sheet row of the header; data starts on the row under it */
  row: number;
  /** the header row's cells, lastColumn wide */
  header: unknown[];
  match: HeaderMatch<ColumnKey<T>>;
  /** 0-based columns holding data under a blank header cell (a merged header cell hides a name) */
  nameless: number[];
  /** rows from the tab's top as read (the header row and up to HEADER_SCAN_ROWS − 1 more) */
  top: unknown[][];
  lastRow: number;
  lastColumn: number;
}

/** "The Clients tab has values but no header row …", with an example of a column name. */
export function noHeaderMessage(sheetName: string, table: TableName, lang: Lang): Message {
  const def = TABLES[table][1];
  return message('error.noHeaderRow', {
    tab: sheetName,
    rows: HEADER_SCAN_ROWS,
    example: t(lang, def.label),
  });
}

/** The header row among `top` (the tab's first rows), or one sentence naming the tab. */
export function headerFromTop<T extends TableName>(
  sheetName: string,
  table: T,
  top: unknown[][],
  lang: Lang,
): { row: number; match: HeaderMatch<ColumnKey<T>>; nameless: number[] } {
  const found = findHeaderRow(table, top);
  if (!found.ok) {
    throw new UserError(lang, noHeaderMessage(sheetName, table, lang));
  }
  return { row: found.row + 1, match: found.match, nameless: found.nameless };
}

function readTop(sheet: Sheet): { top: unknown[][]; lastRow: number; lastColumn: number } {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const top =
    lastRow > 0 && lastColumn > 0
      ? (sheet.getRange(1, 1, Math.min(lastRow, HEADER_SCAN_ROWS), lastColumn).getValues() as unknown[][])
      : [];
  return { top, lastRow, lastColumn };
}

/** Reads the top of a tab (four calls: its length, its width, the rows) and finds its header row, or stops with one sentence. */
export function readSheetHeader<T extends TableName>(sheet: Sheet, table: T, lang: Lang): SheetHeader<T> {
  const { top, lastRow, lastColumn } = readTop(sheet);
  const found = headerFromTop(nameOf(sheet), table, top, lang);
  return { ...found, header: top[found.row - 1] ?? [], top, lastRow, lastColumn };
}

/**
 * The header row alone, for an operation that reads a few rows by number (the sidebar): the tab's
 * length is not needed, so the top rows are read without asking for it — two calls, not three — unless
 * the tab is shorter than the rows scanned (its grid ends above them: then as readSheetHeader).
 */
export function readHeaderOnly<T extends TableName>(
  sheet: Sheet,
  table: T,
  lang: Lang,
): Omit<SheetHeader<T>, 'top' | 'lastRow'> {
  const lastColumn = sheet.getLastColumn();
  let top: unknown[][] = [];
  if (lastColumn > 0) {
    try {
      top = sheet.getRange(1, 1, HEADER_SCAN_ROWS, lastColumn).getValues() as unknown[][];
    } catch {
      return readSheetHeader(sheet, table, lang);
    }
  }
  const found = headerFromTop(nameOf(sheet), table, top, lang);
  return { ...found, header: top[found.row - 1] ?? [], lastColumn };
}

/** readSheetHeader for a trigger, which must never stop on a layout: null when no header is found. */
export function findSheetHeader<T extends TableName>(sheet: Sheet, table: T): SheetHeader<T> | null {
  const { top, lastRow, lastColumn } = readTop(sheet);
  const found = findHeaderRow(table, top);
  if (!found.ok) return null;
  const row = found.row + 1;
  return { row, match: found.match, nameless: found.nameless, header: top[found.row] ?? [], top, lastRow, lastColumn };
}
