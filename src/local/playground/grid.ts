/**
 * One tab as the playground draws it: each cell's displayed text (number formats and the locale
 * applied) and its look — the cell's own formatting with the first matching conditional format rule
 * on top, evaluated for today, as Sheets shows it without any script running.
 */
import {
  MAX_COLUMNS,
  type CellStyle,
  type CellValue,
  type ConditionalFormatRule,
  type SheetModel,
  type SpreadsheetModel,
} from '../emulator/model';
import { displayValue, lastColumn, lastRow, styleGrid, toSerial } from '../emulator/spreadsheet';
import { localeInfo } from '../emulator/spreadsheet/locale';
import { CHART_HEIGHT, CHART_WIDTH, chartData, chartSvg } from '../charts/render';
import { parseFormula, type Formula, type FormulaScope, type FormulaValue } from '../emulator/formula';

export interface GridJson {
  name: string;
  frozenRows: number;
  /** pixel widths of the shown columns */
  widths: number[];
  /** CSS declarations, shared by index */
  styles: string[];
  /** [text, style index] per cell, row by row */
  rows: [string, number][][];
  /** the tab's embedded charts, drawn as Sheets would from their ranges */
  charts: ChartJson[];
}

/**
 * One embedded chart: its picture (the SVG the .xlsx's PNG comes from, as a data URL so the page shows
 * it as an image: text from the workbook inside it can never run as markup) and its anchor cell.
 */
export interface ChartJson {
  title: string;
  src: string;
  /** 1-based anchor cell and pixel offsets from its top left corner */
  row: number;
  col: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
}

type Look = ConditionalFormatRule['format'];

export function tabGrid(model: SpreadsheetModel, sheet: SheetModel, now: Date): GridJson {
  const rows = Math.max(1, lastRow(sheet));
  const cols = Math.max(1, lastColumn(sheet));
  const base = styleGrid(sheet, { row: 1, col: 1, numRows: rows, numCols: cols });
  const looks = conditionalLooks(sheet, model.timeZone, now, rows, cols);
  const spilled = arraySpills(sheet, model.timeZone, now, rows);
  const loc = localeInfo(model.locale);
  const styles: string[] = [];
  const styleIndex = new Map<string, number>();
  const out: [string, number][][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: [string, number][] = [];
    for (let c = 1; c <= cols; c++) {
      const style = base[r - 1][c - 1];
      const value: CellValue = spilled.get(key(r, c)) ?? sheet.values[r - 1]?.[c - 1] ?? '';
      const css = cssOf(style, looks.get(key(r, c)), value);
      let index = styleIndex.get(css);
      if (index === undefined) {
        index = styles.push(css) - 1;
        styleIndex.set(css, index);
      }
      line.push([displayValue(value, style.numberFormat, loc, model.timeZone), index]);
    }
    out.push(line);
  }
  const widths = Array.from({ length: cols }, (_, i) => sheet.columnWidths.get(i + 1) ?? 100);
  return { name: sheet.name, frozenRows: sheet.frozenRows, widths, styles, rows: out, charts: chartsOf(model, sheet) };
}

function chartsOf(model: SpreadsheetModel, sheet: SheetModel): ChartJson[] {
  return sheet.charts.map((chart) => {
    const data = chartData(model, sheet, chart);
    const svg = chartSvg(data);
    return {
      title: data.title,
      src: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`,
      ...chart.position,
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
    };
  });
}

function key(row: number, col: number): number {
  return row * 100_000 + col;
}

function scopeFor(sheet: SheetModel, timeZone: string, now: Date): FormulaScope {
  return {
    today: Math.floor(toSerial(now, timeZone)),
    cell: (row, col) => formulaValue(sheet.values[row - 1]?.[col - 1] ?? '', timeZone),
  };
}

/**
 * What each ARRAYFORMULA shows below its own cell today (the register's Follow-up state column), as
 * Sheets recalculates it: the emulator keeps only the anchor cell's value. A formula the evaluator
 * cannot read shows nothing.
 */
function arraySpills(sheet: SheetModel, timeZone: string, now: Date, rows: number): Map<number, CellValue> {
  const out = new Map<number, CellValue>();
  const scope = scopeFor(sheet, timeZone, now);
  for (const [cellKey, text] of sheet.formulas) {
    if (!/^=\s*ARRAYFORMULA\(/i.test(text)) continue;
    const anchorRow = Math.floor(cellKey / MAX_COLUMNS) + 1;
    const col = (cellKey % MAX_COLUMNS) + 1;
    let formula: Formula;
    try {
      formula = parseFormula(text);
    } catch {
      continue;
    }
    for (let r = anchorRow + 1; r <= rows; r++) {
      let v: FormulaValue;
      try {
        v = formula.evaluateArray(scope, anchorRow, r - anchorRow);
      } catch {
        v = null;
      }
      if (v !== null) out.set(key(r, col), v);
    }
  }
  return out;
}

/** The format of the first rule that holds, per cell (later rules never override an earlier match). */
function conditionalLooks(
  sheet: SheetModel,
  timeZone: string,
  now: Date,
  rows: number,
  cols: number,
): Map<number, Look> {
  const looks = new Map<number, Look>();
  const scope = scopeFor(sheet, timeZone, now);
  for (const rule of sheet.conditionalFormats) {
    const test = ruleTest(rule, scope);
    if (!test) continue;
    for (const range of rule.ranges) {
      const lastR = Math.min(range.row + range.numRows - 1, rows);
      const lastC = Math.min(range.col + range.numCols - 1, cols);
      for (let r = range.row; r <= lastR; r++) {
        for (let c = range.col; c <= lastC; c++) {
          if (looks.has(key(r, c))) continue;
          if (test(r - range.row, c - range.col, r, c)) looks.set(key(r, c), rule.format);
        }
      }
    }
  }
  return looks;
}

type CellTest = (rowOffset: number, colOffset: number, row: number, col: number) => boolean;

function ruleTest(rule: ConditionalFormatRule, scope: FormulaScope): CellTest | null {
  const condition = rule.condition;
  const value = (row: number, col: number): FormulaValue => scope.cell(row, col);
  switch (condition.type) {
    case 'CUSTOM_FORMULA': {
      let formula: Formula;
      try {
        formula = parseFormula(condition.formula);
      } catch {
        return null;
      }
      const holds = (dr: number, dc: number): boolean => {
        try {
          const result = formula.evaluate(scope, dr, dc);
          return result === true || (typeof result === 'number' && result !== 0);
        } catch {
          return false;
        }
      };
      if (!formula.sameInEveryColumn) return holds;
      // A rule over whole rows ($N2 < TODAY()): one evaluation per row, not per cell.
      const byRow = new Map<number, boolean>();
      return (dr) => {
        let held = byRow.get(dr);
        if (held === undefined) byRow.set(dr, (held = holds(dr, 0)));
        return held;
      };
    }
    case 'CELL_EMPTY':
      return (_dr, _dc, r, c) => value(r, c) === null;
    case 'CELL_NOT_EMPTY':
      return (_dr, _dc, r, c) => value(r, c) !== null;
    case 'TEXT_EQUAL_TO':
      return (_dr, _dc, r, c) => String(value(r, c) ?? '') === condition.text;
    case 'DATE_BEFORE':
    case 'DATE_EQUAL_TO': {
      const shift = { TODAY: 0, TOMORROW: 1, YESTERDAY: -1, PAST_WEEK: -7 }[condition.relative];
      const day = scope.today + shift;
      return (_dr, _dc, r, c) => {
        const v = value(r, c);
        if (typeof v !== 'number') return false;
        return condition.type === 'DATE_BEFORE' ? Math.floor(v) < day : Math.floor(v) === day;
      };
    }
  }
}

function formulaValue(value: CellValue, timeZone: string): FormulaValue {
  if (value === '') return null;
  if (value instanceof Date) return toSerial(value, timeZone);
  return value;
}

/**
 * The cell's look as Sheets draws it: numbers and dates on the right unless aligned otherwise, and
 * wrapped text on as many lines as it takes (the row grows), instead of cut off.
 */
function cssOf(style: CellStyle, look: Look | undefined, value: CellValue): string {
  const parts: string[] = [];
  const background = look?.background ?? style.background;
  const color = look?.fontColor ?? style.font?.color;
  if (background) parts.push(`background:${background}`);
  if (color) parts.push(`color:${color}`);
  if (look?.bold ?? style.font?.bold) parts.push('font-weight:bold');
  if (look?.italic ?? style.font?.italic) parts.push('font-style:italic');
  if (look?.strikethrough) parts.push('text-decoration:line-through');
  const numeric = typeof value === 'number' || value instanceof Date;
  const align = style.horizontalAlignment ?? (numeric ? 'right' : undefined);
  if (align) parts.push(`text-align:${align}`);
  if (style.wrap) parts.push('white-space:normal;overflow-wrap:anywhere');
  return parts.join(';');
}
