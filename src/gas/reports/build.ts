/**
 * Builds report tabs: one batch read per source tab (Clients, Contacts, Team, Changes, Settings),
 * the pure reports over them, then one render per report, all under the document lock. Menu items
 * build one report for today; All reports and the daily run also refresh the register from the same
 * read (the daily run's reports cover the day just finished).
 */
import { addDays, startOfDay, today } from '../../core/dates';
import { joinList, joinSentences, t } from '../../core/i18n';
import {
  RECENT_CONTACT_COLUMNS,
  REPORT_COLUMNS,
  REPORT_NAMES,
  type ReportData,
  type ReportInput,
  type ReportOptions,
  buildReport,
  monthOf,
  prepareReports,
  recentContactsSince,
} from '../../core/reports';
import { type ColumnKey, type ReportName, tabName } from '../../core/schema';
import { ROWS_MOVED, computeClients, withStableRows } from '../clients-pass';
import { readSettings } from '../settings-tab';
import { type WorkbookContext, workbookContext } from '../context';
import { UserError } from '../errors';
import { withDocumentLock } from '../lock';
import { type RecentColumns, findTab, openLog, openTable, sheetsByName } from '../table';
import { type GridSizes, checkCellBudget } from './cell-budget';
import type { Settings } from '../../core/settings';
import { type Layout, layoutReport } from './layout';
import { type RefreshSummary, REFRESH_WRITES, afterRefresh, writeRefresh } from '../refresh';
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

/**
 * What the named reports read of Contacts: every report column, except that who made an attempt and
 * on which channel are read only for the contacts the daily and monthly reports count (and not at
 * all when neither is built).
 */
function contactColumns(
  ctx: WorkbookContext,
  names: readonly ReportName[],
  options: ReportOptions,
): { columns: ColumnKey<'contacts'>[]; recent?: RecentColumns<'contacts'> } {
  const recentKeys: readonly ColumnKey<'contacts'>[] = RECENT_CONTACT_COLUMNS;
  const columns = REPORT_COLUMNS.contacts.filter((key) => !recentKeys.includes(key));
  const since = recentContactsSince(names, options, today(ctx.now, ctx.tz));
  if (since === null) return { columns };
  return { columns, recent: { columns: recentKeys, dateKey: 'date', sinceMs: startOfDay(since, ctx.tz).getTime() } };
}

/** The report input around Clients and Contacts records the caller read: Team and Changes, and the moment. */
function reportInput(
  sheets: Map<string, Sheet>,
  ctx: WorkbookContext,
  settings: Settings,
  clients: ReportInput['clients'],
  contacts: ReportInput['contacts'],
): ReportInput {
  return {
    settings,
    clients,
    contacts,
    team: optional(sheets, 'team', ctx),
    changes: optional(sheets, 'changes', ctx, REPORT_COLUMNS.changes),
    now: ctx.now,
    tz: ctx.tz,
    lang: ctx.lang,
  };
}

function readSources(
  sheets: Map<string, Sheet>,
  ctx: WorkbookContext,
  names: readonly ReportName[],
  options: ReportOptions,
): ReportInput {
  return reportInput(
    sheets,
    ctx,
    readSettings(sheets, ctx.lang).settings,
    openTable(sheets, 'clients', { ...ctx, columns: REPORT_COLUMNS.clients }).records,
    openLog(sheets, 'contacts', { ...ctx, ...contactColumns(ctx, names, options) }).records,
  );
}

/** The reports laid out, and every tab's grid as the cell-budget check read it. */
interface Planned {
  reports: { name: ReportName; layout: Layout }[];
  sizes: GridSizes;
}

/** Every report laid out, and the cell budget checked, before any tab is touched. */
function planReports(
  ctx: WorkbookContext,
  sheets: Map<string, Sheet>,
  data: ReportData,
  names: readonly ReportName[],
  options: ReportOptions,
): Planned {
  const reports = names.map((name) => ({ name, layout: layoutReport(buildReport(name, data, options)) }));
  const sizes = checkCellBudget(
    ctx,
    sheets,
    reports.map(({ name, layout }) => ({
      sheet: existingReportSheet(sheets, name, ctx.lang),
      rows: layout.gridRows,
      columns: layout.gridColumns,
    })),
  );
  return { reports, sizes };
}

/** A report tab as built: the sheet, and its name (known already, so no call asks for it). */
export interface BuiltTab {
  sheet: Sheet;
  name: string;
}

function renderAll(ctx: WorkbookContext, sheets: Map<string, Sheet>, planned: Planned): BuiltTab[] {
  return planned.reports.map(({ name, layout }) => {
    const sheet = reportSheet(ctx.ss, sheets, name, ctx.lang);
    renderReport(sheet, layout, ctx.tz, planned.sizes.get(sheet));
    return { sheet, name: tabName(name, ctx.lang) };
  });
}

/**
 * Rebuilds the named report tabs and returns them, for a caller that already holds the document
 * lock. Throws a UserError (nothing written) when a source tab or column is missing.
 */
export function rebuildReports(
  ctx: WorkbookContext,
  names: readonly ReportName[],
  options: ReportOptions = {},
): BuiltTab[] {
  const sheets = sheetsByName(ctx.ss, ctx.lang);
  const data = prepareReports(readSources(sheets, ctx, names, options));
  return renderAll(ctx, sheets, planReports(ctx, sheets, data, names, options));
}

export interface RefreshedReports {
  tabs: BuiltTab[];
  refresh: RefreshSummary;
}

/**
 * Refresh and the named reports from one read of Clients and Contacts and one run of the rules: the
 * computed columns are written (as Refresh does) and the reports built from the same rows, so the
 * register and the reports agree, at the cost of one read instead of two. The caller holds the
 * document lock. Nothing is written when a tab or column is missing or the reports would not fit
 * in the file; when rows move under it, it reads again (once).
 */
export function refreshAndRebuildReports(
  ctx: WorkbookContext,
  names: readonly ReportName[],
  options: ReportOptions = {},
): RefreshedReports {
  const sheets = sheetsByName(ctx.ss, ctx.lang);
  const { planned, refresh } = withStableRows(sheets, ctx.lang, () => {
    const settings = readSettings(sheets, ctx.lang);
    const contacts = contactColumns(ctx, names, options);
    const pass = computeClients(
      sheets,
      ctx,
      settings,
      REFRESH_WRITES,
      {
        clients: REPORT_COLUMNS.clients,
        contacts: contacts.columns,
        recentContacts: contacts.recent,
      },
      true,
    );
    const input = reportInput(sheets, ctx, settings.settings, pass.clients.records, pass.contacts.records);
    const planned = planReports(ctx, sheets, prepareReports(input, pass.result), names, options);
    const refresh = writeRefresh(pass, sheets, ctx);
    return refresh === ROWS_MOVED ? ROWS_MOVED : { planned, refresh };
  });
  afterRefresh(ctx, sheets);
  return { tabs: renderAll(ctx, sheets, planned), refresh };
}

/** The same under the document lock. */
export function buildReports(
  ctx: WorkbookContext,
  names: readonly ReportName[],
  options: ReportOptions = {},
): BuiltTab[] {
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
  const { tabs } = withDocumentLock(ctx.lang, () =>
    refreshAndRebuildReports(ctx, REPORT_NAMES, dailyRunOptions(ctx, day)),
  );
  ctx.ss.setActiveSheet(active);
  return tabs.map((tab) => tab.name);
}

/** Menu: build for today, show the (single) report, say so in a toast; a UserError becomes an alert. */
function fromMenu(names: readonly ReportName[], refresh = false): void {
  const ctx = workbookContext();
  try {
    const built = refresh
      ? withDocumentLock(ctx.lang, () => refreshAndRebuildReports(ctx, names))
      : { tabs: buildReports(ctx, names), refresh: null };
    const { tabs } = built;
    if (tabs.length === 1) ctx.ss.setActiveSheet(tabs[0].sheet);
    const done = t(ctx.lang, 'report.done', {
      tabs: joinList(
        tabs.map((tab) => tab.name),
        ctx.lang,
      ),
    });
    const parts = built.refresh ? [t(ctx.lang, 'refresh.done', { clients: built.refresh.clients }), done] : [done];
    const problems = built.refresh?.problems.length ?? 0;
    if (problems > 0) {
      parts.push(t(ctx.lang, 'report.refreshProblems', { count: problems, menu: t(ctx.lang, 'menu.refresh') }));
    }
    ctx.ss.toast(joinSentences(parts, ctx.lang), t(ctx.lang, 'app.name'));
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
/** Menu: All reports — refreshes the register too, from the same read (refreshAndRebuildReports). */
export const menuReportsAll = (): void => fromMenu(REPORT_NAMES, true);
