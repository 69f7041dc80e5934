/**
 * Renamed labels (docs/headers.md): when Client Tracker changes the wording of one of its own tab
 * names, headers, Settings keys or list values, a workbook made by an earlier version keeps working —
 * the former label is still read everywhere (`formerly` in core/schema.ts, core/lists.ts,
 * core/settings.ts) — and Setup replaces it with today's label in place, saying what it renamed: the
 * tab keeps its data and position, a header cell only its text, a list cell only its value, and the
 * column's dropdown offers today's labels. Only labels we wrote are touched: a name the user chose
 * (an alias, their own column) is never renamed.
 */
import {
  type FormerLabels,
  type Lang,
  type Message,
  type MessageKey,
  DEFAULT_LANG,
  formerLabels,
  formerLang,
  joinList,
  message,
  t,
} from '../core/i18n';
import { LISTS, type ListItem, type ListName, itemLabel } from '../core/lists';
import { type ColumnDef, type TableName, TABLES, TABS, findHeaders, labels } from '../core/schema';
import { SETTING_DEFS } from '../core/settings';
import { asText } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Today's label for a former one, in the language the former one was written in. */
function successor(former: string, now: { label: MessageKey; formerly?: FormerLabels }): string {
  return t(formerLang(now.formerly, former) ?? DEFAULT_LANG, now.label);
}

/** successor for a list item (whose label may be the catalogues' names of a language). */
function itemSuccessor(former: string, item: ListItem): string {
  return itemLabel(item, formerLang(item.formerly, former) ?? DEFAULT_LANG);
}

function hasFormer(def: { formerly?: FormerLabels }, text: string): boolean {
  return formerLang(def.formerly, text) !== undefined;
}

/** Tabs still named as an earlier version named them, renamed when today's name is free. */
export function renameFormerTabs(ss: Spreadsheet, sheets: Map<string, Sheet>, report: Message[]): void {
  for (const def of Object.values(TABS)) {
    for (const former of formerLabels(def.formerly)) {
      const sheet = sheets.get(former);
      const name = successor(former, def);
      if (!sheet || sheets.has(name) || ss.getSheetByName(name)) continue;
      sheet.setName(name);
      sheets.delete(former);
      sheets.set(name, sheet);
      report.push(message('setup.renamedTab', { from: former, to: name }));
    }
  }
}

/** Header cells of ours an earlier version wrote; returns the header row as it now reads. */
export function renameFormerHeaders(
  sheet: Sheet,
  table: TableName,
  headerRow: number,
  headers: readonly string[],
  lang: Lang,
  report: Message[],
): string[] {
  const defs = TABLES[table] as readonly ColumnDef[];
  const out = [...headers];
  const renamed: string[] = [];
  headers.forEach((text, i) => {
    const def = defs.find((d) => hasFormer(d, text.trim()));
    if (!def) return;
    out[i] = successor(text.trim(), def);
    renamed.push(`“${text.trim()}” → “${out[i]}”`);
  });
  if (renamed.length === 0) return out;
  // One write of the header row: only the renamed cells differ.
  sheet.getRange(headerRow, 1, 1, out.length).setValues([out.map((h) => asText(h))]);
  report.push(message('setup.renamedHeaders', { tab: sheet.getName(), list: joinList(renamed, lang) }));
  return out;
}

/** Settings keys (first match of a former name in the Key column) renamed in place. */
export function renameFormerSettings(
  sheet: Sheet,
  keyColumn: number,
  rows: unknown[][],
  lang: Lang,
  report: Message[],
): void {
  const renamed: string[] = [];
  rows.forEach((row, r) => {
    const text = String(row[keyColumn] ?? '').trim();
    const def = SETTING_DEFS.find((d) => hasFormer(d, text));
    if (!def) return;
    const name = successor(text, def);
    sheet.getRange(r + 1, keyColumn + 1).setValue(asText(name));
    row[keyColumn] = name;
    renamed.push(`“${text}” → “${name}”`);
  });
  if (renamed.length > 0)
    report.push(message('setup.renamedHeaders', { tab: sheet.getName(), list: joinList(renamed, lang) }));
}

/** The list items with former labels: former label → today's. */
function formerValues(list: ListName): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of LISTS[list] as readonly ListItem[])
    for (const former of formerLabels(item.formerly)) out.set(former, itemSuccessor(former, item));
  return out;
}

/**
 * List cells still holding a value an earlier version wrote, rewritten to today's label, and the
 * column's dropdown rebuilt with today's labels. One read and at most one write per such column:
 * only columns whose list has a renamed value are looked at.
 */
export function migrateListValues(
  sheet: Sheet,
  table: TableName,
  headerRow: number,
  headers: readonly string[],
  lang: Lang,
  report: Message[],
): void {
  const map = findHeaders(table, headers).map as Partial<Record<string, number>>;
  const last = sheet.getLastRow();
  for (const def of TABLES[table] as readonly ColumnDef[]) {
    const col = map[def.key];
    if (def.type !== 'enum' || !def.list || col === undefined) continue;
    const former = formerValues(def.list);
    if (former.size === 0) continue;
    let changed = 0;
    if (last > headerRow) {
      const range = sheet.getRange(headerRow + 1, col + 1, last - headerRow, 1);
      const values = range.getValues() as unknown[][];
      const next = values.map(([v]) => {
        const now = typeof v === 'string' ? former.get(v.trim()) : undefined;
        if (now === undefined) return [v];
        changed++;
        return [now];
      });
      if (changed > 0) range.setValues(next);
    }
    // The dropdown offers today's labels (warn, never reject: other spellings still read).
    const body = sheet.getRange(headerRow + 1, col + 1, Math.max(1, sheet.getMaxRows() - headerRow), 1);
    const rule = body.getCell(1, 1).getDataValidation();
    const offered = rule?.getCriteriaValues()?.[0];
    if (Array.isArray(offered) && offered.some((v) => former.has(String(v)))) {
      body.setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList(labels(def.list, lang), true)
          .setAllowInvalid(true)
          .build(),
      );
    }
    if (changed > 0)
      report.push(
        message('setup.renamedValues', {
          tab: sheet.getName(),
          column: headers[col],
          count: changed,
          list: joinList(
            [...former].map(([a, b]) => `“${a}” → “${b}”`),
            lang,
          ),
        }),
      );
  }
}
