/**
 * Inserting, deleting and sorting rows and columns, and moving everything anchored to them: values,
 * formulas, notes, formats, validations, conditional-format ranges, protections, charts, named
 * ranges and row/column developer metadata (which follows its row: WS/sheets/api/reference/rest/v4/spreadsheets.developerMetadata).
 * Sources: https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer),
 * https://developers.google.com/apps-script/reference/spreadsheet/range#sort(Object).
 */
import { MAX_COLUMNS, cellKey, type CellValue, type GridRect, type SheetModel, type SpreadsheetModel } from '../model';
import { shiftForDelete, shiftForInsert, type Axis } from './grid';
import { toSerial } from './dates';

function remapKeys(
  map: Map<number, string>,
  move: (row0: number, col0: number) => [number, number] | null,
): Map<number, string> {
  const out = new Map<number, string>();
  for (const [key, v] of map) {
    const moved = move(Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS);
    if (moved) out.set(cellKey(moved[0], moved[1]), v);
  }
  return out;
}

function moveAnchored(
  model: SpreadsheetModel,
  sheet: SheetModel,
  axis: Axis,
  shift: (r: GridRect, inherit: boolean) => GridRect | null,
  index: (i: number) => number | null,
): void {
  const keep = <T extends { rect: GridRect }>(runs: T[], inherit: boolean): T[] =>
    runs.flatMap((run) => {
      const rect = shift(run.rect, inherit);
      return rect ? [{ ...run, rect }] : [];
    });
  sheet.styles = keep(sheet.styles, true);
  sheet.validations = keep(sheet.validations, true);
  sheet.conditionalFormats = sheet.conditionalFormats
    .map((rule) => ({ ...rule, ranges: rule.ranges.flatMap((r) => shift(r, false) ?? []) }))
    .filter((rule) => rule.ranges.length > 0);
  sheet.protections = sheet.protections.flatMap((p) => {
    if (!p.rect) return [p];
    const rect = shift(p.rect, false);
    return rect ? [{ ...p, rect }] : [];
  });
  for (const chart of sheet.charts) {
    chart.ranges = chart.ranges.flatMap((r) => shift(r, false) ?? []);
    const anchor = index(axis === 'row' ? chart.position.row : chart.position.col) ?? 1;
    chart.position = axis === 'row' ? { ...chart.position, row: anchor } : { ...chart.position, col: anchor };
  }
  model.namedRanges = model.namedRanges.flatMap((n) => {
    if (n.sheetId !== sheet.id) return [n];
    const rect = shift(n.rect, false);
    return rect ? [{ ...n, rect }] : [];
  });
  const type = axis === 'row' ? 'ROW' : 'COLUMN';
  sheet.developerMetadata = sheet.developerMetadata.flatMap((m) => {
    if (m.location.type !== type) return [m];
    const i = index(m.location.index);
    return i === null ? [] : [{ ...m, location: { type, index: i } }];
  });
}

/** Inserts `count` blank rows so that the first new one is row `at`; new rows take the formats of row at-1. */
export function insertRows(
  model: SpreadsheetModel,
  sheet: SheetModel,
  at: number,
  count: number,
  rulesFollow = false,
): void {
  if (sheet.values.length >= at) {
    const blanks: CellValue[][] = Array.from({ length: count }, () => []);
    sheet.values.splice(at - 1, 0, ...blanks);
  }
  const move = (r0: number, c0: number): [number, number] => [r0 >= at - 1 ? r0 + count : r0, c0];
  sheet.formulas = remapKeys(sheet.formulas, move);
  sheet.notes = remapKeys(sheet.notes, move);
  // `rulesFollow`: rows appended below the grid under rulesFollowAppendedRows=grow, where ranges
  // ending at the old last row grow over them as formats do (readings.ts).
  moveAnchored(
    model,
    sheet,
    'row',
    (r, inherit) => shiftForInsert(r, 'row', at, count, inherit || rulesFollow),
    (i) => (i >= at ? i + count : i),
  );
  sheet.maxRows += count;
}

export function deleteRows(model: SpreadsheetModel, sheet: SheetModel, at: number, count: number): void {
  sheet.values.splice(at - 1, count);
  const move = (r0: number, c0: number): [number, number] | null =>
    r0 < at - 1 ? [r0, c0] : r0 < at - 1 + count ? null : [r0 - count, c0];
  sheet.formulas = remapKeys(sheet.formulas, move);
  sheet.notes = remapKeys(sheet.notes, move);
  moveAnchored(
    model,
    sheet,
    'row',
    (r) => shiftForDelete(r, 'row', at, count),
    (i) => (i < at ? i : i < at + count ? null : i - count),
  );
  sheet.maxRows -= count;
  sheet.frozenRows = Math.min(sheet.frozenRows, sheet.maxRows);
}

export function insertColumns(model: SpreadsheetModel, sheet: SheetModel, at: number, count: number): void {
  for (const row of sheet.values) {
    if (row && row.length >= at) row.splice(at - 1, 0, ...new Array<CellValue>(count).fill(''));
  }
  const move = (r0: number, c0: number): [number, number] => [r0, c0 >= at - 1 ? c0 + count : c0];
  sheet.formulas = remapKeys(sheet.formulas, move);
  sheet.notes = remapKeys(sheet.notes, move);
  sheet.columnWidths = new Map([...sheet.columnWidths].map(([c, w]) => [c >= at ? c + count : c, w]));
  moveAnchored(
    model,
    sheet,
    'col',
    (r, inherit) => shiftForInsert(r, 'col', at, count, inherit),
    (i) => (i >= at ? i + count : i),
  );
  sheet.maxColumns += count;
}

export function deleteColumns(model: SpreadsheetModel, sheet: SheetModel, at: number, count: number): void {
  for (const row of sheet.values) if (row) row.splice(at - 1, count);
  const move = (r0: number, c0: number): [number, number] | null =>
    c0 < at - 1 ? [r0, c0] : c0 < at - 1 + count ? null : [r0, c0 - count];
  sheet.formulas = remapKeys(sheet.formulas, move);
  sheet.notes = remapKeys(sheet.notes, move);
  sheet.columnWidths = new Map(
    [...sheet.columnWidths].flatMap(([c, w]): Array<[number, number]> =>
      c < at ? [[c, w]] : c < at + count ? [] : [[c - count, w]],
    ),
  );
  moveAnchored(
    model,
    sheet,
    'col',
    (r) => shiftForDelete(r, 'col', at, count),
    (i) => (i < at ? i : i < at + count ? null : i - count),
  );
  sheet.maxColumns -= count;
  sheet.frozenColumns = Math.min(sheet.frozenColumns, sheet.maxColumns);
}

export interface SortKey {
  /** 1-based sheet column */
  column: number;
  ascending: boolean;
}

/** Sheets' order: numbers and dates, then text (case-insensitive), then booleans; blanks always last. */
function compareCells(a: CellValue, b: CellValue, timeZone: string): number {
  const rank = (v: CellValue): number =>
    typeof v === 'number' || v instanceof Date ? 0 : typeof v === 'string' ? 1 : 2;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) {
    const na = a instanceof Date ? toSerial(a, timeZone) : (a as number);
    const nb = b instanceof Date ? toSerial(b, timeZone) : (b as number);
    return na - nb;
  }
  if (ra === 1) return (a as string).localeCompare(b as string, undefined, { sensitivity: 'accent' });
  return Number(a) - Number(b);
}

/**
 * Sorts the rows of a rectangle by the keys; values, formulas and notes move with their row.
 * Formats stay where they are (a simplification: Sheets moves them too) and formula text is not
 * re-addressed.
 */
export function sortRows(model: SpreadsheetModel, sheet: SheetModel, rect: GridRect, keys: SortKey[]): void {
  const c0 = rect.col - 1;
  const rows = Array.from({ length: rect.numRows }, (_, i) => {
    const src = sheet.values[rect.row - 1 + i] ?? [];
    return Array.from({ length: rect.numCols }, (_, c) => src[c0 + c] ?? '');
  });
  const order = rows.map((_, i) => i);
  order.sort((x, y) => {
    for (const key of keys) {
      const a = rows[x][key.column - rect.col];
      const b = rows[y][key.column - rect.col];
      const blankA = a === '';
      const blankB = b === '';
      if (blankA || blankB) {
        if (blankA && blankB) continue;
        return blankA ? 1 : -1;
      }
      const cmp = compareCells(a, b, model.timeZone);
      if (cmp !== 0) return key.ascending ? cmp : -cmp;
    }
    return x - y;
  });
  const moveSparse = (map: Map<number, string>): void => {
    if (map.size === 0) return;
    const moved: Array<[number, string]> = [];
    order.forEach((from, to) => {
      for (let c = 0; c < rect.numCols; c++) {
        const key = cellKey(rect.row - 1 + from, c0 + c);
        const v = map.get(key);
        if (v !== undefined) moved.push([cellKey(rect.row - 1 + to, c0 + c), v]);
      }
    });
    for (let r = 0; r < rect.numRows; r++)
      for (let c = 0; c < rect.numCols; c++) map.delete(cellKey(rect.row - 1 + r, c0 + c));
    for (const [k, v] of moved) map.set(k, v);
  };
  moveSparse(sheet.formulas);
  moveSparse(sheet.notes);
  order.forEach((from, to) => {
    while (sheet.values.length <= rect.row - 1 + to) sheet.values.push([]);
    const target = sheet.values[rect.row - 1 + to];
    while (target.length < c0 + rect.numCols) target.push('');
    for (let c = 0; c < rect.numCols; c++) target[c0 + c] = rows[from][c];
  });
}
