/**
 * The custom functions' Apps Script side: they run in AuthMode.CUSTOM_FUNCTION (read-only document,
 * no user identity, 30 s), so they read the Settings tab (cached for ten minutes in the document
 * cache) and the workbook's time zone and language, then apply the same core rules as the refresh.
 */
import { type Lang, isLang, langFromLocale } from '../core/i18n';
import {
  type FormulaArg,
  type FormulaResult,
  FormulaError,
  ctDaysOverdue,
  ctGrade,
  ctNextDate,
  ctState,
} from '../core/formulas';
import { type Settings, parseSettings } from '../core/settings';
import { matchTabName } from '../core/schema';
import { normaliseDateArgs, resultDates } from './formula-dates';

const CACHE_KEY = 'ct.settings.v1';
const LANG_KEY = 'ct.lang';

interface FormulaContext {
  settings: Settings;
  tz: string;
  lang: Lang;
}

function formulaContext(): FormulaContext {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tz = ss.getSpreadsheetTimeZone();
  const stored = PropertiesService.getDocumentProperties().getProperty(LANG_KEY);
  const lang: Lang = isLang(stored) ? stored : langFromLocale(ss.getSpreadsheetLocale());
  const cache = CacheService.getDocumentCache();
  const cached = cache?.get(CACHE_KEY);
  if (cached) return { settings: JSON.parse(cached) as Settings, tz, lang };
  const name = matchTabName(
    'settings',
    ss.getSheets().map((s) => s.getName()),
  );
  const sheet = name === null ? null : ss.getSheetByName(name);
  const rows = sheet && sheet.getLastRow() > 0 ? (sheet.getDataRange().getValues() as unknown[][]) : [];
  const settings = parseSettings(rows, lang).settings;
  cache?.put(CACHE_KEY, JSON.stringify(settings), 600);
  return { settings, tz, lang };
}

/**
 * Runs a formula on its arguments, their dates read as the days the cells show whichever zone Sheets
 * converted them in (formula-dates.ts); an argument problem becomes the readable #ERROR! text, never a
 * stack trace.
 */
function guarded(args: FormulaArg[], fn: (args: FormulaArg[]) => FormulaResult): FormulaResult {
  try {
    const zones = {
      sheet: SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
      script: Session.getScriptTimeZone(),
    };
    const read = normaliseDateArgs(args, zones);
    return resultDates(fn(read.args), zones, read.scriptZone);
  } catch (e) {
    if (e instanceof FormulaError) throw new Error(e.message);
    throw new Error(`Client Tracker: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function CT_GRADE(
  need: FormulaArg,
  budget: FormulaArg,
  decisionMaker: FormulaArg,
  expectedDate: FormulaArg,
  asOf: FormulaArg,
): FormulaResult {
  return guarded([need, budget, decisionMaker, expectedDate, asOf], (args) => {
    const ctx = formulaContext();
    return ctGrade(args, ctx.settings, ctx.tz);
  });
}

export function CT_STATE(
  nextFollowUp: FormulaArg,
  status: FormulaArg,
  asOf: FormulaArg,
  stage?: FormulaArg,
): FormulaResult {
  return guarded([nextFollowUp, status, asOf, stage], (args) => {
    const ctx = formulaContext();
    return ctState(args, ctx.tz, ctx.lang);
  });
}

/** (nextFollowUp, status, asOf, [stage]); the earlier (nextFollowUp, asOf) still works. */
export function CT_DAYS_OVERDUE(
  nextFollowUp: FormulaArg,
  status: FormulaArg,
  asOf?: FormulaArg,
  stage?: FormulaArg,
): FormulaResult {
  return guarded([nextFollowUp, status, asOf, stage], (args) =>
    ctDaysOverdue(args, SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone()),
  );
}

export function CT_NEXT_DATE(lastContact: FormulaArg, grade: FormulaArg): FormulaResult {
  return guarded([lastContact, grade], (args) => {
    const ctx = formulaContext();
    return ctNextDate(args, ctx.settings, ctx.tz);
  });
}
