/**
 * Moving a formula to another cell as Sheets does when one formula is set on a block: the relative
 * parts of its references (no `$`) move with the cell. Live Apps Script's Range.setFormula('=A1') on
 * a 2x2 block reads back =A1 =B1 / =A2 =B2 (gas-fakes test/testsheets.js, the autoincrement check
 * after the Formula row of the formats table, run on live).
 * Handled: cell references (`B2`, `$B2`, `Clients!B$2`) and whole-column ranges (`B:C`); text in
 * double quotes and quoted sheet names are left alone; a reference moved off the sheet is #REF!.
 */

const TOKEN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(.])|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w(.])/g;

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function column(text: string): number {
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function moveColumn(fixed: string, text: string, dc: number): string | null {
  if (fixed) return `$${text.toUpperCase()}`;
  const col = column(text) + dc;
  return col < 1 ? null : letters(col);
}

/** The formula as it reads `dr` rows down and `dc` columns right of where it was written. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return formula.replace(TOKEN, (whole: string, ...g: Array<string | undefined>) => {
    const prev = g[8] as unknown as number;
    const source = g[9] as unknown as string;
    // a name or function that merely ends in letters and digits (LOG10, my_B2) is not a reference
    if (prev > 0 && /[\w.]/.test(source[prev - 1])) return whole;
    if (g[1] !== undefined) {
      const col = moveColumn(g[0] ?? '', g[1], dc);
      const row = g[2] ? Number(g[3]) : Number(g[3]) + dr;
      if (col === null || row < 1) return '#REF!';
      return `${col}${g[2] ?? ''}${row}`;
    }
    if (g[5] !== undefined) {
      const from = moveColumn(g[4] ?? '', g[5], dc);
      const to = moveColumn(g[6] ?? '', g[7] ?? '', dc);
      if (from === null || to === null) return '#REF!';
      return `${from}:${to}`;
    }
    return whole;
  });
}
