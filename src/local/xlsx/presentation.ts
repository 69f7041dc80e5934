/**
 * What a tab needs in the .xlsx to read and print the way it does in Sheets, beyond cells and styles:
 * - row heights: Sheets grows a row to fit its wrapped text and larger fonts by itself; Excel and
 *   LibreOffice do not on opening a file, so a wrapped header would show only one line. Heights are
 *   estimated from the text, the font size and the column widths.
 * - print settings: Sheets has no print settings a script can set (its print dialog decides), so the
 *   file carries what a reader would choose: landscape A4, fit to as few pages wide as keeps the text
 *   readable (at least 60 %), the frozen header rows and columns repeated on every page.
 * - charts: exceljs writes no native charts, so each embedded chart is drawn as a picture from the
 *   add-on's own chart specification (src/local/charts/render.ts) at its anchor. Loading ignores
 *   the pictures: charts live in the sidecar.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { CHART_HEIGHT, CHART_WIDTH, chartData, chartPng } from '../charts/render';
import type { CellStyle, SheetModel, SpreadsheetModel } from '../emulator/model';
import { styleGrid } from '../emulator/spreadsheet/styles';
import { cellA1 } from './a1';

const DEFAULT_COLUMN_PX = 100;
const DEFAULT_FONT_PT = 10;
/** Row height in points for one line of 10 pt text, and per extra line. */
const LINE_PT = 13;
const PADDING_PT = 4;
/** The most rows examined for wrapped text in one tab (a tab wrapping whole columns stops there). */
const MAX_FITTED_ROWS = 5000;
/** A4 landscape, 1.5 cm margins: the printable width in screen pixels (96 dpi). */
const PAGE_WIDTH_PX = 1010;
const MIN_SCALE = 0.6;

export function writePresentation(workbook: Workbook, ws: Worksheet, sheet: SheetModel, model: SpreadsheetModel): void {
  fitRowHeights(ws, sheet);
  const extent = writeCharts(workbook, ws, sheet, model);
  printSetup(ws, sheet, extent);
}

function columnPx(sheet: SheetModel, col: number): number {
  return sheet.columnWidths.get(col) ?? DEFAULT_COLUMN_PX;
}

/** Width of text in px at 10 pt Arial: Latin about 7 px a character, CJK and full-width about 13. */
export function textPx(text: string, sizePt = DEFAULT_FONT_PT, bold = false): number {
  let px = 0;
  for (const ch of text)
    px += /[\u1100-\uffff]/.test(ch) ? 13 : /[A-Z#@%&WMmw]/.test(ch) ? 8.5 : /[ il.,:;|'!·]/.test(ch) ? 3.5 : 7;
  return px * (sizePt / DEFAULT_FONT_PT) * (bold ? 1.08 : 1);
}

/** Lines the text takes in a column of `width` px when wrapped at spaces (CJK anywhere). */
export function wrappedLines(text: string, width: number, sizePt = DEFAULT_FONT_PT, bold = false): number {
  const room = Math.max(20, width - 8);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/(?<=\s)|(?=[\u3000-\uffff])/)) {
      const w = textPx(word, sizePt, bold);
      if (used > 0 && used + w > room) {
        lines++;
        used = 0;
      }
      used += w;
      while (used > room) {
        lines++;
        used -= room;
      }
    }
  }
  return lines;
}

function rowHeightPt(sheet: SheetModel, row: number, styles: CellStyle[]): number | null {
  const values = sheet.values[row - 1] ?? [];
  let height = 0;
  styles.forEach((style, i) => {
    const value = values[i];
    const size = style.font?.size ?? DEFAULT_FONT_PT;
    const scale = size / DEFAULT_FONT_PT;
    if (value === undefined || value === '' || (!style.wrap && scale <= 1)) return;
    const lines = style.wrap ? wrappedLines(String(value), columnPx(sheet, i + 1), size, style.font?.bold) : 1;
    height = Math.max(height, lines * LINE_PT * scale + PADDING_PT);
  });
  return height > LINE_PT + PADDING_PT ? Math.ceil(height) : null;
}

function fitRowHeights(ws: Worksheet, sheet: SheetModel): void {
  const rows = new Set<number>();
  const last = sheet.values.length;
  for (const run of sheet.styles) {
    if (!run.style.wrap && !((run.style.font?.size ?? DEFAULT_FONT_PT) > DEFAULT_FONT_PT)) continue;
    const end = Math.min(run.rect.row + run.rect.numRows - 1, last);
    for (let r = run.rect.row; r <= end && rows.size < MAX_FITTED_ROWS; r++) rows.add(r);
  }
  const width = Math.max(0, ...sheet.values.map((v) => v.length));
  if (width === 0) return;
  for (const r of [...rows].sort((a, b) => a - b)) {
    const styles = styleGrid(sheet, { row: r, col: 1, numRows: 1, numCols: width })[0];
    const height = rowHeightPt(sheet, r, styles);
    if (height !== null) ws.getRow(r).height = height;
  }
}

/** The last row and column the tab's content reaches, charts included. */
interface Extent {
  rows: number;
  columns: number;
}

function writeCharts(workbook: Workbook, ws: Worksheet, sheet: SheetModel, model: SpreadsheetModel): Extent {
  let rows = sheet.values.length;
  let columns = Math.max(0, ...sheet.values.map((v) => v.length));
  for (const chart of sheet.charts) {
    let png: Buffer;
    try {
      png = chartPng(chartData(model, sheet, chart));
    } catch {
      continue; // a chart that cannot be drawn is left out of the file, never the file itself
    }
    const image = workbook.addImage({ buffer: png as unknown as ArrayBuffer, extension: 'png' } as never);
    const { row, col, offsetX, offsetY } = chart.position;
    ws.addImage(image, {
      tl: { col: col - 1 + offsetX / columnPx(sheet, col), row: row - 1 + offsetY / 20 },
      ext: { width: CHART_WIDTH, height: CHART_HEIGHT },
      editAs: 'oneCell',
    } as never);
    let right = col;
    for (let px = columnPx(sheet, col) - offsetX; px < CHART_WIDTH; px += columnPx(sheet, right)) right++;
    columns = Math.max(columns, right);
    rows = Math.max(rows, row + Math.ceil(CHART_HEIGHT / 21));
  }
  return { rows, columns };
}

function printSetup(ws: Worksheet, sheet: SheetModel, extent: Extent): void {
  if (extent.rows === 0 || extent.columns === 0) return;
  let widthPx = 0;
  for (let c = 1; c <= extent.columns; c++) widthPx += columnPx(sheet, c);
  const pagesWide = Math.max(1, Math.ceil(widthPx / (PAGE_WIDTH_PX / MIN_SCALE)));
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: pagesWide,
    fitToHeight: 0,
    margins: { left: 0.6, right: 0.6, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printArea: `A1:${cellA1(extent.rows, extent.columns)}`,
    ...(sheet.frozenRows > 0 ? { printTitlesRow: `1:${sheet.frozenRows}` } : {}),
  };
  if (pagesWide > 1 && sheet.frozenColumns > 0) {
    ws.pageSetup.printTitlesColumn = `A:${cellA1(1, sheet.frozenColumns).replace(/\d+$/, '')}`;
  }
  ws.headerFooter = { oddFooter: '&L&A&R&P / &N' };
}
