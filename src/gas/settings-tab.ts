/**
 * The Settings tab, read in one batch; a bad value falls back to its default with a sentence. What a
 * missing tab means depends on who asks: a menu action or the daily run stops with one sentence
 * naming the tab ('stop'); the sidebar and an edit typed into the sheet carry on with the defaults ('defaults'), and
 * the read lists every setting as missing.
 */
import { type Lang, message } from '../core/i18n';
import { tabName } from '../core/schema';
import { type SettingsRead, parseSettings } from '../core/settings';
import { UserError } from './errors';
import { findTab } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type WhenSettingsMissing = 'stop' | 'defaults';

/** No Settings tab: every step of the daily run would stop on it, so the run stops at the first. */
export class SettingsTabMissing extends UserError {}

export function readSettings(
  sheets: Map<string, Sheet>,
  lang: Lang,
  whenMissing: WhenSettingsMissing = 'stop',
): SettingsRead {
  return settingsFromTab(findTab(sheets, 'settings'), lang, whenMissing);
}

/** The same, from a tab already looked up (null: there is none). */
export function settingsFromTab(sheet: Sheet | null, lang: Lang, whenMissing: WhenSettingsMissing): SettingsRead {
  if (sheet) return parseSettings(sheet.getDataRange().getValues() as unknown[][], lang);
  if (whenMissing === 'defaults') return parseSettings([], lang);
  throw new SettingsTabMissing(lang, message('error.missingTab', { tab: tabName('settings', lang) }));
}
