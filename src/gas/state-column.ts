/**
 * The register's Follow-up state column and the frozen columns of the tabs setup makes.
 *
 * The state column is one ARRAYFORMULA in its header cell (core/follow-up-formula.ts prints it from
 * the same conditions as the highlighting rules): set once, it covers every row ever added, typed,
 * pasted or sorted, stays true as days pass with no script running, and costs nothing per row.
 * Per-row formulas would have to be rewritten by every path that adds a row (the sidebar, the
 * refresh, a user typing below the table), and a row typed by hand would show no state until then.
 * Nothing reads or writes the column's rows: it is not a stored value that could go stale
 * (docs/follow-up-state.md).
 */
import { stateColumnFormula } from '../core/follow-up-formula';
import { type Lang, message, render } from '../core/i18n';
import { type TableName, findHeaders } from '../core/schema';
import { columnLetters } from './a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The state column's formula for a Clients header row, or null when a column it needs is missing. */
export function stateFormulaFor(
  headers: readonly string[],
  headerRow: number,
  lang: Lang,
): { column: number; formula: string } | null {
  const map = findHeaders('clients', [...headers]).map;
  const { followUpState, name, stage, status, nextFollowUp } = map;
  if (followUpState === undefined || name === undefined || status === undefined) return null;
  if (stage === undefined || nextFollowUp === undefined) return null;
  const formula = stateColumnFormula(
    {
      name: columnLetters(name + 1),
      stage: columnLetters(stage + 1),
      status: columnLetters(status + 1),
      nextFollowUp: columnLetters(nextFollowUp + 1),
    },
    headerRow,
    headers[followUpState],
    lang,
  );
  return { column: followUpState + 1, formula };
}

/**
 * Writes the state column's formula into its header cell when it is not already exactly that
 * (columns moved, the language changed, a user typed over it); two calls when nothing changes.
 * Returns whether it wrote.
 */
export function ensureStateColumn(sheet: Sheet, headers: readonly string[], headerRow: number, lang: Lang): boolean {
  const wanted = stateFormulaFor(headers, headerRow, lang);
  if (!wanted) return false;
  const cell = sheet.getRange(headerRow, wanted.column);
  if (cell.getFormula() === wanted.formula) return false;
  cell.setFormula(wanted.formula);
  cell.setNote(render(lang, message('setup.stateColumnNote')));
  return true;
}

/** Through which column a tab made by setup is frozen, so the client's name stays in view. */
const FROZEN_THROUGH: Partial<Record<TableName, readonly string[]>> = {
  clients: ['id', 'name', 'followUpState'],
  contacts: ['id', 'date', 'clientId', 'client'],
  team: ['name'],
  changes: ['id', 'date', 'clientId'],
  settings: ['key'],
};

/** Freezes a new tab's columns up to its name column (when those lead the tab, as on a tab setup made). */
export function freezeNameColumns(sheet: Sheet, table: TableName, headers: readonly string[]): void {
  const keys = FROZEN_THROUGH[table];
  if (!keys) return;
  const map = findHeaders(table, [...headers]).map as Partial<Record<string, number>>;
  let through = 0;
  while (through < keys.length && map[keys[through]] === through) through++;
  if (through > 0 && sheet.getFrozenColumns() !== through) sheet.setFrozenColumns(through);
}
