/** Every report by name, with the periods they cover unless told otherwise. */
import { type DayKey, type DayRange, addDays } from '../dates';
import { t } from '../i18n';
import { type ColumnKey, type ReportName, tabName } from '../schema';
import { settingLabel } from '../settings';
import { churnReport } from './churn';
import { TREND_DAYS, dailyReport } from './daily';
import type { ReportData } from './data';
import { funnelReport } from './funnel';
import type { ReportModel } from './model';
import { monthlyReport } from './monthly';
import { overdueReport } from './overdue';
import { type MonthKey, monthOf } from './period';
import { persistenceReport } from './persistence';
import { validityReport } from './validity';

export { REPORT_COLUMNS, prepareReports, type ReportInput, type ReportData } from './data';
export type { ReportModel, ReportSection, ChartSpec, Cell, CellFormat } from './model';
export { monthOf } from './period';

/** The funnel's conversions are counted over this many days up to today. */
export const FUNNEL_DAYS = 30;

export interface ReportOptions {
  /** Daily: the day reported (default today). */
  day?: DayKey;
  /** Monthly: the month reported, 'YYYY-MM' (default this month). */
  month?: MonthKey;
  /** Funnel: the period of the conversions (default the last 30 days). */
  period?: DayRange;
}

/**
 * Contacts columns only the daily and monthly reports read, and only for contacts inside their
 * periods (who made the attempt, on which channel): see recentContactsSince.
 */
export const RECENT_CONTACT_COLUMNS = ['by', 'channel'] as const satisfies readonly ColumnKey<'contacts'>[];

/**
 * The first day whose contacts the named reports need RECENT_CONTACT_COLUMNS of: the daily report's
 * 14-day trend, the monthly report's month; null when none of the reports needs them. Contacts
 * dated before it may be read with those columns blank.
 */
export function recentContactsSince(
  names: readonly ReportName[],
  options: ReportOptions,
  today: DayKey,
): DayKey | null {
  const days: DayKey[] = [];
  if (names.includes('daily')) days.push(addDays(options.day ?? today, 1 - TREND_DAYS));
  if (names.includes('monthly')) days.push(`${options.month ?? monthOf(today)}-01`);
  return days.length === 0 ? null : days.reduce((a, b) => (b < a ? b : a));
}

export function buildReport(name: ReportName, data: ReportData, options: ReportOptions = {}): ReportModel {
  return capLists(reportModel(name, data, options), data.input.settings.reportListRows);
}

/**
 * Every list longer than `limit` rows keeps its first `limit` (the reports sort lists most urgent
 * first), and the report says what was left out. A list of 17,000 overdue clients
 * is read by nobody, would cost a minute of Apps Script time to write every day, and could push the
 * file past Google's 10-million-cell limit; the sheet's own highlighting still shows every client.
 */
export function capLists(model: ReportModel, limit: number): ReportModel {
  const { lang } = model;
  const notes = [...model.notes];
  const sections = model.sections.map((s) => {
    // A section with a total row is a summary (per person, per stage…), never cut.
    const body = s.rows.length;
    if (s.total || body <= limit) return s;
    notes.push(
      t(lang, 'report.listCapped', {
        section: s.heading,
        shown: limit.toLocaleString('en-US'),
        count: body.toLocaleString('en-US'),
        setting: settingLabel('reportListRows', lang),
        tab: tabName('settings', lang),
      }),
    );
    return { ...s, rows: s.rows.slice(0, limit) };
  });
  if (notes.length === model.notes.length) return model;
  const charts = model.charts.map((c) => ({ ...c, rows: Math.min(c.rows, sections[c.section].rows.length) }));
  return { ...model, notes, sections, charts };
}

/**
 * The registry: every report by name, in the order All reports and the daily run build them. Adding
 * a report is its module and one line here; a ReportName (src/core/schema.ts) without its line does
 * not compile.
 */
const REPORTS = {
  daily: (data, options) => dailyReport(data, options.day ?? data.today),
  monthly: (data, options) => monthlyReport(data, options.month ?? monthOf(data.today)),
  funnel: (data, options) =>
    funnelReport(data, options.period ?? { from: addDays(data.today, 1 - FUNNEL_DAYS), to: data.today }),
  overdue: (data) => overdueReport(data),
  churn: (data) => churnReport(data),
  validity: (data) => validityReport(data),
  persistence: (data) => persistenceReport(data),
} as const satisfies Record<ReportName, (data: ReportData, options: ReportOptions) => ReportModel>;

export const REPORT_NAMES = Object.keys(REPORTS) as readonly ReportName[];

function reportModel(name: ReportName, data: ReportData, options: ReportOptions): ReportModel {
  return REPORTS[name](data, options);
}
