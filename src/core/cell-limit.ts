/**
 * Google Sheets' limit of 10,000,000 cells per spreadsheet file, and the warning the add-on gives at
 * 90 % of it. Google counts every cell of every tab's grid — each tab's maximum rows × maximum
 * columns, empty cells included, whatever holds data — so the count here is the same: what a tab's
 * grid is, not what is typed in it. https://support.google.com/drive/answer/37603 ("Files you can
 * store in Google Drive": up to 10 million cells for spreadsheets created in or converted to Sheets).
 * docs/scale.md says what a team does when it gets there.
 */
import { type Message, message } from './i18n';

/** Cells one spreadsheet may hold, all tabs together. */
export const CELL_LIMIT = 10_000_000;

/** The share of CELL_LIMIT from which Refresh, the daily run and the self-check warn. */
export const CELL_WARNING_SHARE = 0.9;

/** One tab's grid: its maximum rows and columns (Sheet.getMaxRows / getMaxColumns). */
export interface GridSize {
  rows: number;
  columns: number;
}

export interface CellUse {
  /** cells in every tab's grid */
  used: number;
  /** whole percent of CELL_LIMIT, rounded down (90 means at least 90 %) */
  percent: number;
  /** at or past CELL_WARNING_SHARE of the limit */
  nearlyFull: boolean;
}

/** The cells a spreadsheet uses as Google counts them, from each tab's grid. */
export function cellUse(grids: Iterable<GridSize>): CellUse {
  let used = 0;
  for (const grid of grids) used += Math.max(0, grid.rows) * Math.max(0, grid.columns);
  return cellUseOf(used);
}

/** The same from a total already counted (a run's outcome keeps only the number). */
export function cellUseOf(used: number): CellUse {
  return {
    used,
    percent: Math.floor((used * 100) / CELL_LIMIT),
    nearlyFull: used >= CELL_LIMIT * CELL_WARNING_SHARE,
  };
}

/** The one sentence a user reads when the file is nearly full; null below the threshold. */
export function cellWarning(use: CellUse): Message | null {
  if (!use.nearlyFull) return null;
  return message('cells.nearlyFull', { percent: use.percent, used: use.used.toLocaleString('en-US') });
}
