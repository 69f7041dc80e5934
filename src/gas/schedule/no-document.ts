/**
 * Before a scheduled run touches anything: whether it can run at all. Whether an editor add-on's
 * time-driven run gets its spreadsheet, document properties and document lock is not documented
 * (docs/google-readings.md, scheduledRunDocument), and a run may also need the user to authorize new
 * permissions. Either way the run stops with a clear record instead of crashing: in the user's
 * properties under the trigger's ID (the only store left without a document), and by one email a day
 * to the account the trigger runs as, in both languages (without the file there is no language to
 * read). Google's own add-on samples check getAuthorizationInfo first, as here.
 */
import { LANGS, t } from '../../core/i18n';

export type ScheduledContext =
  { ok: true; ss: GoogleAppsScript.Spreadsheet.Spreadsheet } | { ok: false; reason: 'reauthorize' | 'noDocument' };

/** What the failure record holds, for the self-check and the schedule's status to report. */
export interface ScheduleFailure {
  reason: 'reauthorize' | 'noDocument';
  /** ISO instant */
  at: string;
  triggerUid: string;
}

const FAILURE_KEY = 'ct.scheduleFailure:';
const MAILED_KEY = 'ct.scheduleFailureMailed:';

/** The last recorded failure of a trigger's run (user properties), or null. */
export function lastScheduleFailure(triggerUid: string): ScheduleFailure | null {
  const text = PropertiesService.getUserProperties()?.getProperty(`${FAILURE_KEY}${triggerUid}`);
  if (!text) return null;
  try {
    return JSON.parse(text) as ScheduleFailure;
  } catch {
    return null;
  }
}

/**
 * The guard the trigger's handler calls first, with the event's triggerUid: ok with the spreadsheet,
 * or not ok after recording why (and mailing the user at most once a day).
 */
export function checkScheduledContext(triggerUid: string): ScheduledContext {
  const auth = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  if (auth.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED) {
    return fail('reauthorize', triggerUid, auth.getAuthorizationUrl() ?? '');
  }
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const complete =
    ss !== null && PropertiesService.getDocumentProperties() !== null && LockService.getDocumentLock() !== null;
  if (!complete) return fail('noDocument', triggerUid, '');
  return { ok: true, ss };
}

function fail(reason: ScheduleFailure['reason'], triggerUid: string, url: string): ScheduledContext {
  const now = new Date();
  const record: ScheduleFailure = { reason, at: now.toISOString(), triggerUid };
  const props = PropertiesService.getUserProperties();
  props.setProperty(`${FAILURE_KEY}${triggerUid}`, JSON.stringify(record));
  const day = record.at.slice(0, 10);
  const email = Session.getEffectiveUser().getEmail();
  if (email !== '' && props.getProperty(`${MAILED_KEY}${triggerUid}`) !== day) {
    const time = `${record.at.slice(0, 16).replace('T', ' ')} UTC`;
    const key = reason === 'reauthorize' ? 'scheduleFailure.reauthorize' : 'scheduleFailure.noDocument';
    MailApp.sendEmail(
      email,
      LANGS.map((lang) => t(lang, 'scheduleFailure.subject')).join(' / '),
      LANGS.map((lang) => t(lang, key, { time, url })).join('\n\n'),
    );
    props.setProperty(`${MAILED_KEY}${triggerUid}`, day);
  }
  return { ok: false, reason };
}
