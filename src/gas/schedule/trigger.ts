/**
 * The daily run's time-driven trigger, known only by the unique ID recorded when it was created
 * (docs/roles.md, "The schedule"). Whether ScriptApp.getUserTriggers(ss) lists clock triggers is not
 * documented (the emulator has a switch for both readings), and for an add-on getProjectTriggers()
 * lists the user's triggers in every document, so a trigger is never found or deleted by its handler
 * name: only by the recorded ID, among the user's own triggers. A user only sees their own triggers:
 * another person's stops itself at its next run, seeing it is not the recorded one (see runDaily).
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions_2
 */

/** The exposed function the trigger calls. */
export const DAILY_HANDLER = 'runDaily';

type Trigger = GoogleAppsScript.Script.Trigger;

/** This user's trigger with this unique ID, or null (another user's, deleted, or no ID). */
export function triggerById(id: string | undefined): Trigger | null {
  if (!id) return null;
  return ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === id) ?? null;
}

/** Deletes this user's trigger with this ID; false when there was none. */
export function deleteTriggerById(id: string | undefined): boolean {
  const trigger = triggerById(id);
  if (trigger === null) return false;
  ScriptApp.deleteTrigger(trigger);
  return true;
}

/**
 * A schedule recorded before trigger IDs were kept: its trigger is this user's clock trigger for our
 * handler on this document, if getUserTriggers shows clock triggers at all. Used once, to adopt that
 * trigger's ID, never to delete by name.
 */
export function legacyTriggerId(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string | undefined {
  const found = ScriptApp.getUserTriggers(ss).find(
    (t) => t.getHandlerFunction() === DAILY_HANDLER && t.getEventType() === ScriptApp.EventType.CLOCK,
  );
  return found?.getUniqueId();
}

/** Replaces the user's recorded trigger (if any) by one daily at `hour` in `tz`; returns the new ID. */
export function installDailyTrigger(hour: number, tz: string, previousId: string | undefined): string {
  deleteTriggerById(previousId);
  return ScriptApp.newTrigger(DAILY_HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(hour)
    .inTimezone(tz)
    .create()
    .getUniqueId();
}
