/**
 * Schedule ▸ Turn on daily run / Turn off / Run now / Status, and Preview my email. Menu clicks run
 * in FULL as the person clicking: the trigger they install runs as them and mails from their account.
 */
import { prepareDigest } from '../../core/digest/facts';
import { escapeHtml } from '../../core/digest/layout';
import { addressees, composeMessage, normalizeEmail } from '../../core/digest/plan';
import { type Lang, type MessageKey, type Params, message as sentence, t } from '../../core/i18n';
import { readSettings } from '../settings-tab';
import { type WorkbookContext, workbookContext } from '../context';
import { UserError } from '../errors';
import { sheetsByName } from '../table';
import { readDigestSource } from './digest-source';
import { outcomeLines } from './outcome-text';
import { sameEmail } from '../../core/people';
import { roleView } from '../roles';
import { runPipeline } from './run';
import { loadHistory, loadSchedule, saveSchedule } from './state';
import { statusHtml } from './status-page';
import { deleteTriggerById, installDailyTrigger, legacyTriggerId, triggerById } from './trigger';

function alert(lang: Lang, key: MessageKey, params?: Params): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(lang, 'menu.schedule'), t(lang, key, params), ui.ButtonSet.OK);
}

/** Runs a menu action; a UserError becomes its one sentence instead of a stack trace. */
function guarded(action: () => void): void {
  try {
    action();
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    SpreadsheetApp.getUi().alert(err.message);
  }
}

/** The signed-in person (never the account the script runs as: a blank identity is nobody). */
function signedIn(wb: WorkbookContext): string {
  const me = roleView().actor.email;
  if (me === '') throw new UserError(wb.lang, sentence('schedule.noUser'));
  return me;
}

/** Managers and directors may take over or stop a schedule someone else runs (on the confirmed roles). */
function mayManageSchedule(): boolean {
  const role = roleView().actor.role;
  return role === 'manager' || role === 'director';
}

export function menuScheduleOn(): void {
  guarded(() => {
    const wb = workbookContext();
    const me = signedIn(wb);
    const { dailyHour } = readSettings(sheetsByName(wb.ss, wb.lang), wb.lang).settings;
    const record = loadSchedule();
    const otherOwner = record?.on && !sameEmail(record.owner, me) ? record.owner : null;
    if (otherOwner !== null && !mayManageSchedule()) {
      alert(wb.lang, 'schedule.ownedByOther', { owner: otherOwner });
      return;
    }
    // Only this user's own recorded trigger can be replaced; another owner's stops itself at its next run.
    const mine = record !== null && sameEmail(record.owner, me);
    const previous = mine ? (record.triggerId ?? (record.on ? legacyTriggerId(wb.ss) : undefined)) : undefined;
    const triggerId = installDailyTrigger(dailyHour, wb.tz, previous);
    // Turning it on again keeps its "since"; a new owner starts a new one.
    const keepSince = record?.on && otherOwner === null && record.hour === dailyHour;
    const since = keepSince ? record.since : wb.now.toISOString();
    saveSchedule({ on: true, owner: me, since, hour: dailyHour, tz: wb.tz, triggerId });
    const params = { hour: dailyHour, tz: wb.tz, email: me };
    if (otherOwner !== null) alert(wb.lang, 'schedule.tookOver', { ...params, previous: otherOwner });
    else alert(wb.lang, 'schedule.on', params);
  });
}

export function menuScheduleOff(): void {
  guarded(() => {
    const wb = workbookContext();
    const me = signedIn(wb);
    const record = loadSchedule();
    const mine = record !== null && sameEmail(record.owner, me);
    if (!record?.on) {
      const removed = mine && deleteTriggerById(record.triggerId);
      alert(wb.lang, removed ? 'schedule.off' : 'schedule.wasOff');
      return;
    }
    if (!mine && !mayManageSchedule()) {
      alert(wb.lang, 'schedule.offNotAllowed', { owner: record.owner });
      return;
    }
    if (mine) deleteTriggerById(record.triggerId ?? legacyTriggerId(wb.ss));
    saveSchedule({ ...record, on: false, offBy: me });
    if (mine) alert(wb.lang, 'schedule.off');
    else alert(wb.lang, 'schedule.offOther', { owner: record.owner });
  });
}

export function menuScheduleRunNow(): void {
  guarded(() => {
    const wb = workbookContext();
    const outcome = runPipeline({ how: 'manual', by: signedIn(wb) });
    const ui = SpreadsheetApp.getUi();
    ui.alert(t(wb.lang, 'schedule.run.done'), outcomeLines(outcome, wb.lang, wb.tz).join('\n'), ui.ButtonSet.OK);
  });
}

export function menuScheduleStatus(): void {
  guarded(() => {
    const wb = workbookContext();
    const me = roleView().actor.email;
    const record = loadSchedule();
    const triggerMissing = record?.on === true && sameEmail(record.owner, me) && triggerById(record.triggerId) === null;
    const html = statusHtml({ lang: wb.lang, tz: wb.tz, record, triggerMissing, runs: loadHistory() });
    const output = HtmlService.createHtmlOutput(html).setWidth(560).setHeight(440);
    SpreadsheetApp.getUi().showModalDialog(output, t(wb.lang, 'schedule.status.title'));
  });
}

/** Shows the signed-in person's daily list as it would be mailed, without sending anything. */
export function menuPreviewEmail(): void {
  guarded(() => {
    const wb = workbookContext();
    const me = signedIn(wb);
    const source = readDigestSource(wb);
    const lang = source.lang;
    const ctx = prepareDigest(source.input);
    const member = ctx.team.find((m) => sameEmail(m.email, me));
    if (!member) {
      alert(lang, 'schedule.preview.notInTeam', { email: me });
      return;
    }
    const recipient = { member, email: normalizeEmail(member.email), lang: member.language ?? lang };
    const message = composeMessage(ctx, recipient, 'daily', source.input.today);
    if (!message) {
      alert(recipient.lang, 'schedule.preview.nothing', { name: member.name.trim() });
      return;
    }
    const eligible = addressees([member], source.access, lang).recipients.length > 0;
    const note = !member.digest ? 'schedule.preview.noDigest' : eligible ? null : 'schedule.preview.noAccess';
    const banner = [`<p style="font:13px Arial;color:#5f6368">${escapeHtml(message.subject)}</p>`];
    if (note) banner.push(`<p style="font:13px Arial;color:#a50e0e">${escapeHtml(t(recipient.lang, note))}</p>`);
    const html = message.html.replace('<body>', `<body>${banner.join('')}`);
    const output = HtmlService.createHtmlOutput(html).setWidth(720).setHeight(560);
    SpreadsheetApp.getUi().showModalDialog(
      output,
      t(recipient.lang, 'schedule.preview.title', { day: source.input.today }),
    );
  });
}
