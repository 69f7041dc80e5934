/**
 * The daily run's time-driven trigger. An editor add-on may hold one trigger of each kind per user per
 * document, so "on" means exactly one, at the Settings hour in the spreadsheet's time zone; ours are
 * recognised by their handler function, so other triggers are never touched. A user only sees their
 * own triggers: another person's is stopped through the schedule record (see runDaily).
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions_2
 */

/** The exposed function the trigger calls. */
export const DAILY_HANDLER = 'runDaily';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** This user's daily-run triggers on this document. */
export function ownTriggers(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
}

export function removeOwnTriggers(ss: Spreadsheet): number {
  const mine = ownTriggers(ss);
  for (const trigger of mine) ScriptApp.deleteTrigger(trigger);
  return mine.length;
}

/** Leaves exactly one trigger of ours: daily at `hour` in `tz`. */
export function installDailyTrigger(ss: Spreadsheet, hour: number, tz: string): void {
  removeOwnTriggers(ss);
  ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(hour).inTimezone(tz).create();
}
