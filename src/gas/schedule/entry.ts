/**
 * What the trigger calls, and what google.script.run can call too (docs/roles.md). A call acts as the
 * schedule only when its event names the recorded trigger and it runs as the schedule's recorded
 * owner; a trigger of this user that is not the recorded one (turned off, taken over, or a second one
 * left behind) deletes itself and stops; anything else — the CLI, "Run now", a forged event — is
 * "Run now" by the signed-in person, with that permission. Installable triggers run as their creator
 * and no Ui exists there, so these never call getUi.
 */
import { emailKey, sameEmail } from '../../core/people';
import { requirePermission } from '../roles';
import { checkScheduledContext } from './no-document';
import { loadSchedule, saveSchedule, type StepName } from './state';
import { triggerById } from './trigger';
import { runPipeline } from './run';

function eventTriggerId(e: unknown): string {
  const uid = e !== null && typeof e === 'object' ? (e as { triggerUid?: unknown }).triggerUid : undefined;
  return typeof uid === 'string' || typeof uid === 'number' ? String(uid).trim() : '';
}

function scheduledOrRunNow(e: unknown, only?: readonly StepName[]): void {
  const uid = eventTriggerId(e);
  if (uid !== '') {
    // A time-driven run may have no spreadsheet, or need new permissions: it stops with a record and
    // one email a day instead of crashing on the first document read (docs/google-readings.md).
    if (!checkScheduledContext(uid).ok) return;
    const runner = emailKey(Session.getEffectiveUser().getEmail());
    const record = loadSchedule();
    if (record?.on && sameEmail(record.owner, runner)) {
      // A schedule turned on before IDs were recorded adopts its owner's trigger at its first run.
      let recorded = record.triggerId;
      if (!recorded && triggerById(uid) !== null) {
        recorded = uid;
        saveSchedule({ ...record, triggerId: uid });
      }
      if (recorded === uid) {
        runPipeline({ how: 'timeDriven', by: runner, only });
        return;
      }
    }
    const own = triggerById(uid);
    if (own !== null) {
      ScriptApp.deleteTrigger(own);
      return;
    }
  }
  const view = requirePermission('runNow');
  runPipeline({ how: 'manual', by: view.actor.email, only });
}

/** The daily run (the trigger's handler; the CLI's `daily`). */
export function runDaily(e?: unknown): void {
  scheduledOrRunNow(e);
}

/** The emails alone, with the same once-only and quota rules (the CLI's `digest`). */
export function runDigests(e?: unknown): void {
  scheduledOrRunNow(e, ['mail']);
}
