/**
 * Builds report tabs: one batch read per source tab (Clients, Contacts, Team, Changes, Settings),
 * the pure reports over them, then one render per report, all under the document lock. Menu items
 * build one report (or all) for today; the daily run calls buildAllReports for the day just finished.
 */
import { addDays, today } from '../../core/dates';
import { t } from '../../core/i18n';
import {
  REPORT_COLUMNS,
  REPORT_NAMES,
  type ReportInput,
  type ReportOptions,
  buildReport,
  monthOf,
  prepareReports,
} from '../../core/reports';
import type { ColumnKey, ReportName } from '../../core/schema';
import { readSettings } from '../clients-pass';
import { type WorkbookContext, workbookContext } from '../context';
import { UserError } from '../errors';
import { withDocumentLock } from '../lock';
import { findTab, openTable, sheetsByName } from '../table';
import { checkCellBudget } from './cell-budget';
import { layoutReport } from './layout';
import { existingReportSheet, renderReport, reportSheet } from './render';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Team and Changes are optional sources: a workbook without them still gets its reports. */
function optional<T extends 'team' | 'changes'>(
  sheets: Map<string, Sheet>,
  table: T,
  ctx: WorkbookContext,
  columns?: readonly ColumnKey<T>[],
): ReportInput[T] {
  return findTab(sheets, table) ? (openTable(sheets, table, { ...ctx, columns }).records as ReportInput[T]) : [];
}

function readSources(sheets: Map<string, Sheet>, ctx: WorkbookContext): ReportInput {
  return {
    settings: readSettings(sheets, ctx.lang).settings,
    clients: openTable(sheets, 'clients', { ...ctx, columns: REPORT_COLUMNS.clients }).records,
    contacts: openTable(sheets, 'contacts', { ...ctx, columns: REPORT_COLUMNS.contacts }).records,
    team: optional(sheets, 'team', ctx),
    changes: optional(sheets, 'changes', ctx, REPORT_COLUMNS.changes),
    now: ctx.now,
    tz: ctx.tz,
    lang: ctx.lang,
  };
}

/**
 * Rebuilds the named report tabs and returns them, for a caller that already holds the document
 * lock (the daily run). Throws a UserError (nothing written) when a source tab or column is missing.
 */
export function rebuildReports(
  ctx: WorkbookContext,
  names: readonly ReportName[],
  options: ReportOptions = {},
): Sheet[] {
  const sheets = sheetsByName(ctx.ss);
  const data = prepareReports(readSources(sheets, ctx));
  // Every report is laid out, and the cell budget checked, before any tab is touched.
  const planned = names.map((name) => ({ name, layout: layoutReport(buildReport(name, data, options)) }));
  checkCellBudget(
    ctx,
    sheets,
    planned.map(({ name, layout }) => ({
      sheet: existingReportSheet(sheets, name, ctx.lang),
      rows: layout.gridRows,
      columns: layout.gridColumns,
    })),
  );
  return planned.map(({ name, layout }) => {
    const sheet = reportSheet(ctx.ss, sheets, name, ctx.lang);
    renderReport(sheet, layout, ctx.tz);
    return sheet;
  });
}

/** The same under the document lock. */
export function buildReports(ctx: WorkbookContext, names: readonly ReportName[], options: ReportOptions = {}): Sheet[] {
  return withDocumentLock(ctx.lang, () => rebuildReports(ctx, names, options));
}

/**
 * What the daily run reports: the day just finished (yesterday in the spreadsheet's time zone), or
 * `day` ('YYYY-MM-DD') when given, and that day's month — so on the 1st the monthly report closes
 * last month.
 */
export function dailyRunOptions(ctx: WorkbookContext, day?: unknown): ReportOptions {
  const reported =
    typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : addDays(today(ctx.now, ctx.tz), -1);
  return { day: reported, month: monthOf(reported) };
}

/**
 * Every report, as the daily run builds them (see dailyRunOptions), under the document lock; the
 * active tab stays as it was. Returns the tab names. A run that already holds the lock calls
 * rebuildReports(ctx, REPORT_NAMES, dailyRunOptions(ctx)) instead.
 */
export function buildAllReports(day?: string): string[] {
  const ctx = workbookContext();
  const active = ctx.ss.getActiveSheet();
  const tabs = buildReports(ctx, REPORT_NAMES, dailyRunOptions(ctx, day));
  ctx.ss.setActiveSheet(active);
  return tabs.map((s) => s.getName());
}

/** Menu: build for today, show the (single) report, say so in a toast; a UserError becomes an alert. */
function fromMenu(names: readonly ReportName[]): void {
  const ctx = workbookContext();
  try {
    const tabs = buildReports(ctx, names);
    if (tabs.length === 1) ctx.ss.setActiveSheet(tabs[0]);
    ctx.ss.toast(
      t(ctx.lang, 'report.done', { tabs: tabs.map((s) => s.getName()).join(', ') }),
      t(ctx.lang, 'app.name'),
    );
  } catch (err) {
    if (err instanceof UserError) {
      SpreadsheetApp.getUi().alert(err.message);
      return;
    }
    throw err;
  }
}

export const menuReportDaily = (): void => fromMenu(['daily']);
export const menuReportMonthly = (): void => fromMenu(['monthly']);
export const menuReportFunnel = (): void => fromMenu(['funnel']);
export const menuReportOverdue = (): void => fromMenu(['overdue']);
export const menuReportChurn = (): void => fromMenu(['churn']);
export const menuReportValidity = (): void => fromMenu(['validity']);
export const menuReportPersistence = (): void => fromMenu(['persistence']);
export const menuReportsAll = (): void => fromMenu(REPORT_NAMES);
