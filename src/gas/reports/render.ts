/**
 * Writes a report model into its own tab: the tab is found by its exact report name (English or
 * Chinese, never an alias, so a user's tab called "Funnel" is never touched) or created, cleared,
 * fitted to the report, filled with one setValues, formatted, and its charts rebuilt. The number of
 * Spreadsheet calls depends on the report's shape (sections, columns, charts), never on its rows.
 */
import { startOfDay } from '../../core/dates';
import type { Lang } from '../../core/i18n';
import type { Cell, CellFormat } from '../../core/reports';
import { type ReportName, tabName } from '../../core/schema';
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
const FIRST_COLUMN_WIDTH = 200;
const COLUMN_WIDTH = 110;

/** The report's existing tab, by its name in either language; null when it has none yet. */
export function existingReportSheet(sheets: Map<string, Sheet>, name: ReportName, lang: Lang): Sheet | null {
  return sheets.get(tabName(name, lang)) ?? sheets.get(tabName(name, lang === 'en' ? 'zh-CN' : 'en')) ?? null;
}

/** The report's tab: by its name in the workbook's language, else in the other one (renamed), else new at the end. */
export function reportSheet(ss: Spreadsheet, sheets: Map<string, Sheet>, name: ReportName, lang: Lang): Sheet {
  const own = tabName(name, lang);
  const found = sheets.get(own);
  if (found) return found;
  const other = tabName(name, lang === 'en' ? 'zh-CN' : 'en');
  const renamed = sheets.get(other);
  if (renamed) {
    renamed.setName(own);
    sheets.delete(other);
    sheets.set(own, renamed);
    return renamed;
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

/** Exactly the rows and columns the report needs: a report that shrinks gives its cells back. */
function fitGrid(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  else if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
}

/** Formats per section: a call per run of same-format columns, over header and data rows alike. */
function formatSections(sheet: Sheet, layout: Layout): GoogleAppsScript.Spreadsheet.Range[] {
  const banded: GoogleAppsScript.Spreadsheet.Range[] = [];
  for (const s of layout.sections) {
    sheet.getRange(s.headingRow, 1).setFontWeight('bold').setFontColor(STYLE.heading);
    sheet
      .getRange(s.headerRow, 1, 1, s.width)
      .setFontWeight('bold')
      .setFontColor(STYLE.headerFont)
      .setBackground(STYLE.headerBackground)
      .setWrap(true);
    // The header row is included so that an empty section costs the same calls as a long one.
    const rows = 1 + s.dataRows;
    let start = 0;
    for (let c = 1; c <= s.formats.length; c++) {
      if (c < s.formats.length && s.formats[c] === s.formats[start]) continue;
      sheet.getRange(s.headerRow, start + 1, rows, c - start).setNumberFormat(NUMBER_FORMATS[s.formats[start]]);
      start = c;
    }
    // The body (total row apart) is banded; an empty body still costs its one getRange.
    const bandRows = s.dataRows - (s.total ? 1 : 0);
    const body = sheet.getRange(s.firstDataRow, 1, Math.max(1, bandRows), s.width);
    if (bandRows > 0) banded.push(body);
    if (s.total) {
      sheet
        .getRange(s.firstDataRow + s.dataRows - 1, 1, 1, s.width)
        .setFontWeight('bold')
        .setBackground(STYLE.totalBackground);
    }
  }
  return banded;
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

/** Rebuilds the tab from the report's layout (layoutReport). The caller holds the document lock. */
export function renderReport(sheet: Sheet, layout: Layout, tz: string): void {
  // The tab is the report's own: its old charts go with its old contents, so a rerun never stacks them.
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.clear();
  sheet.setFrozenRows(1);
  fitGrid(sheet, layout.gridRows, layout.gridColumns);
  sheet.getRange(1, 1, layout.values.length, layout.width).setValues(sheetValues(layout, tz));
  sheet.getRange(1, 1).setFontWeight('bold').setFontSize(14);
  band(sheet, formatSections(sheet, layout));
  sheet.setColumnWidth(1, FIRST_COLUMN_WIDTH);
  if (layout.width > 1) sheet.setColumnWidths(2, layout.width - 1, COLUMN_WIDTH);
  for (const place of layout.charts) insertChart(sheet, place);
}
