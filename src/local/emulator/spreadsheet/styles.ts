/**
 * Cell formatting as StyleRuns: one entry per formatting call, whatever the range size. A new run
 * strips the properties it overrides from runs it fully covers and extends the previous run when it
 * continues it, so per-row loops and whole-column formats stay short lists.
 */
import type { CellStyle, FontStyle, GridRect, SheetModel, StyleRun } from '../model';
import { columnSegments, contains, containsCell, splitRuns } from './grid';

type FontKey = keyof FontStyle;
type StyleKey = Exclude<keyof CellStyle, 'font'>;
const STYLE_KEYS: StyleKey[] = ['numberFormat', 'background', 'horizontalAlignment', 'verticalAlignment', 'wrap'];
const FONT_KEYS: FontKey[] = ['bold', 'italic', 'color', 'size', 'family'];

/** What a formatting call changes: values to set, or null to reset a property to the default. */
export type StylePatch = { [K in StyleKey]?: CellStyle[K] | null } & {
  font?: { [K in FontKey]?: FontStyle[K] | null };
};

function isEmpty(style: CellStyle): boolean {
  return (
    STYLE_KEYS.every((k) => style[k] === undefined) &&
    (!style.font || FONT_KEYS.every((k) => style.font?.[k] === undefined))
  );
}

function sameStyle(a: CellStyle, b: CellStyle): boolean {
  return STYLE_KEYS.every((k) => a[k] === b[k]) && FONT_KEYS.every((k) => (a.font ?? {})[k] === (b.font ?? {})[k]);
}

/** Removes from `style` the properties that `patch` mentions. */
function without(style: CellStyle, patch: StylePatch): CellStyle {
  const out: CellStyle = { ...style };
  for (const k of STYLE_KEYS) if (k in patch) delete out[k];
  if (patch.font && out.font) {
    const font: FontStyle = { ...out.font };
    for (const k of FONT_KEYS) if (k in patch.font) delete font[k];
    out.font = font;
    if (FONT_KEYS.every((k) => font[k] === undefined)) delete out.font;
  }
  return out;
}

function setPart(patch: StylePatch): CellStyle {
  const out: CellStyle = {};
  for (const k of STYLE_KEYS) {
    const v = patch[k];
    if (v !== null && v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  if (patch.font) {
    const font: FontStyle = {};
    for (const k of FONT_KEYS) {
      const v = patch.font[k];
      if (v !== null && v !== undefined) (font as Record<string, unknown>)[k] = v;
    }
    if (Object.keys(font).length) out.font = font;
  }
  return out;
}

function hasNullReset(patch: StylePatch): boolean {
  return STYLE_KEYS.some((k) => patch[k] === null) || (!!patch.font && FONT_KEYS.some((k) => patch.font?.[k] === null));
}

function adjacent(a: GridRect, b: GridRect): GridRect | null {
  if (a.col === b.col && a.numCols === b.numCols && a.row + a.numRows === b.row) {
    return { row: a.row, col: a.col, numRows: a.numRows + b.numRows, numCols: a.numCols };
  }
  if (a.row === b.row && a.numRows === b.numRows && a.col + a.numCols === b.col) {
    return { row: a.row, col: a.col, numRows: a.numRows, numCols: a.numCols + b.numCols };
  }
  return null;
}

/** Applies a formatting call to a rectangle. */
export function applyStyle(sheet: SheetModel, rect: GridRect, patch: StylePatch): void {
  if (hasNullReset(patch)) {
    // a reset must cut the property out of partially covered runs too
    sheet.styles = splitRuns(sheet.styles, rect, (run) => {
      const style = without(run.style, patch);
      return isEmpty(style) ? null : { rect: run.rect, style };
    });
  } else {
    const kept: StyleRun[] = [];
    for (const run of sheet.styles) {
      if (contains(rect, run.rect)) {
        const style = without(run.style, patch);
        if (!isEmpty(style)) kept.push({ rect: run.rect, style });
      } else {
        kept.push(run);
      }
    }
    sheet.styles = kept;
  }
  const style = setPart(patch);
  if (isEmpty(style)) return;
  const last = sheet.styles[sheet.styles.length - 1];
  const joined = last && sameStyle(last.style, style) ? adjacent(last.rect, rect) : null;
  if (joined) last.rect = joined;
  else sheet.styles.push({ rect: { ...rect }, style });
}

/** Removes all formatting inside the rectangle. */
export function clearStyles(sheet: SheetModel, rect: GridRect): void {
  sheet.styles = splitRuns(sheet.styles, rect, () => null);
}

function merge(into: CellStyle, style: CellStyle): CellStyle {
  const out: CellStyle = { ...into, ...style };
  if (into.font || style.font) out.font = { ...into.font, ...style.font };
  return out;
}

/** The effective style of one cell (1-based), all runs merged in order. */
export function styleAt(sheet: SheetModel, row: number, col: number): CellStyle {
  let style: CellStyle = {};
  for (const run of sheet.styles) if (containsCell(run.rect, row, col)) style = merge(style, run.style);
  return style;
}

const EMPTY: CellStyle = Object.freeze({}) as CellStyle;

/**
 * Effective styles of a rectangle as [row][col]; cells with the same runs share one object.
 * Cost: a sweep per column plus one assignment per cell.
 */
export function styleGrid(sheet: SheetModel, rect: GridRect): CellStyle[][] {
  const out: CellStyle[][] = Array.from({ length: rect.numRows }, () => new Array<CellStyle>(rect.numCols));
  const memo = new Map<string, CellStyle>();
  const lastRow = rect.row + rect.numRows - 1;
  for (let c = 0; c < rect.numCols; c++) {
    for (const seg of columnSegments(sheet.styles, rect.col + c, rect.row, lastRow)) {
      let style = EMPTY;
      if (seg.active.length) {
        const key = seg.active.join(',');
        const hit = memo.get(key);
        if (hit) style = hit;
        else {
          style = seg.active.reduce<CellStyle>((acc, i) => merge(acc, sheet.styles[i].style), {});
          memo.set(key, style);
        }
      }
      for (let r = seg.from; r <= seg.to; r++) out[r - rect.row][c] = style;
    }
  }
  return out;
}

/**
 * Number formats of a rectangle by column: null for a column without any, else one entry per row.
 * Returns null when no run sets a number format at all (the common, fast case).
 */
export function numberFormatColumns(sheet: SheetModel, rect: GridRect): Array<Array<string | undefined> | null> | null {
  const runs = sheet.styles.filter((run) => run.style.numberFormat !== undefined);
  if (runs.length === 0) return null;
  const lastRow = rect.row + rect.numRows - 1;
  const columns: Array<Array<string | undefined> | null> = [];
  for (let c = 0; c < rect.numCols; c++) {
    const segments = columnSegments(runs, rect.col + c, rect.row, lastRow);
    if (segments.length === 1 && segments[0].active.length === 0) {
      columns.push(null);
      continue;
    }
    const column = new Array<string | undefined>(rect.numRows);
    for (const seg of segments) {
      const format = seg.active.length ? runs[seg.active[seg.active.length - 1]].style.numberFormat : undefined;
      column.fill(format, seg.from - rect.row, seg.to - rect.row + 1);
    }
    columns.push(column);
  }
  return columns;
}
