/**
 * What the trigger calls. Installable triggers run as their creator and no Ui exists there, so these
 * never call getUi. A trigger whose creator no longer runs the schedule (a manager took it over, or
 * it was turned off by someone who could not delete another person's trigger) removes itself.
 */
import { loadSchedule } from './state';
import { ownTriggers, removeOwnTriggers } from './trigger';
import { sameEmail } from './people';
import { runPipeline } from './run';

function runner(): string {
  return Session.getEffectiveUser().getEmail();
}

/** The daily run (the trigger's handler; the CLI's `daily`). */
export function runDaily(): void {
  const me = runner();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const record = loadSchedule();
  const stale = record !== null && (!record.on || !sameEmail(record.owner, me));
  if (stale && ownTriggers(ss).length > 0) {
    removeOwnTriggers(ss);
    return;
  }
  runPipeline({ how: 'timeDriven', by: me });
}

/** The emails alone, with the same once-only and quota rules (the CLI's `digest`). */
export function runDigests(): void {
  runPipeline({ how: 'timeDriven', by: runner(), only: ['mail'] });
}
