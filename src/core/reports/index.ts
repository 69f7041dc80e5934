/** Every report by name, with the periods they cover unless told otherwise. */
import { type DayKey, addDays } from '../dates';
import type { ReportName } from '../schema';
import { churnReport } from './churn';
import { dailyReport } from './daily';
import type { ReportData } from './data';
import { funnelReport } from './funnel';
import type { ReportModel } from './model';
import { monthlyReport } from './monthly';
import { overdueReport } from './overdue';
import { type DayRange, type MonthKey, monthOf } from './period';
import { persistenceReport } from './persistence';
import { validityReport } from './validity';

export { REPORT_COLUMNS, prepareReports, type ReportInput, type ReportData } from './data';
export type { ReportModel, ReportSection, ChartSpec, Cell, CellFormat } from './model';
export { monthOf } from './period';

export const REPORT_NAMES: readonly ReportName[] = [
  'daily',
  'monthly',
  'funnel',
  'overdue',
  'churn',
  'validity',
  'persistence',
];

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

export function buildReport(name: ReportName, data: ReportData, options: ReportOptions = {}): ReportModel {
  switch (name) {
    case 'daily':
      return dailyReport(data, options.day ?? data.today);
    case 'monthly':
      return monthlyReport(data, options.month ?? monthOf(data.today));
    case 'funnel':
      return funnelReport(data, options.period ?? { first: addDays(data.today, 1 - FUNNEL_DAYS), last: data.today });
    case 'overdue':
      return overdueReport(data);
    case 'churn':
      return churnReport(data);
    case 'validity':
      return validityReport(data);
    case 'persistence':
      return persistenceReport(data);
  }
}
