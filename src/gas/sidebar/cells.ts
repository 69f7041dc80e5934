/**
 * How the sidebar's values go into cells. What a person typed is stored as text, always: a leading
 * apostrophe marks a cell as text and is not part of its value (APPS_SCRIPT.md item 11), so
 * "=IMPORTXML(…)", "+1", "0138…", "9:00 AM" or "March 1" come back exactly as typed — Sheets
 * parses more than any list of patterns can predict (times, month names, locale formats).
 * Only text already at Sheets' 50,000-character limit goes without it: no text that long parses.
 */
import type { ColumnDef, ColumnKey, TableName } from '../../core/schema';
import { TABLES } from '../../core/schema';
import { type Table, asText } from '../table';

export const MAX_CELL_CHARS = 50_000;

/** A person's text as written to a cell. */
export function typedText(text: string): string {
  if (text === '') return '';
  return text.length >= MAX_CELL_CHARS ? asText(text) : `'${text}`;
}

/** Whether the text fits in a cell as it will be written (a needed apostrophe counts at the limit). */
export function fitsInCell(text: string): boolean {
  return text.length < MAX_CELL_CHARS || asText(text).length <= MAX_CELL_CHARS;
}

/** A field's value as its cell should receive it: Dates as Dates, numbers as numbers, text as text. */
export function cellFor(def: ColumnDef, value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  const free = def.type === 'text' || def.type === 'plainText' || def.type === 'person';
  if (typeof value === 'number' || typeof value === 'boolean') return free ? typedText(String(value)) : value;
  return free ? typedText(String(value)) : asText(String(value));
}

/**
 * Appends one record below the last row in one write, each field under its own header; the user's
 * own columns stay blank. Grows the sheet first when the grid is full. Returns the new row.
 */
export function appendRecord<T extends TableName>(
  tbl: Table<T>,
  record: Partial<Record<ColumnKey<T>, unknown>>,
): number {
  const row: unknown[] = new Array(tbl.lastColumn).fill('');
  for (const def of TABLES[tbl.table] as readonly ColumnDef[]) {
    const index = tbl.headers.map[def.key as ColumnKey<T>];
    if (index !== undefined && def.key in record) row[index] = cellFor(def, record[def.key as ColumnKey<T>]);
  }
  const sheet = tbl.sheet;
  const first = sheet.getLastRow() + 1;
  if (sheet.getMaxRows() < first) sheet.insertRowsAfter(sheet.getMaxRows(), first - sheet.getMaxRows());
  sheet.getRange(first, 1, 1, tbl.lastColumn).setValues([row]);
  return first;
}
