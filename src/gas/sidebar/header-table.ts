/**
 * A tab opened by its header row only (found by the header finder, header-row.ts). The sidebar touches one client and appends one row, so it
 * reads the header (to find columns by name) and the few cells it needs, never the whole tab:
 * its Spreadsheet calls stay the same at 100 and at 50,000 clients.
 */
import { gridOfRows } from '../../core/grid';
import { type Lang, message, t } from '../../core/i18n';
import { type ColumnKey, type TableName, column, tabName } from '../../core/schema';
import { UserError } from '../errors';
import { readHeaderOnly } from '../header-row';
import { type Table, findTab, nameOf } from '../table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The tab's header row mapped to columns, as a Table with no data rows read (appendRecords and
 * columnIndex work on it). A missing tab or needed column is one sentence, before anything is written.
 */
export function openHeader<T extends TableName>(
  sheets: Map<string, Sheet>,
  table: T,
  opts: { lang: Lang; needs?: readonly ColumnKey<T>[] },
): Table<T> {
  const sheet = findTab(sheets, table);
  if (!sheet) throw new UserError(opts.lang, message('error.missingTab', { tab: tabName(table, opts.lang) }));
  const found = readHeaderOnly(sheet, table, opts.lang);
  const width = found.lastColumn;
  const headers = found.match;
  const needed = new Set<ColumnKey<T>>([...headers.missingRequired, ...(opts.needs ?? [])]);
  for (const key of needed) {
    if (headers.map[key] === undefined) {
      const def = column(table, key);
      throw new UserError(
        opts.lang,
        message('error.missingColumn', { tab: nameOf(sheet), column: t(opts.lang, def.label) }),
      );
    }
  }
  return {
    table,
    sheet,
    headers,
    grid: gridOfRows([found.header]),
    lastColumn: width,
    headerRow: found.row,
    records: [],
    problems: [],
  };
}

/** The IDs in the last `count` rows of a tab: enough to keep a new time-stamped ID unique. */
export function recentIds<T extends TableName>(tbl: Table<T>, idKey: ColumnKey<T>, count = 50): string[] {
  const index = tbl.headers.map[idKey];
  const last = tbl.sheet.getLastRow();
  if (index === undefined || last <= tbl.headerRow) return [];
  const first = Math.max(tbl.headerRow + 1, last - count + 1);
  return tbl.sheet
    .getRange(first, index + 1, last - first + 1, 1)
    .getValues()
    .map((r) => String(r[0]));
}
