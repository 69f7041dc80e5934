/**
 * onEdit, a simple trigger: when someone edits rows of the Clients tab, their computed cells follow at
 * once — Grade from the qualification facts, Status from the Stage (Won / Lost) and the row's dates,
 * Pool release, and an ID for a row typed in without one (recorded on the Changes tab). A Stage typed
 * or pasted is logged as a move on Changes against Stage recorded, and a plan typed into Next
 * follow-up / Next topic as "Next step set" against Plan recorded, as Refresh would log them.
 * What the rules make of the rows is ./typed-clients.ts, which an update import runs too (docs/import.md).
 *
 * It runs in AuthMode.LIMITED within 30 seconds, so it reads only the edited rows and the header (a
 * constant number of calls, whatever the size of the sheet), never the contact log (the next Refresh
 * or the sidebar picks up contacts), and never touches services that need authorization. Its errors
 * are invisible to the user, so bad data is left for Refresh to report; nothing is written unless
 * every read and check succeeded, and only computed cells are written.
 * https://developers.google.com/apps-script/guides/triggers#onedite
 */
import { invalidateSearchIndex } from './sidebar/search-index';
import { type LogTable, logEdited } from './sidebar/row-index';
import { type Lang, langFromLocale, langsFrom } from '../core/i18n';
import { readTable } from '../core/records';
import {
  type ColumnKey,
  type TableName,
  TABS,
  findHeaders,
  labelsOf,
  matchTabName,
  parseEnum,
  tabName,
} from '../core/schema';
import type { Settings } from '../core/settings';
import { findSheetHeader } from './header-row';
import { type ChangeEntry, openChangeLog } from './changes';
import { type WorkbookContext, storedLanguage } from './context';
import { clientIdSource } from './client-ids';
import { withDocumentLock } from './lock';
import { settingsFromTab } from './settings-tab';
import { sheetsByName, writeCells } from './table';
import { applyTypedContacts } from './typed-contacts';
import { recomputeTypedRows } from './typed-clients';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Leaves most of the 30 s to the work itself; a Refresh holding the lock longer covers the edit anyway. */
const LOCK_WAIT_MS = 10_000;

export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  try {
    recomputeEditedRows(e);
  } catch {
    // Nobody sees a simple trigger's errors; every write comes after all reads and checks, so an error
    // leaves the sheet as it was and the next Refresh reports whatever was wrong.
  }
}

/** A tab by its canonical name in any language, the reader's first: one call per language, not one per tab. */
function canonicalTab(ss: Spreadsheet, table: TableName, lang: Lang): Sheet | null {
  for (const name of langsFrom(lang).map((l) => tabName(table, l))) {
    const sheet = ss.getSheetByName(name);
    if (sheet) return sheet;
  }
  return null;
}

function isClientsTab(ss: Spreadsheet, name: string): boolean {
  if (labelsOf(TABS.clients.label).includes(name)) return true;
  if (matchTabName('clients', [name]) === null) return false;
  // An adopted tab (客户跟踪表, Customers …) is the Clients tab only when there is no canonical one.
  return canonicalTab(ss, 'clients', 'en') === null;
}

function isLogTab(ss: Spreadsheet, table: LogTable, name: string): boolean {
  if (labelsOf(TABS[table].label).includes(name)) return true;
  if (matchTabName(table, [name]) === null) return false;
  return canonicalTab(ss, table, 'en') === null;
}

/**
 * An edit typed into Changes (it is a record, but an editor can type into it): the rows the Changes
 * row index names may have moved to another client, as for Contacts (docs/row-index.md).
 */
function noteEditedChanges(range: GoogleAppsScript.Spreadsheet.Range): void {
  const found = findSheetHeader(range.getSheet(), 'changes');
  if (found === null) return;
  const left = range.getColumn() - 1;
  const map = findHeaders('changes', found.header).map;
  const first = Math.max(range.getRow(), found.row + 1);
  logEdited('changes', { first, left, right: left + range.getNumColumns() }, [map.id, map.clientId]);
}

/** Rows typed or pasted into Contacts: applied to their clients as the sidebar would (typed-contacts.ts). */
function applyEditedContacts(ss: Spreadsheet, range: GoogleAppsScript.Spreadsheet.Range): void {
  const top = range.getRow();
  const last = top + range.getNumRows() - 1;
  const found = findSheetHeader(range.getSheet(), 'contacts');
  const first = Math.max(top, (found?.row ?? 1) + 1);
  if (found === null || last < first) return;
  const lang = storedLanguage() ?? langFromLocale(ss.getSpreadsheetLocale());
  const ctx: WorkbookContext = { ss, tz: ss.getSpreadsheetTimeZone(), lang, now: new Date() };
  const left = range.getColumn() - 1;
  const edit = { first, count: last - first + 1, left, right: left + range.getNumColumns() };
  const map = findHeaders('contacts', found.header).map;
  logEdited('contacts', edit, [map.id, map.clientId]);
  applyTypedContacts(sheetsByName(ss, lang), edit, ctx, readSettingsQuietly(ss, lang), LOCK_WAIT_MS);
}

/** An edit finds the tab by its canonical names (a lookup or two, not a list of every tab). */
function readSettingsQuietly(ss: Spreadsheet, lang: Lang): Settings {
  return settingsFromTab(canonicalTab(ss, 'settings', lang), lang, 'defaults').settings;
}

function recomputeEditedRows(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const ss = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
  const name = sheet.getName();
  if (isLogTab(ss, 'contacts', name)) {
    applyEditedContacts(ss, range);
    return;
  }
  if (isLogTab(ss, 'changes', name)) {
    noteEditedChanges(range);
    return;
  }
  if (!isClientsTab(ss, name)) return;
  const top = range.getRow();
  const last = top + range.getNumRows() - 1;
  const found = findSheetHeader(sheet, 'clients');
  const first = Math.max(top, (found?.row ?? 1) + 1);
  const width = found?.lastColumn ?? 0;
  if (found === null || last < first || width === 0) {
    // The header row was edited (a column may now be found under another name), or the tab emptied.
    invalidateSearchIndex();
    return;
  }
  const header = found.header;
  // Names, phones and owners typed into the sheet must reach the sidebar's search at once; a Stage
  // or a date typed in leaves the index as it is (before the lock: a busy lock must not keep it stale).
  const map = findHeaders('clients', header).map;
  const left = range.getColumn() - 1;
  const edited: EditedColumns = { left, right: left + range.getNumColumns() };
  if (SEARCHED.some((key) => map[key] === undefined || editedColumn(edited, map[key]))) invalidateSearchIndex();
  const lang = storedLanguage() ?? langFromLocale(ss.getSpreadsheetLocale());
  const ctx: WorkbookContext = { ss, tz: ss.getSpreadsheetTimeZone(), lang, now: new Date() };
  withDocumentLock(
    lang,
    () => recompute(e, sheet, header, { first, count: last - first + 1, width, edited }, ctx),
    LOCK_WAIT_MS,
  );
}

/** The Clients columns the sidebar's search index holds (src/gas/sidebar/search-columns.ts). */
const SEARCHED: readonly ColumnKey<'clients'>[] = ['id', 'name', 'contact', 'phone', 'email', 'owner', 'nextOwner'];

interface Block {
  first: number;
  count: number;
  width: number;
  edited: EditedColumns;
}

/** The 0-based columns the edit covered, [left, right), read once from the event's range. */
interface EditedColumns {
  left: number;
  right: number;
}

/** Whether the edit covered a column (0-based). */
function editedColumn(edited: EditedColumns, col: number): boolean {
  return col >= edited.left && col < edited.right;
}

function recompute(
  e: GoogleAppsScript.Events.SheetsOnEdit,
  sheet: Sheet,
  header: unknown[],
  block: Block,
  ctx: WorkbookContext,
): void {
  const { ss, tz, lang } = ctx;
  const map = findHeaders('clients', header).map;
  if (map.id === undefined || map.name === undefined) return;
  const idCol = map.id;
  const rows = sheet.getRange(block.first, 1, block.count, block.width).getValues() as unknown[][];
  const records = readTable('clients', [header, ...rows], tz, lang, block.first - 1).records;
  if (records.every((r) => r === null)) return; // rows cleared: nothing to compute
  if (map.grade !== undefined && editedColumn(block.edited, map.grade)) {
    // Someone typed over Grade: the grade before was the cell's old value, known only for one cell.
    const before = e.value !== undefined ? parseEnum('grades', e.oldValue ?? '') : null;
    for (const record of records) if (record) record.grade = before;
  }
  const needIds = records.some((r) => r !== null && r.id === '');
  let takenIds: string[] = [];
  if (needIds) {
    // New IDs must not repeat any ID of the tab: one read of the ID column.
    const lastRow = sheet.getLastRow();
    takenIds =
      lastRow > 1
        ? sheet
            .getRange(2, idCol + 1, lastRow - 1, 1)
            .getValues()
            .map((r) => String(r[0]))
        : [];
  }
  const settings = readSettingsQuietly(ss, lang);
  // A typed row without an ID gets the next one (Settings ▸ Client number prefix), under the lock.
  const ids = needIds ? clientIdSource(settings, ctx) : null;
  const { planned, changes: moves } = recomputeTypedRows(rows, records, map, settings, ctx, {
    takenIds,
    clientIds: ids?.generator,
  });
  // A row the index holds without an ID gets one: the index must learn it.
  if (planned.has('id')) invalidateSearchIndex();
  if (planned.size === 0) return;

  const changes: ChangeEntry[] = moves.map((c) => ({ ...c }));
  const log = changes.length > 0 ? openChangeLog(changesTab(ss, lang), ctx) : null;
  // The rows must still be where they were read (a sort a moment ago would put values on other clients).
  const idsNow = sheet.getRange(block.first, idCol + 1, block.count, 1).getValues();
  if (idsNow.some((r, i) => String(r[0]) !== String(rows[i][idCol]))) return;
  for (const [key, cells] of planned) {
    writeCells(
      sheet.getRange(block.first, (map[key] as number) + 1, block.count, 1),
      cells.map((v) => [v]),
    );
  }
  log?.append(changes);
  if (planned.has('id')) ids?.save();
}

/** The Changes tab for openChangeLog: by its canonical name, else among all tabs (an adopted alias). */
function changesTab(ss: Spreadsheet, lang: Lang): Map<string, Sheet> {
  const sheet = canonicalTab(ss, 'changes', lang);
  return sheet ? new Map([[sheet.getName(), sheet]]) : sheetsByName(ss, lang);
}
