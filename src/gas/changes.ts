/**
 * The Changes tab (变更记录): every change that is not a contact — IDs assigned, grade changes, pool
 * release and claim, reassignment — one row each, so contact counts stay honest and every automatic
 * change is traceable. Rows are appended in one write per operation.
 */
import { gridOfRows } from '../core/grid';
import { type Message, message, render, t } from '../core/i18n';
import { idGenerator } from '../core/ids';
import { type ChangeKind, type ColumnKey, column, label, parseEnum, tabName } from '../core/schema';
import type { WorkbookContext } from './context';
import { UserError } from './errors';
import { readSheetHeader } from './header-row';
import { type Table, appendRecords, findTab, nameOf } from './table';
import { noteAppended } from './sidebar/row-index';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ChangeEntry {
  clientId: string;
  what: ChangeKind;
  old: string;
  new: string;
  /** A Team name; automatic changes (the rules, the pool) are made by Client Tracker itself. */
  by?: string;
  /** Why, as a sentence in the workbook's language (a Message is rendered in it). */
  reason: Message | string;
  /** When it happened, if not now: a move a contact implies happened at the contact. */
  at?: Date;
}

/** The Changes tab, opened for appending: its header is checked and its IDs read, nothing written yet. */
export interface ChangeLog {
  /** The tab as opened: its header mapped, no data rows read (changesOfClient reads from it). */
  readonly table: Table<'changes'>;
  /** The tab's last row when it was opened. */
  readonly lastRow: number;
  /** Appends the rows in one write; returns their new IDs. */
  /** Appends the rows in one write; their IDs, and the sheet row of the first (0 when none). */
  append(changes: readonly ChangeEntry[]): { ids: string[]; first: number };
}

/** How many IDs at the end of the Changes tab are read before appending. */
const RECENT_IDS = 200;

const REQUIRED: readonly ColumnKey<'changes'>[] = ['id', 'date', 'clientId', 'what', 'old', 'new', 'by', 'reason'];

/**
 * Opens the Changes tab. Call it before writing anything else in an operation: a missing tab or column
 * stops the operation with one sentence while nothing has been written yet.
 */
export function openChangeLog(sheets: Map<string, Sheet>, ctx: WorkbookContext): ChangeLog {
  const sheet = findTab(sheets, 'changes');
  if (!sheet) throw new UserError(ctx.lang, message('error.missingTab', { tab: tabName('changes', ctx.lang) }));
  const found = readSheetHeader(sheet, 'changes', ctx.lang);
  const { header, lastColumn, lastRow, row: headerRow } = found;
  const headers = found.match;
  for (const key of REQUIRED) {
    if (headers.map[key] === undefined) {
      const def = column('changes', key);
      throw new UserError(
        ctx.lang,
        message('error.missingColumn', { tab: nameOf(sheet), column: t(ctx.lang, def.label) }),
      );
    }
  }
  const idCol = headers.map.id as number;
  // The IDs at the end of the log: a new ID carries this moment and counts on from the last one made
  // in it (src/core/ids.ts), so the tail is enough and the read does not grow with the log.
  const tail = Math.min(RECENT_IDS, lastRow - headerRow);
  const existing =
    tail > 0
      ? sheet
          .getRange(lastRow - tail + 1, idCol + 1, tail, 1)
          .getValues()
          .map((row) => String(row[0]))
      : [];
  const table: Table<'changes'> = {
    table: 'changes',
    sheet,
    grid: gridOfRows([header]),
    lastColumn,
    headerRow,
    headers,
    records: [],
    problems: [],
  };
  return {
    table,
    lastRow,
    append(changes) {
      if (changes.length === 0) return { ids: [], first: 0 };
      const ids = idGenerator('X', existing, ctx.now);
      const by = t(ctx.lang, 'app.name');
      const records = changes.map((change) => {
        const id = ids.next();
        existing.push(id);
        return {
          id,
          date: change.at ?? ctx.now,
          clientId: change.clientId,
          what: label('changeKinds', change.what, ctx.lang),
          old: cellValue(change.what, change.old, ctx.lang),
          new: cellValue(change.what, change.new, ctx.lang),
          by: change.by ?? by,
          reason: typeof change.reason === 'string' ? change.reason : render(ctx.lang, change.reason),
        };
      });
      const first = appendRecords(table, records);
      // The Changes row index learns the rows from here, not by reading them again (docs/row-index.md).
      noteAppended(table, first, records);
      return { ids: records.map((r) => r.id), first };
    },
  };
}

/** A stage move's values as the Stage cells show them (the rules hand over codes); other values as they are. */
function cellValue(what: ChangeKind, value: string, lang: WorkbookContext['lang']): string {
  if (what !== 'stageChange') return value;
  const stage = parseEnum('stages', value);
  return stage === null ? value : label('stages', stage, lang);
}
