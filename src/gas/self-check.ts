/**
 * Check this spreadsheet: what a maintainer runs first on a new deployment, and what anyone can run
 * when something looks wrong. It probes, in a temporary tab it removes afterwards, the behaviours
 * Google does not document that one execution can observe (docs/google-readings.md): apostrophes and
 * "=" in plain-text cells, leading zeros, whether highlighting follows rows appended below the grid.
 * It checks setup (tabs, headers, highlighting and protections over the whole table, CT_TODAY), the
 * daily run's trigger and mail quota, and reports what it cannot observe from the last run's records,
 * or as unknown. Each finding is a plain sentence with what to do.
 */
import { cellWarning } from '../core/cell-limit';
import { sameEmail } from '../core/people';
import { type Lang, type MessageKey, type Params, joinList, message, render, t } from '../core/i18n';
import { type ColumnDef, type TableName, TABLES, findHeaders, tabName } from '../core/schema';
import { dayKey, today } from '../core/dates';
import { workbookCellUse } from './cell-use';
import { tableCoverage } from './coverage';
import { type WorkbookContext, workbookContext } from './context';
import { isOurRule } from './highlight';
import { withDocumentLock } from './lock';
import { reportInAlert, type MenuReport } from './problems';
import { DAILY_HANDLER } from './schedule/trigger';
import { loadHistory, loadSchedule } from './schedule/state';
import { TODAY_NAME } from './today-cell';
import { findTab, sheetsByName, writeCells } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type FindingLevel = 'ok' | 'problem' | 'unknown';

export interface Finding {
  level: FindingLevel;
  text: string;
  /** what to do, for problems and unknowns */
  todo?: string;
}

export interface SelfCheck {
  lang: Lang;
  findings: Finding[];
}

const TABLE_ORDER: readonly TableName[] = ['clients', 'contacts', 'team', 'changes', 'settings'];
const PROBE_TAB = 'Client Tracker check (temporary)';
const RECORD_KEY = 'ct.selfCheck';

function finding(lang: Lang, level: FindingLevel, key: MessageKey, params?: Params, todo?: MessageKey): Finding {
  return { level, text: t(lang, key, params), ...(todo ? { todo: t(lang, todo, params) } : {}) };
}

/** What the probes saw: kept in document properties, so the next check can say what changed. */
export interface Observed {
  apostropheInPlainText: 'stripped' | 'kept';
  formulaInPlainText: 'formula' | 'text';
  leadingZeros: boolean;
  rulesFollowAppendedRows: 'grow' | 'fixed';
}

/** Writes in a temporary tab and reads back; the tab is removed whatever happens. */
function probe(ctx: WorkbookContext): Observed {
  const existing = ctx.ss.getSheetByName(PROBE_TAB);
  if (existing) ctx.ss.deleteSheet(existing);
  const sheet = ctx.ss.insertSheet(PROBE_TAB);
  try {
    const text = sheet.getRange(1, 1, 3, 1).setNumberFormat('@');
    text.setValues([["'C-0001"], ['=1+1'], ['']]);
    const read = text.getValues();
    const formulas = text.getFormulas();
    // The product's own write of a phone number into a plain-text cell and into an unformatted one.
    writeCells(sheet.getRange(1, 2, 2, 1), [['02087654321'], ['02087654321']]);
    sheet.getRange(2, 2).setNumberFormat('0');
    const phones = sheet.getRange(1, 2, 1, 1).getValues();
    const general = sheet.getRange(1, 3, 1, 1);
    writeCells(general, [['02087654321']]);
    const grid = sheet.getMaxRows();
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenCellNotEmpty()
      .setBackground('#fde9a9')
      .setRanges([sheet.getRange(1, 1, grid, 3)])
      .build();
    sheet.setConditionalFormatRules([rule]);
    sheet.insertRowsAfter(grid, 5);
    const covered = sheet.getConditionalFormatRules()[0]?.getRanges()[0]?.getLastRow() ?? 0;
    return {
      apostropheInPlainText: read[0][0] === "'C-0001" ? 'kept' : 'stripped',
      formulaInPlainText: formulas[1][0] !== '' ? 'formula' : 'text',
      leadingZeros: phones[0][0] === '02087654321' && general.getValue() === '02087654321',
      rulesFollowAppendedRows: covered >= grid + 5 ? 'grow' : 'fixed',
    };
  } finally {
    ctx.ss.deleteSheet(sheet);
  }
}

function probeFindings(lang: Lang, seen: Observed): Finding[] {
  return [
    finding(lang, 'ok', seen.apostropheInPlainText === 'kept' ? 'check.apostropheKept' : 'check.apostropheStripped'),
    finding(lang, 'ok', seen.formulaInPlainText === 'formula' ? 'check.formulaInText' : 'check.textInText'),
    seen.leadingZeros
      ? finding(lang, 'ok', 'check.zerosKept')
      : finding(lang, 'problem', 'check.zerosLost', undefined, 'check.zerosLost.todo'),
    finding(lang, 'ok', seen.rulesFollowAppendedRows === 'grow' ? 'check.rulesGrow' : 'check.rulesFixed'),
  ];
}

function setupFindings(ctx: WorkbookContext, sheets: Map<string, Sheet>): Finding[] {
  const { lang } = ctx;
  const out: Finding[] = [];
  for (const table of TABLE_ORDER) {
    const sheet = findTab(sheets, table);
    if (!sheet) {
      out.push(finding(lang, 'problem', 'check.tabMissing', { tab: tabName(table, lang) }, 'check.runSetup'));
      continue;
    }
    const width = sheet.getLastColumn();
    const header = width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0] : [];
    const match = findHeaders(table, header);
    const missing = match.missing.map((key) => {
      const def = (TABLES[table] as readonly ColumnDef[]).find((d) => d.key === key);
      return def ? t(lang, def.label) : String(key);
    });
    if (missing.length > 0) {
      out.push(
        finding(
          lang,
          'problem',
          'check.columnsMissing',
          { tab: sheet.getName(), columns: joinList(missing, lang) },
          'check.runSetup',
        ),
      );
    } else out.push(finding(lang, 'ok', 'check.tabOk', { tab: sheet.getName() }));
  }
  const clients = findTab(sheets, 'clients');
  if (clients) {
    const ours = clients.getConditionalFormatRules().filter(isOurRule).length;
    const coverage = tableCoverage(clients, false);
    if (ours === 0) out.push(finding(lang, 'problem', 'check.noHighlighting', undefined, 'check.runSetup'));
    else if (coverage.rulesShort + coverage.protectionsShort > 0) {
      out.push(finding(lang, 'problem', 'check.coverageShort', { rows: coverage.maxRows }, 'check.runRefresh'));
    } else out.push(finding(lang, 'ok', 'check.coverageOk', { rows: coverage.maxRows }));
  }
  const named = ctx.ss.getRangeByName(TODAY_NAME);
  if (!named) out.push(finding(lang, 'problem', 'check.todayMissing', { name: TODAY_NAME }, 'check.runSetup'));
  else {
    const value = named.getValue();
    const current = value instanceof Date && dayKey(value, ctx.tz) === today(ctx.now, ctx.tz);
    out.push(
      current
        ? finding(lang, 'ok', 'check.todayOk', { name: TODAY_NAME })
        : finding(lang, 'problem', 'check.todayStale', { name: TODAY_NAME }, 'check.runRefresh'),
    );
  }
  return out;
}

/** How full the file is, of Google's cell limit (the temporary tab is gone by now). */
function cellFinding(ctx: WorkbookContext): Finding {
  const use = workbookCellUse(ctx.ss);
  const warning = cellWarning(use);
  if (warning) return { level: 'problem', text: render(ctx.lang, warning) };
  return finding(ctx.lang, 'ok', 'check.cellsOk', { used: use.used.toLocaleString('en-US'), percent: use.percent });
}

function scheduleFindings(ctx: WorkbookContext): Finding[] {
  const { lang } = ctx;
  const out: Finding[] = [];
  const me = Session.getEffectiveUser().getEmail();
  const schedule = loadSchedule();
  if (!schedule || !schedule.on) out.push(finding(lang, 'ok', 'check.scheduleOff'));
  else if (!sameEmail(schedule.owner, me)) {
    out.push(finding(lang, 'unknown', 'check.triggerOthers', { owner: schedule.owner }, 'check.triggerOthers.todo'));
  } else {
    // Whether getUserTriggers lists clock triggers is not documented: look in both lists.
    const ids = new Set<string>();
    for (const trigger of [...ScriptApp.getUserTriggers(ctx.ss), ...ScriptApp.getProjectTriggers()]) {
      if (trigger.getHandlerFunction() === DAILY_HANDLER) ids.add(trigger.getUniqueId());
    }
    out.push(
      ids.size > 0
        ? finding(lang, 'ok', 'check.triggerOk', { hour: schedule.hour })
        : finding(lang, 'problem', 'check.triggerMissing', undefined, 'check.triggerMissing.todo'),
    );
  }
  const quota = MailApp.getRemainingDailyQuota();
  out.push(
    quota > 0
      ? finding(lang, 'ok', 'check.quota', { count: quota })
      : finding(lang, 'problem', 'check.quotaGone', undefined, 'check.quotaGone.todo'),
  );
  const last = loadHistory().find((run) => run.how === 'timeDriven');
  if (!last) out.push(finding(lang, 'unknown', 'check.noScheduledRun', undefined, 'check.noScheduledRun.todo'));
  else {
    const failed = last.steps.filter((s) => !s.ok).map((s) => s.step);
    out.push(
      failed.length === 0
        ? finding(lang, 'ok', 'check.lastRunOk', { day: last.day })
        : finding(
            lang,
            'problem',
            'check.lastRunFailed',
            { day: last.day, steps: joinList(failed, lang) },
            'check.lastRunFailed.todo',
          ),
    );
    if (last.noAccess.length > 0) {
      out.push(
        finding(lang, 'problem', 'check.skipped', { names: joinList(last.noAccess, lang) }, 'check.skipped.todo'),
      );
    }
  }
  return out;
}

/** Runs every probe and check; writes only in the temporary tab (and its own record). */
export function selfCheck(): SelfCheck {
  const ctx = workbookContext();
  return withDocumentLock(ctx.lang, () => {
    const seen = probe(ctx);
    PropertiesService.getDocumentProperties().setProperty(
      RECORD_KEY,
      JSON.stringify({ at: ctx.now.toISOString(), seen }),
    );
    const sheets = sheetsByName(ctx.ss, ctx.lang);
    return {
      lang: ctx.lang,
      findings: [
        ...setupFindings(ctx, sheets),
        cellFinding(ctx),
        ...probeFindings(ctx.lang, seen),
        ...scheduleFindings(ctx),
      ],
    };
  });
}

const MARK: Record<FindingLevel, string> = { ok: '✓', problem: '✗', unknown: '?' };

export function selfCheckReport(check: SelfCheck): MenuReport {
  const { lang, findings } = check;
  const problems = findings.filter((f) => f.level === 'problem').length;
  const lines = [
    t(lang, problems === 0 ? 'check.allGood' : 'check.problems', { count: problems }),
    '',
    ...findings.flatMap((f) => [`${MARK[f.level]} ${f.text}`, ...(f.todo ? [`   → ${f.todo}`] : [])]),
  ];
  return { title: render(lang, message('menu.selfCheck')), lines };
}

/** Menu: Check this spreadsheet. */
export function menuSelfCheck(): void {
  reportInAlert(() => selfCheckReport(selfCheck()));
}
