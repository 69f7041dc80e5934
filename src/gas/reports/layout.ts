/**
 * Where a report model goes on its tab, computed without touching the sheet: the title line in row 1,
 * notes under it, then each section (heading, header row, data rows, total row) with a blank row
 * after it; charts to the right of the widest table, each beside its own section.
 */
import { t } from '../../core/i18n';
import type { Cell, CellFormat, ChartSpec, ReportModel } from '../../core/reports';

export interface SectionPlace {
  headingRow: number;
  headerRow: number;
  firstDataRow: number;
  dataRows: number;
  width: number;
  formats: readonly CellFormat[];
  total: boolean;
}

export interface ChartPlace {
  spec: ChartSpec;
  /** The chart's data: header row + rows, from column 1. */
  row: number;
  numRows: number;
  numCols: number;
  anchorRow: number;
  anchorCol: number;
}

export interface Layout {
  values: Cell[][];
  width: number;
  sections: SectionPlace[];
  charts: ChartPlace[];
  /** Each table column's width in pixels, sized to its content (columnWidths). */
  widths: number[];
  /** Rows and columns the grid must have, charts included. */
  gridRows: number;
  gridColumns: number;
}

/** A chart is about 20 rows tall and 6 default columns wide. */
export const CHART_ROWS = 20;
export const CHART_COLUMNS = 6;

export function layoutReport(model: ReportModel): Layout {
  const width = Math.max(1, ...model.sections.map((s) => s.columns.length));
  const values: Cell[][] = [];
  const line = (cells: Cell[]): void => {
    values.push([...cells, ...new Array<Cell>(width - cells.length).fill(null)]);
  };
  line([t(model.lang, 'report.titleLine', { title: model.title, period: model.period, asOf: model.asOf })]);
  for (const note of model.notes) line([note]);
  const sections: SectionPlace[] = [];
  for (const s of model.sections) {
    line([]);
    const headingRow = values.length + 1;
    line([s.heading]);
    line(s.columns);
    const firstDataRow = values.length + 1;
    for (const row of s.rows) line(row);
    sections.push({
      headingRow,
      headerRow: headingRow + 1,
      firstDataRow,
      dataRows: s.rows.length,
      width: s.columns.length,
      formats: s.formats,
      total: s.total,
    });
  }
  const anchorCol = width + 2;
  let nextFree = 1;
  const charts = model.charts.map((spec): ChartPlace => {
    const place = sections[spec.section];
    const anchorRow = Math.max(place.headingRow, nextFree);
    nextFree = anchorRow + CHART_ROWS;
    return { spec, row: place.headerRow, numRows: 1 + spec.rows, numCols: spec.columns, anchorRow, anchorCol };
  });
  return {
    values,
    width,
    sections,
    charts,
    widths: columnWidths(model, width),
    // One spare row below the data keeps a row that is not frozen.
    gridRows: Math.max(values.length + 1, nextFree),
    gridColumns: charts.length > 0 ? anchorCol + CHART_COLUMNS : width,
  };
}

/** Widths in pixels: Sheets' default font draws a Latin character about 7 px wide, a Chinese one 13. */
const CHAR_PX = 7;
const WIDE_CHAR_PX = 13;
const PADDING_PX = 16;
const MIN_WIDTH = 56;
/** A header wraps past this (its longest word still fits): header rows grow, not the columns. */
const HEADER_WIDTH = 120;
/** Longer text is cut off by the next column rather than widening the table past a screen. */
const MAX_WIDTH = { first: 280, other: 220 };

/** How wide a text draws, in pixels (CJK and full-width characters count about double). */
export function textWidth(text: string): number {
  let px = 0;
  for (const ch of text) px += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? WIDE_CHAR_PX : CHAR_PX;
  return px;
}

/** A value as its column's number format shows it, near enough to size the column. */
function shown(cell: Cell, format: CellFormat): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (format === 'percent') return `${(cell * 100).toFixed(1)}%`;
  if (format === 'money') return Math.round(cell).toLocaleString('en-US');
  if (format === 'int') return String(Math.round(cell));
  return String(Number.isInteger(cell) ? cell : Number(cell.toPrecision(10)));
}

/**
 * Each table column's width in pixels, sized to what it holds: the widest value in its sections,
 * and its header up to HEADER_WIDTH (a longer header wraps, its longest word kept whole). Titles,
 * notes and section headings sit in column 1 and run on over the empty cells to their right, so
 * they size nothing.
 */
export function columnWidths(model: ReportModel, width: number): number[] {
  const px = new Array<number>(width).fill(0);
  for (const s of model.sections) {
    s.columns.forEach((header, c) => {
      const longestWord = Math.max(...header.split(/\s+/).map(textWidth));
      px[c] = Math.max(px[c], longestWord, Math.min(textWidth(header), HEADER_WIDTH));
      for (const row of s.rows) px[c] = Math.max(px[c], textWidth(shown(row[c] ?? null, s.formats[c] ?? 'text')));
    });
  }
  return px.map((w, c) => Math.min(Math.max(w + PADDING_PX, MIN_WIDTH), c === 0 ? MAX_WIDTH.first : MAX_WIDTH.other));
}
