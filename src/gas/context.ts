/**
 * What every operation needs to know about the workbook: its time zone, its language, and "now".
 * The language is chosen by setup (Settings ▸ Language, else the spreadsheet locale) and remembered
 * in document properties, so onOpen can build the menu in it with a single read.
 */
import { type Lang, isLang, langFromLocale } from '../core/i18n';

const LANG_KEY = 'ct.lang';

export interface WorkbookContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  tz: string;
  lang: Lang;
  now: Date;
}

export function storedLanguage(): Lang | null {
  const value = PropertiesService.getDocumentProperties().getProperty(LANG_KEY);
  return isLang(value) ? value : null;
}

export function rememberLanguage(lang: Lang): void {
  PropertiesService.getDocumentProperties().setProperty(LANG_KEY, lang);
}

export function workbookContext(): WorkbookContext {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return {
    ss,
    tz: ss.getSpreadsheetTimeZone(),
    lang: storedLanguage() ?? langFromLocale(ss.getSpreadsheetLocale()),
    now: new Date(),
  };
}
