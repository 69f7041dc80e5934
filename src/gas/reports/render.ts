/**
 * Writes a report model into its own tab: the tab is found by its exact report name (English or
 * Chinese, never an alias, so a user's tab called "Funnel" is never touched) or created, cleared,
 * fitted to the report, filled with one setValues, formatted with one range list per style, and its
 * charts rebuilt. The number of Spreadsheet calls depends on the report's shape (which number formats
 * it uses, whether it has totals, its charts), not on how many sections it has, and never on its rows.
 */
import { startOfDay } from '../../core/dates';
import { type Lang, formerLabels, langsFrom } from '../../core/i18n';
import type { Cell, CellFormat } from '../../core/reports';
import { type ReportName, TABS, tabName } from '../../core/schema';
import { columnLetters } from '../a1';
import { asText } from '../table';
import type { ChartPlace, Layout } from './layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const NUMBER_FORMATS: Record<CellFormat, string> = {
  text: '@',
  int: '0',
  number: 'General',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  money: '#,##0',
};
const STYLE = {
  heading: '#1f3a5f',
  headerBackground: '#1f3a5f',
  headerFont: '#ffffff',
  totalBackground: '#e8eaed',
  band: '#f3f6fa',
};

/** The names a report's tab of ours may have: today's in the workbook's language, the others', then former ones. */
function ownNames(name: ReportName, lang: Lang): string[] {
  return [...langsFrom(lang).map((l) => tabName(name, l)), ...formerLabels(TABS[name].formerly)];
}

/** The report's existing tab, by any of its names (ownNames); null when it has none yet. */
export function existingReportSheet(sheets: Map<string, Sheet>, name: ReportName, lang: Lang): Sheet | null {
  for (const n of ownNames(name, lang)) {
    const found = sheets.get(n);
    if (found) return found;
  }
  return null;
}

/**
 * The report's tab: by its name in the workbook's language, else by its other or a former name
 * (renamed to today's, in place), else new at the end.
 */
export function reportSheet(ss: Spreadsheet, sheets: Map<string, Sheet>, name: ReportName, lang: Lang): Sheet {
  const own = tabName(name, lang);
  const found = existingReportSheet(sheets, name, lang);
  if (found && found.getName() === own) return found;
  if (found) {
    sheets.delete(found.getName());
    found.setName(own);
    sheets.set(own, found);
    return found;
  }
  const created = ss.insertSheet(own, sheets.size);
  sheets.set(own, created);
  return created;
}

/** Cells as setValues should receive them: DayKeys in date columns as Dates, text kept as text. */
function sheetValues(layout: Layout, tz: string): unknown[][] {
  const out: unknown[][] = layout.values.map((row) =>
    row.map((v: Cell) => (v === null ? '' : typeof v === 'string' ? asText(v) : v)),
  );
  for (const s of layout.sections) {
    s.formats.forEach((format, c) => {
      if (format !== 'date') return;
      for (let r = s.firstDataRow; r < s.firstDataRow + s.dataRows; r++) {
        const v = layout.values[r - 1][c];
        if (typeof v === 'string' && v !== '') out[r - 1][c] = startOfDay(v, tz);
      }
    });
  }
  return out;
}

/** A tab's grid when the caller has just read it (under the document lock), so it is not asked again. */
export interface GridSize {
  rows: number;
  columns: number;
}

/** Exactly the rows and columns the report needs: a report that shrinks gives its cells back. */
function fitGrid(sheet: Sheet, rows: number, columns: number, known?: GridSize): void {
  const maxRows = known?.rows ?? sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  const maxColumns = known?.columns ?? sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  else if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
}

/** A block of cells, 1-based like getRange(row, column, numRows, numColumns). */
interface Block {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

function a1(b: Block): string {
  const start = `${columnLetters(b.col)}${b.row}`;
  if (b.numRows === 1 && b.numCols === 1) return start;
  return `${start}:${columnLetters(b.col + b.numCols - 1)}${b.row + b.numRows - 1}`;
}

/** Every block of the report that takes a style, gathered over all sections. */
interface Styled {
  headings: Block[];
  headers: Block[];
  /** header cells over number and date columns: aligned right, like the values under them */
  numberHeaders: Block[];
  totals: Block[];
  /** number format → the header and data rows of each run of columns with that format */
  formats: Map<string, Block[]>;
  /** table bodies to band (total rows apart), empty bodies left out */
  bodies: Block[];
}

function styledBlocks(layout: Layout): Styled {
  const out: Styled = { headings: [], headers: [], numberHeaders: [], totals: [], formats: new Map(), bodies: [] };
  for (const s of layout.sections) {
    out.headings.push({ row: s.headingRow, col: 1, numRows: 1, numCols: 1 });
    out.headers.push({ row: s.headerRow, col: 1, numRows: 1, numCols: s.width });
    // The header row is included so that an empty section still has a block of every format it uses.
    let start = 0;
    for (let c = 1; c <= s.formats.length; c++) {
      if (c < s.formats.length && s.formats[c] === s.formats[start]) continue;
      const format = NUMBER_FORMATS[s.formats[start]];
      const blocks = out.formats.get(format) ?? [];
      blocks.push({ row: s.headerRow, col: start + 1, numRows: 1 + s.dataRows, numCols: c - start });
      out.formats.set(format, blocks);
      if (s.formats[start] !== 'text')
        out.numberHeaders.push({ row: s.headerRow, col: start + 1, numRows: 1, numCols: c - start });
      start = c;
    }
    const bandRows = s.dataRows - (s.total ? 1 : 0);
    if (bandRows > 0) out.bodies.push({ row: s.firstDataRow, col: 1, numRows: bandRows, numCols: s.width });
    if (s.total) out.totals.push({ row: s.firstDataRow + s.dataRows - 1, col: 1, numRows: 1, numCols: s.width });
  }
  return out;
}

/** One getRangeList for all blocks of a style (a list must not be empty; which styles a report has is its shape). */
function styleList(sheet: Sheet, blocks: Block[]): GoogleAppsScript.Spreadsheet.RangeList | null {
  return blocks.length === 0 ? null : sheet.getRangeList(blocks.map(a1));
}

/**
 * Formats the title and every section with one range list per style, so a report costs the same
 * calls whether it has two sections or ten, and whatever their rows. Returns the bodies to band.
 */
function formatSections(sheet: Sheet, layout: Layout): GoogleAppsScript.Spreadsheet.Range[] {
  const styled = styledBlocks(layout);
  const title = { row: 1, col: 1, numRows: 1, numCols: 1 };
  sheet.getRangeList([title, ...styled.headings, ...styled.headers, ...styled.totals].map(a1)).setFontWeight('bold');
  sheet.getRange(1, 1).setFontSize(14);
  styleList(sheet, styled.headings)?.setFontColor(STYLE.heading);
  styleList(sheet, styled.headers)?.setFontColor(STYLE.headerFont).setBackground(STYLE.headerBackground).setWrap(true);
  // Numbers and dates sit on the right of their cells: so do their headers, or each value seems to
  // belong to the next column.
  styleList(sheet, styled.numberHeaders)?.setHorizontalAlignment('right');
  styleList(sheet, styled.totals)?.setBackground(STYLE.totalBackground);
  // clear() left every cell at the default format, General: only the others are set.
  for (const [format, blocks] of styled.formats) {
    if (format !== NUMBER_FORMATS.number) sheet.getRangeList(blocks.map(a1)).setNumberFormat(format);
  }
  return bodyRanges(sheet, layout, styled.bodies);
}

/**
 * The bodies as Range objects for the banding rule. A one-section report takes its body with one
 * getRange; more sections take one list and its getRanges — decided by the report's shape, not its rows.
 */
function bodyRanges(sheet: Sheet, layout: Layout, bodies: Block[]): GoogleAppsScript.Spreadsheet.Range[] {
  if (bodies.length === 0) return [];
  if (layout.sections.length === 1) {
    const b = bodies[0];
    return [sheet.getRange(b.row, b.col, b.numRows, b.numCols)];
  }
  return sheet.getRangeList(bodies.map(a1)).getRanges();
}

/** Banding as one live rule over every table body: a constant-size format, however long the tables. */
function band(sheet: Sheet, ranges: GoogleAppsScript.Spreadsheet.Range[]): void {
  if (ranges.length === 0) {
    sheet.setConditionalFormatRules([]);
    return;
  }
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied('=ISEVEN(ROW())')
    .setBackground(STYLE.band)
    .setRanges(ranges)
    .build();
  sheet.setConditionalFormatRules([rule]);
}

const CHART_TYPES = {
  line: 'LINE',
  column: 'COLUMN',
  stackedBar: 'BAR',
  pie: 'PIE',
} as const;

function insertChart(sheet: Sheet, place: ChartPlace): void {
  let builder = sheet
    .newChart()
    .setChartType(Charts.ChartType[CHART_TYPES[place.spec.kind]])
    .addRange(sheet.getRange(place.row, 1, place.numRows, place.numCols))
    .setPosition(place.anchorRow, place.anchorCol, 0, 0)
    .setOption('title', place.spec.title);
  if (place.spec.kind === 'stackedBar') builder = builder.setOption('isStacked', true);
  sheet.insertChart(builder.build());
}

/**
 * Rebuilds the tab from the report's layout (layoutReport). The caller holds the document lock;
 * `size` is the tab's grid when the caller read it in this execution (clear() keeps the grid).
 */
export function renderReport(sheet: Sheet, layout: Layout, tz: string, size?: GridSize): void {
  // The tab is the report's own: its old charts go with its old contents, so a rerun never stacks them.
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.clear();
  // A tab made now gets its title row frozen; one that existed keeps the reader's choice (clear()
  // keeps frozen rows, like column widths).
  if (!size) sheet.setFrozenRows(1);
  fitGrid(sheet, layout.gridRows, layout.gridColumns, size);
  // Sheet.clear() keeps data validations on live Apps Script (docs/google-readings.md#conformance-with-live-apps-script):
  // a dropdown or checkbox a reader put on the tab would sit on the new figures, so the figures'
  // range drops them before it takes the values.
  const figures = sheet.getRange(1, 1, layout.values.length, layout.width);
  figures.clearDataValidations();
  figures.setValues(sheetValues(layout, tz));
  band(sheet, formatSections(sheet, layout));
  // Widths outlive clear(): columns the tab had keep theirs (ours from last time, or the width a
  // reader dragged a column to); only columns new to the tab are sized, each to its content (one
  // call per column: the report's shape, never its rows).
  const firstNew = size ? size.columns + 1 : 1;
  for (let c = firstNew; c <= layout.width; c++) sheet.setColumnWidth(c, layout.widths[c - 1]);
  for (const place of layout.charts) insertChart(sheet, place);
}
