/**
 * Set up / upgrade sheets. On an empty spreadsheet it creates the tabs; on an existing one it adds
 * only what is missing (columns at the end, Settings keys with their defaults, its own highlighting
 * rules), and never moves, renames, clears or reformats what the user has: their columns, values
 * and rules stay as they are. Labels of its own an earlier version wrote are renamed in place
 * (setup-migrate.ts, docs/headers.md). It reads header rows and the Settings tab, plus a list column
 * only when a value of its list was renamed, so its cost does not grow with the number of clients.
 */
import { columnLetters } from '../core/header-row';
import { type Lang, type Message, joinList, langFromLocale, message, render, t } from '../core/i18n';
import { label } from '../core/lists';
import { duplicateNames, emailKey } from '../core/people';
import { type ColumnDef, type TableName, TABLES, TABS, findHeaders, labels, labelsOf, tabName } from '../core/schema';
import {
  SETTING_DEFS,
  DEFAULT_SETTINGS,
  formatSettingValue,
  parseSettings,
  settingLabel,
  type Settings,
} from '../core/settings';
import { rememberLanguage } from './context';
import { saveConfirmedRoles } from './roles';
import { UserError } from './errors';
import { noHeaderMessage, readSheetHeader } from './header-row';
import { COMPUTED_PROTECTION } from './coverage';
import { HIGHLIGHT_STYLES, type HighlightState, applyHighlightRules, clientHighlightRules } from './highlight';
import { withDocumentLock } from './lock';
import { ensureStateColumn, freezeNameColumns } from './state-column';
import { ensureTodayCell } from './today-cell';
import { migrateListValues, renameFormerHeaders, renameFormerSettings, renameFormerTabs } from './setup-migrate';
import { asText, findTab, sheetsByName } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TABLE_ORDER: readonly TableName[] = ['clients', 'contacts', 'team', 'changes', 'settings'];
const HEADER_STYLE = { background: '#1f3a5f', font: '#ffffff' };
const COMPUTED_HEADER_STYLE = { background: '#d9d9d9', font: '#1f1f1f' };
export { COMPUTED_PROTECTION } from './coverage';

export interface SetupReport {
  lang: Lang;
  changes: Message[];
  /** nothing needed doing (a second run) */
  unchanged: boolean;
}

function headerText(def: ColumnDef, lang: Lang): string {
  return t(lang, def.label);
}

/**
 * Formats columns first … first + defs.length - 1 of a tab: header style, width, number format,
 * dropdown, and for computed columns a header note and a warning-only protection. A constant number
 * of calls per column, whatever the number of rows.
 */
function formatNewColumns(
  sheet: Sheet,
  headerRow: number,
  first: number,
  defs: readonly ColumnDef[],
  lang: Lang,
): void {
  const maxRows = sheet.getMaxRows();
  sheet
    .getRange(headerRow, first, 1, defs.length)
    .setFontWeight('bold')
    .setFontColor(HEADER_STYLE.font)
    .setBackground(HEADER_STYLE.background)
    .setVerticalAlignment('middle')
    .setWrap(true);
  defs.forEach((def, i) => {
    const col = first + i;
    sheet.setColumnWidth(col, def.width);
    if (maxRows > headerRow) {
      const body = sheet.getRange(headerRow + 1, col, maxRows - headerRow, 1);
      if (def.format) body.setNumberFormat(def.format);
      if (def.type === 'enum' && def.list) {
        // Warn rather than reject: the other language's labels and synonyms are read correctly too.
        const rule = SpreadsheetApp.newDataValidation()
          .requireValueInList(labels(def.list, lang), true)
          .setAllowInvalid(true)
          .build();
        body.setDataValidation(rule);
      }
    }
    if (def.computed) {
      sheet
        .getRange(headerRow, col)
        .setBackground(COMPUTED_HEADER_STYLE.background)
        .setFontColor(COMPUTED_HEADER_STYLE.font)
        .setNote(render(lang, message('setup.computedNote')));
      sheet
        .getRange(headerRow, col, maxRows - headerRow + 1, 1)
        .protect()
        .setDescription(`${COMPUTED_PROTECTION}: ${def.key}`)
        .setWarningOnly(true);
    }
  });
}

/** Writes the missing headers on the header row (the one the finder found; row 1 on a new tab). */
function writeHeaders(sheet: Sheet, headerRow: number, first: number, defs: readonly ColumnDef[], lang: Lang): void {
  const needed = first + defs.length - 1;
  if (sheet.getMaxColumns() < needed) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed - sheet.getMaxColumns());
  sheet.getRange(headerRow, first, 1, defs.length).setValues([defs.map((d) => asText(headerText(d, lang)))]);
  formatNewColumns(sheet, headerRow, first, defs, lang);
}

interface TableSetup {
  sheet: Sheet;
  created: boolean;
  /** 1-based sheet row of the header */
  headerRow: number;
  /** the header row after setup */
  headers: string[];
}

/** What setup found on one tab; reading only, so a problem on any tab stops setup before any write. */
interface TablePlan {
  table: TableName;
  sheet: Sheet | null;
  /** 1-based sheet row of the header (header-row.ts: a title may sit above it); 1 on a new tab */
  headerRow: number;
  /** the header row, trailing blanks dropped; [] for a new or empty tab */
  headers: string[];
  missing: ColumnDef[];
  unknown: string[];
}

function inspectTable(sheets: Map<string, Sheet>, table: TableName, lang: Lang): TablePlan {
  const defs = TABLES[table] as readonly ColumnDef[];
  const sheet = findTab(sheets, table);
  if (!sheet) return { table, sheet, headerRow: 1, headers: [], missing: [...defs], unknown: [] };
  // Values but no header row: adding headers above them would relabel the user's data, and headers
  // written into a title row would be a second header (header-row.ts stops with one sentence).
  const top = readSheetHeader(sheet, table, lang);
  const headerRow = top.row;
  if (top.nameless.length > 0) {
    // A header cell merged over two columns hides the second one's name: adding that column again
    // at the end would leave the data where nobody reads it.
    throw new UserError(
      lang,
      message('error.namelessColumn', { tab: sheet.getName(), column: columnLetters(top.nameless[0]), row: headerRow }),
    );
  }
  const row = top.header.map((v) => String(v).trim());
  // Trailing blank header cells are nobody's columns: new columns go right after the last header.
  let width = row.length;
  while (width > 0 && row[width - 1] === '') width--;
  if (width === 0) {
    if (sheet.getLastRow() > 0) throw new UserError(lang, noHeaderMessage(sheet.getName(), table, lang));
    return { table, sheet, headerRow, headers: [], missing: [...defs], unknown: [] };
  }
  const headers = row.slice(0, width);
  const match = findHeaders(table, headers);
  const found = match.map as Partial<Record<string, number>>;
  return {
    table,
    sheet,
    headerRow,
    headers,
    missing: defs.filter((d) => found[d.key] === undefined),
    unknown: match.unknown.map((u) => u.header),
  };
}

function list(items: string[], lang: Lang): string {
  return joinList(
    items.map((i) => `“${i}”`),
    lang,
  );
}

function applyPlan(plan: TablePlan, sheets: Map<string, Sheet>, lang: Lang, report: Message[]): TableSetup {
  let sheet = plan.sheet;
  let created = false;
  if (!sheet) {
    const name = tabName(plan.table, lang);
    sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet(name);
    sheets.set(name, sheet);
    created = true;
    report.push(message('setup.tabCreated', { tab: name }));
  } else if (!labelsOf(TABS[plan.table].label).includes(sheet.getName())) {
    report.push(message('setup.tabAdopted', { name: sheet.getName(), tab: tabName(plan.table, lang) }));
  }
  const fresh = plan.headers.length === 0;
  if (plan.missing.length > 0) {
    writeHeaders(sheet, plan.headerRow, plan.headers.length + 1, plan.missing, lang);
    if (!fresh) {
      const columns = plan.missing.map((d) => headerText(d, lang));
      report.push(message('setup.columnsAdded', { tab: sheet.getName(), columns: list(columns, lang) }));
    }
  }
  // A new tab comes 26 columns wide; the empty ones still count against the workbook's 10-million-cell
  // limit, on every row the table grows to. Only a tab made here is trimmed (Settings keeps room for
  // its legend beside the table).
  if (created && plan.table !== 'settings') {
    const width = plan.missing.length;
    const extra = sheet.getMaxColumns() - width;
    if (extra > 0) sheet.deleteColumns(width + 1, extra);
  }
  if (plan.unknown.length > 0) {
    report.push(message('setup.userColumnsKept', { tab: sheet.getName(), columns: list(plan.unknown, lang) }));
  }
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(plan.headerRow);
  return {
    sheet,
    created: created || fresh,
    headerRow: plan.headerRow,
    headers: [...plan.headers, ...plan.missing.map((d) => headerText(d, lang))],
  };
}

/** Adds the Settings keys that are missing, with defaults and a sentence each; values a user set stay. */
function completeSettings(setup: TableSetup, lang: Lang, report: Message[]): Settings {
  const sheet = setup.sheet;
  const lastRow = sheet.getLastRow();
  const width = setup.headers.length;
  const rows = lastRow > 0 ? (sheet.getRange(1, 1, lastRow, width).getValues() as unknown[][]) : [];
  const keyColumn = findHeaders('settings', setup.headers).map.key;
  if (!setup.created && keyColumn !== undefined) renameFormerSettings(sheet, keyColumn, rows, lang, report);
  const read = parseSettings(rows, lang);
  if (read.missing.length > 0) {
    const map = findHeaders('settings', setup.headers).map;
    const blank = (): unknown[] => new Array(width).fill('');
    const added = read.missing.map((key) => {
      const def = SETTING_DEFS.find((d) => d.key === key)!;
      const row = blank();
      row[map.key!] = asText(t(lang, def.label));
      const value = formatSettingValue(key, DEFAULT_SETTINGS[key], lang);
      row[map.value!] = typeof value === 'string' ? asText(value) : value;
      if (map.notes !== undefined) row[map.notes] = asText(t(lang, def.help));
      return row;
    });
    const first = Math.max(lastRow, 1) + 1;
    const spare = sheet.getMaxRows() - first + 1;
    if (spare < added.length) sheet.insertRowsAfter(sheet.getMaxRows(), added.length - spare);
    sheet.getRange(first, 1, added.length, width).setValues(added);
    if (!setup.created) {
      report.push(
        message('setup.settingsAdded', {
          keys: list(
            read.missing.map((k) => settingLabel(k, lang)),
            lang,
          ),
        }),
      );
    }
  }
  return read.settings;
}

/**
 * A legend beside the Settings table: one sample cell per highlight state, in the rules' own colours.
 * It starts on row 2 so the header row stays Key / Value / Notes (a later setup would otherwise take
 * the legend for a column of the user's).
 */
function writeLegend(sheet: Sheet, lang: Lang): void {
  const states: HighlightState[] = ['overdue', 'dueToday', 'unplanned', 'poolSoon'];
  const col = 5;
  const values = [message('legend.title'), ...states.map((s) => message(`legend.${s}`))].map((m) => [
    asText(render(lang, m)),
  ]);
  sheet.getRange(2, col, values.length, 1).setValues(values);
  sheet.getRange(2, col).setFontWeight('bold');
  sheet.setColumnWidth(col, 360);
  const samples = sheet.getRange(3, col, states.length, 1);
  samples.setBackgrounds(states.map((s) => [HIGHLIGHT_STYLES[s].background]));
  samples.setFontColors(states.map((s) => [HIGHLIGHT_STYLES[s].fontColor]));
}

/** The language of a workbook: Settings ▸ Language when set, else the spreadsheet's locale. */
function chooseLanguage(sheets: Map<string, Sheet>): Lang {
  const settingsSheet = findTab(sheets, 'settings');
  if (settingsSheet && settingsSheet.getLastRow() > 0) {
    const values = settingsSheet.getDataRange().getValues() as unknown[][];
    const chosen = parseSettings(values).settings.language;
    if (chosen) return chosen;
  }
  return langFromLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
}

/**
 * On an empty Team tab, the person running Setup becomes its director, and that is the confirmed copy
 * of the roles (docs/roles.md): somebody must be able to confirm the next change. Duplicate names on
 * a filled Team are flagged. A blank signed-in email adds nobody.
 */
function seedDirector(team: TableSetup, lang: Lang, changes: Message[]): void {
  const sheet = team.sheet;
  const email = Session.getActiveUser().getEmail().trim();
  const map = findHeaders('team', team.headers).map;
  if (sheet.getLastRow() > 1) {
    const names =
      map.name !== undefined
        ? sheet
            .getRange(2, map.name + 1, sheet.getLastRow() - 1, 1)
            .getValues()
            .map((r) => ({ name: String(r[0] ?? '') }))
        : [];
    const dup = duplicateNames(names);
    if (dup.length > 0) changes.push(message('team.duplicateNames', { names: joinList(dup, lang) }));
    return;
  }
  if (email === '' || map.name === undefined || map.email === undefined) return;
  const name = email.split('@')[0];
  const row: unknown[] = new Array(team.headers.length).fill('');
  row[map.name] = asText(name);
  row[map.email] = asText(email);
  if (map.role !== undefined) row[map.role] = label('roles', 'director', lang);
  if (map.active !== undefined) row[map.active] = label('yesNo', 'yes', lang);
  if (map.digest !== undefined) row[map.digest] = label('yesNo', 'yes', lang);
  sheet.getRange(2, 1, 1, row.length).setValues([row]);
  saveConfirmedRoles({
    members: [{ name, email: emailKey(email), role: 'director', manager: '' }],
    by: emailKey(email),
    at: new Date().toISOString(),
  });
  changes.push(message('setup.directorAdded', { email }));
}

/** Runs setup and says what it changed. Safe to run any number of times. */
export function setupWorkbook(): SetupReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = chooseLanguage(sheetsByName(ss));
  // Opened as every other operation opens them, so Set up adopts the tab they will use.
  const sheets = sheetsByName(ss, lang);
  return withDocumentLock(lang, () => {
    const changes: Message[] = [];
    // Our own tabs, headers and list values an earlier version named differently (setup-migrate.ts).
    renameFormerTabs(ss, sheets, changes);
    const plans = TABLE_ORDER.map((table) => inspectTable(sheets, table, lang));
    const done = new Map<TableName, TableSetup>();
    for (const plan of plans) {
      const setup = applyPlan(plan, sheets, lang, changes);
      if (!setup.created) {
        setup.headers = renameFormerHeaders(setup.sheet, plan.table, setup.headerRow, setup.headers, lang, changes);
        migrateListValues(setup.sheet, plan.table, setup.headerRow, setup.headers, lang, changes);
      }
      done.set(plan.table, setup);
    }
    const settingsSetup = done.get('settings')!;
    const settings = completeSettings(settingsSetup, lang, changes);
    if (settingsSetup.created) writeLegend(settingsSetup.sheet, lang);
    if (ensureTodayCell(settingsSetup.sheet, lang, ss.getSpreadsheetTimeZone(), new Date()) && !settingsSetup.created) {
      changes.push(message('setup.todayAdded'));
    }
    const clients = done.get('clients')!;
    const map = findHeaders('clients', clients.headers).map;
    const rules = clientHighlightRules(
      clients.sheet,
      {
        name: map.name! + 1,
        stage: map.stage! + 1,
        status: map.status! + 1,
        nextFollowUp: map.nextFollowUp! + 1,
        poolRelease: map.poolRelease! + 1,
        lastColumn: clients.headers.length,
        firstRow: clients.headerRow + 1,
      },
      settings,
    );
    if (applyHighlightRules(clients.sheet, rules) && !clients.created) changes.push(message('setup.rulesUpdated'));
    seedDirector(done.get('team')!, lang, changes);
    if (ensureStateColumn(clients.sheet, clients.headers, clients.headerRow, lang) && !clients.created) {
      changes.push(message('setup.stateFormulaSet'));
    }
    for (const [table, setup] of done) if (setup.created) freezeNameColumns(setup.sheet, table, setup.headers);
    // Remove the blank "Sheet1" a new spreadsheet comes with, once our tabs exist and only if it is empty.
    for (const [name, sheet] of sheets) {
      if (
        /^(Sheet1|工作表1)$/.test(name) &&
        sheet.getLastRow() === 0 &&
        sheet.getLastColumn() === 0 &&
        ss.getSheets().length > 1
      ) {
        ss.deleteSheet(sheet);
        sheets.delete(name);
      }
    }
    rememberLanguage(lang);
    return { lang, changes, unchanged: changes.length === 0 };
  });
}

/** Menu: Set up / upgrade sheets. Shows what changed. */
export function menuSetup(): void {
  const report = setupWorkbook();
  const lines = report.unchanged
    ? [render(report.lang, message('setup.nothingChanged'))]
    : report.changes.map((m) => render(report.lang, m));
  SpreadsheetApp.getUi().alert(
    render(report.lang, message('setup.done')),
    lines.join('\n'),
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}
