/**
 * What a report is before it touches a sheet: a title line, notes, tables and chart specs, all
 * plain data. Core builds it, src/gas/reports renders it into its tab, tests read it directly.
 */
import type { Lang } from '../i18n';
import type { ReportName } from '../schema';

/**
 * How a column's cells are shown: dates arrive as DayKeys ('YYYY-MM-DD'), percentages as fractions,
 * 'number' for values that may have a fraction (a median).
 */
export type CellFormat = 'text' | 'int' | 'number' | 'percent' | 'date' | 'money';

export type Cell = string | number | null;

export interface ReportSection {
  heading: string;
  columns: string[];
  formats: CellFormat[];
  rows: Cell[][];
  /** The last row is a total row. */
  total: boolean;
}

export type ChartKind = 'line' | 'column' | 'stackedBar' | 'pie';

/** A chart over the header row and the first `rows` data rows of one section, first `columns` columns. */
export interface ChartSpec {
  kind: ChartKind;
  title: string;
  section: number;
  rows: number;
  columns: number;
}

export interface ReportModel {
  name: ReportName;
  lang: Lang;
  title: string;
  period: string;
  asOf: string;
  /** Sentences shown under the title (an empty period, a definition). */
  notes: string[];
  sections: ReportSection[];
  charts: ChartSpec[];
}

/** n out of d as a fraction rounded to one decimal of a percent (0.498 → 49.8%); null when d is 0. */
export function share(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 1000) / 1000;
}

export function section(
  heading: string,
  columns: readonly (readonly [string, CellFormat])[],
  rows: Cell[][],
  total = false,
): ReportSection {
  return { heading, columns: columns.map((c) => c[0]), formats: columns.map((c) => c[1]), rows, total };
}

/**
 * Orders codes and days ('A' < 'B', '2026-03-01' < '2026-03-09') by their characters, the order
 * localeCompare gives them, at a fraction of the cost: report lists sort tens of thousands of rows.
 */
export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The middle value (the mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
