/**
 * Google's limit of 10 million cells per spreadsheet (all tabs, empty grid cells included). Report
 * tabs grow with the data, so near the limit a rebuild could fail half-way — after clearing a tab,
 * before writing it. The budget is checked first, and a report that would not fit changes nothing.
 * https://support.google.com/drive/answer/37603
 */
import { CELL_LIMIT } from '../../core/cell-limit';
import { message } from '../../core/i18n';
import type { WorkbookContext } from '../context';
import { UserError } from '../errors';

/** A new tab starts with Sheets' default grid (1000 × 26) before it is fitted to its report. */
const NEW_TAB_CELLS = 1000 * 26;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface GridNeed {
  /** the report's tab when it exists already */
  sheet: Sheet | null;
  rows: number;
  columns: number;
}

/** Each tab's grid as the check read it (rendering fits the report tabs from it without asking again). */
export type GridSizes = Map<Sheet, { rows: number; columns: number }>;

/** The grid of each tab now: two calls per tab, whatever the data. */
function sizesByTab(sheets: Map<string, Sheet>): GridSizes {
  const sizes: GridSizes = new Map();
  for (const sheet of sheets.values()) sizes.set(sheet, { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() });
  return sizes;
}

/** Throws one sentence, before anything is written, when the reports would not fit. */
export function checkCellBudget(
  ctx: WorkbookContext,
  sheets: Map<string, Sheet>,
  needs: readonly GridNeed[],
): GridSizes {
  const sizes = sizesByTab(sheets);
  const cells = new Map([...sizes].map(([sheet, size]) => [sheet, size.rows * size.columns]));
  const used = [...cells.values()].reduce((a, b) => a + b, 0);
  let total = used;
  let peak = total;
  for (const need of needs) {
    const before = need.sheet ? (cells.get(need.sheet) ?? 0) : 0;
    if (!need.sheet) peak = Math.max(peak, total + NEW_TAB_CELLS);
    total += need.rows * need.columns - before;
    peak = Math.max(peak, total);
  }
  if (peak > CELL_LIMIT) {
    throw new UserError(
      ctx.lang,
      message('report.tooBig', {
        needed: (peak - CELL_LIMIT).toLocaleString('en-US'),
        used: used.toLocaleString('en-US'),
      }),
    );
  }
  return sizes;
}
