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
    // One spare row below the data keeps a row that is not frozen.
    gridRows: Math.max(values.length + 1, nextFree),
    gridColumns: charts.length > 0 ? anchorCol + CHART_COLUMNS : width,
  };
}
