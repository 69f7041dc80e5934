/**
 * How a menu action reports back: one alert with a title and a few lines, long lists cut to
 * MAX_LINES plus "… and N more", and a UserError shown as its one sentence instead of a stack trace.
 */
import { type Lang, t } from '../core/i18n';
import { UserError } from './errors';

export const MAX_LINES = 20;

export interface MenuReport {
  title: string;
  lines: string[];
}

/** At most `max` lines; the rest are counted in a last line. */
export function limitLines(lines: readonly string[], lang: Lang, max = MAX_LINES): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max), t(lang, 'refresh.andMore', { count: lines.length - max })];
}

/**
 * Runs a menu action and shows its report. The alert comes after the action returned, so the
 * document lock is already released while the user reads it (alert suspends the script).
 */
export function reportInAlert(action: () => MenuReport): void {
  const ui = SpreadsheetApp.getUi();
  let report: MenuReport;
  try {
    report = action();
  } catch (err) {
    if (err instanceof UserError) {
      ui.alert(err.message);
      return;
    }
    throw err;
  }
  ui.alert(report.title, report.lines.join('\n'), ui.ButtonSet.OK);
}
