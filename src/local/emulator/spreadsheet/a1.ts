/**
 * A1 notation: 'B3', 'A1:C10', 'A:C' (whole columns), '2:5' (whole rows), with an optional sheet
 * prefix ('Clients'!A1:B2; an empty one, '!c2:e5', is this sheet), and R1C1 cells and blocks
 * ('R5C3', 'r1c1:r2c2'). Source: https://developers.google.com/sheets/api/guides/concepts#cell;
 * the R1C1 form, the empty prefix and the A1 notation of whole rows and columns as observed on live
 * Apps Script by gas-fakes (test/testsheets.js, test/testsheetssets.js, test/testsheetsdeveloper.js).
 */
import type { GridRect } from '../model';
import { AppsScriptException } from '../runtime';

/** A parsed reference; null bounds are open (whole rows or columns), resolved against the sheet size. */
export interface A1Ref {
  sheetName: string | null;
  startRow: number | null;
  startCol: number | null;
  endRow: number | null;
  endCol: number | null;
}

const CELL = /^\$?([A-Za-z]*)\$?(\d*)$/;
const R1C1 = /^R(\d+)C(\d+)$/i;

/** Whole rows ('5:7', every column) or whole columns ('D:F', every row): named so in A1 notation. */
export type Whole = 'rows' | 'columns' | null;

export function wholeOf(ref: A1Ref): Whole {
  if (ref.startCol === null && ref.endCol === null) return 'rows';
  if (ref.startRow === null && ref.endRow === null) return 'columns';
  return null;
}

function columnToLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function splitSheet(a1: string): { sheetName: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name === '' ? null : name, ref: a1.slice(bang + 1) };
}

/** Parses A1 notation; throws "Range not found" for anything else. */
export function parseA1(a1: string): A1Ref {
  const { sheetName, ref } = splitSheet(String(a1).trim());
  const parts = ref.split(':');
  if (parts.length > 2 || ref === '') throw new AppsScriptException('Range not found');
  const cells = parts.map((p) => {
    const rc = R1C1.exec(p);
    if (rc) return { row: Number(rc[1]), col: Number(rc[2]) };
    const m = CELL.exec(p);
    if (!m || (m[1] === '' && m[2] === '')) throw new AppsScriptException('Range not found');
    return { col: m[1] ? lettersToColumn(m[1]) : null, row: m[2] ? Number(m[2]) : null };
  });
  const a = cells[0];
  const b = cells[1] ?? a;
  if (cells.length === 1 && (a.col === null || a.row === null)) throw new AppsScriptException('Range not found');
  if ((a.row === null) !== (b.row === null) && a.row === null) throw new AppsScriptException('Range not found');
  const rows = [a.row, b.row].filter((r): r is number => r !== null);
  const cols = [a.col, b.col].filter((c): c is number => c !== null);
  return {
    sheetName,
    startRow: rows.length ? Math.min(...rows) : null,
    endRow: rows.length === 2 ? Math.max(...rows) : a.row === null || b.row === null ? null : rows[0],
    startCol: cols.length ? Math.min(...cols) : null,
    endCol: cols.length === 2 ? Math.max(...cols) : a.col === null || b.col === null ? null : cols[0],
  };
}

/** Resolves open bounds against the sheet size. */
export function refToRect(ref: A1Ref, maxRows: number, maxColumns: number): GridRect {
  const row = ref.startRow ?? 1;
  const col = ref.startCol ?? 1;
  const endRow = ref.endRow ?? maxRows;
  const endCol = ref.endCol ?? maxColumns;
  return { row, col, numRows: endRow - row + 1, numCols: endCol - col + 1 };
}

export function rectToA1(rect: GridRect, whole: Whole = null): string {
  if (whole === 'rows') return `${rect.row}:${rect.row + rect.numRows - 1}`;
  if (whole === 'columns') return `${columnToLetters(rect.col)}:${columnToLetters(rect.col + rect.numCols - 1)}`;
  const start = `${columnToLetters(rect.col)}${rect.row}`;
  if (rect.numRows === 1 && rect.numCols === 1) return start;
  return `${start}:${columnToLetters(rect.col + rect.numCols - 1)}${rect.row + rect.numRows - 1}`;
}
