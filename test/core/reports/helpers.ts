import type { ReportModel, ReportSection } from '../../../src/core/reports';

/** A report's section by its heading. */
export function section(report: ReportModel, heading: string): ReportSection {
  const found = report.sections.find((s) => s.heading === heading);
  if (!found) throw new Error(`no section “${heading}”; have ${report.sections.map((s) => s.heading).join(' | ')}`);
  return found;
}

/** A column of a section's rows, by header. */
export function column(s: ReportSection, name: string): unknown[] {
  const i = s.columns.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return s.rows.map((r) => r[i]);
}
