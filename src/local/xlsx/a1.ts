/** A1 notation for the rectangles of the model: 'B2', 'B2:D10', "'My sheet'!$A$1:$A$40". */
import type { GridRect } from '../emulator/model';

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function rectA1(rect: GridRect): string {
  const topLeft = cellA1(rect.row, rect.col);
  if (rect.numRows === 1 && rect.numCols === 1) return topLeft;
  return `${topLeft}:${cellA1(rect.row + rect.numRows - 1, rect.col + rect.numCols - 1)}`;
}

export function absoluteRectA1(rect: GridRect): string {
  const abs = (row: number, col: number) => `$${columnLetters(col)}$${row}`;
  const bottom = rect.row + rect.numRows - 1;
  const right = rect.col + rect.numCols - 1;
  return `${abs(rect.row, rect.col)}:${abs(bottom, right)}`;
}

/** Sheet name as a formula prefix: quoted, with embedded quotes doubled. */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** 'B2' or 'B2:D10' (dollars allowed) to a rectangle; null when it is not a cell range. */
export function parseRectA1(a1: string): GridRect | null {
  const [first, second = first] = a1.split(':');
  const a = CELL.exec(first);
  const b = CELL.exec(second);
  if (!a || !b) return null;
  const r1 = Number(a[2]);
  const c1 = columnNumber(a[1]);
  const r2 = Number(b[2]);
  const c2 = columnNumber(b[1]);
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
}

/** "'My sheet'!$A$1:$B$2" or "Sheet1!A1" to its sheet name and rectangle. */
export function parseSheetRectA1(ref: string): { sheetName: string; rect: GridRect } | null {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return null;
  let sheetName = ref.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  const rect = parseRectA1(ref.slice(bang + 1));
  return rect ? { sheetName, rect } : null;
}
