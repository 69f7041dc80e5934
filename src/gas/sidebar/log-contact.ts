/**
 * logContact: one contact attempt from the sidebar. Appends ONE Contacts row and updates the
 * client's row — Last contact (reached contacts only), Next follow-up / owner / topic, Stage, Grade
 * override, Grade, Status, Pool release — under the document lock, with the client found by ID at
 * write time. A reached contact with no next date gets last contact + the grade's interval. A next
 * step owned by someone else and due today is mailed to them at once (seed 000).
 */
import { overCallingWarning, proposeNextFollowUp } from '../../core/cadence';
import { type DayKey, dayKey, daysBetween, startOfDay } from '../../core/dates';
import { gradeClient } from '../../core/grade';
import { type Message, message } from '../../core/i18n';
import { idGenerator } from '../../core/ids';
import { type Grade, label, parseEnum } from '../../core/lists';
import { poolOutlook } from '../../core/pool';
import type { ClientRecord, ContactRecord } from '../../core/schema';
import { computeStatus } from '../../core/status';
import type { ClientCard, LogContactEntry, Notice, WriteResult } from '../../server/api-types';
import { type ChangeEntry, openChangeLog } from '../changes';
import { withDocumentLock } from '../lock';
import { appendRecords } from '../table';
import { buildCard, readHistory } from './card';
import { type ClientUpdates, changed, writeClientCells } from './client-writes';
import { recentIds } from './header-table';
import { openClientTarget, rowForWrite } from './client-target';
import { mailNextStep } from './notify';
import { notice, refused } from './results';
import { patchIndex } from './row-hint';
import { invalidateSearchIndex } from './search-index';
import { type SidebarSession, openSession } from './session';
import { FieldChecker } from './validate';

/** The entry, checked: codes instead of labels, days instead of strings. */
interface CheckedEntry {
  clientId: string;
  date: Date;
  day: DayKey;
  by: string;
  contact: Omit<
    ContactRecord,
    'id' | 'date' | 'clientId' | 'client' | 'by' | 'nextFollowUp' | 'stageAfter' | 'gradeAfter'
  >;
  nextDay: DayKey | null;
  stage: ContactRecord['stageAfter'];
  /** undefined: leave the override as it is; null: clear it */
  gradeOverride: Grade | null | undefined;
}

function readContactDate(
  raw: unknown,
  s: SidebarSession,
  check: FieldChecker<'contacts'>,
): { date: Date; day: DayKey } {
  const text = raw === null || raw === undefined ? '' : String(raw).trim();
  const { ctx } = s;
  if (text === '') return { date: ctx.now, day: s.today };
  let date: Date | null = null;
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !isNaN(Date.parse(text))) date = new Date(Date.parse(text));
  else {
    const day = check.day('date', text);
    if (day !== null) date = day === s.today ? ctx.now : startOfDay(day, ctx.tz);
  }
  if (date === null) {
    if (check.ok)
      check.fail('date', 'sidebar.error.notADate', { field: check.fieldName('date'), value: text.slice(0, 100) });
    return { date: ctx.now, day: s.today };
  }
  const day = dayKey(date, ctx.tz);
  if (daysBetween(s.today, day) > 0) check.fail('date', 'sidebar.error.futureDate', { date: day });
  return { date, day };
}

export function checkEntry(entry: LogContactEntry, s: SidebarSession, check: FieldChecker<'contacts'>): CheckedEntry {
  const e = (entry ?? {}) as Partial<LogContactEntry>;
  const clientId = String(e.clientId ?? '').trim();
  if (clientId === '') check.fail('clientId', 'sidebar.error.pickClient');
  const outcome = check.choice('outcome', 'outcomes', e.outcome, true);
  const channel = check.choice('channel', 'channels', e.channel, true);
  const summary = check.text('summary', e.summary, outcome === 'reached');
  // Every problem at once: with no outcome yet, a blank summary is said now, not after Outcome is fixed.
  if (outcome === null && String(e.summary ?? '').trim() === '') {
    check.fail('summary', 'sidebar.error.summaryIfReached', { field: check.fieldName('summary') });
  }
  const { date, day } = readContactDate(e.date, s, check);
  const by = check.person('by', e.by ?? '') || s.me;
  const nextDay = check.day('nextFollowUp', e.nextDate);
  if (nextDay !== null && daysBetween(day, nextDay) < 0) {
    check.fail('nextFollowUp', 'sidebar.error.nextBeforeContact', { date: nextDay, contact: day });
  }
  let gradeOverride: Grade | null | undefined;
  if (e.gradeOverride !== undefined && e.gradeOverride !== null) {
    const text = String(e.gradeOverride).trim();
    gradeOverride = text === '' ? null : parseEnum('grades', text);
    if (gradeOverride === null && text !== '') {
      check.fail('gradeAfter', 'sidebar.error.notInList', {
        field: check.fieldName('gradeAfter'),
        value: text.slice(0, 100),
        allowed: 'A, B, C, D',
      });
    }
  }
  return {
    clientId,
    date,
    day,
    by,
    contact: {
      channel,
      outcome,
      result: check.choice('result', 'results', e.result),
      summary,
      objections: check.text('objections', e.objections),
      attitude: check.choice('attitude', 'attitudes', e.attitude),
      reason: check.choice('reason', 'reasons', e.reason),
      nextOwner: check.person('nextOwner', e.nextOwner),
      nextTopic: check.text('nextTopic', e.nextTopic),
    },
    nextDay,
    stage: check.choice('stageAfter', 'stages', e.stage),
    gradeOverride,
  };
}

function dayOf(date: Date | null, tz: string): DayKey | null {
  return date === null ? null : dayKey(date, tz);
}

interface Saved {
  card: ClientCard;
  /** reached again much sooner than the grade's interval (DOMAIN: the tracker can warn about over-calling) */
  overCalling: Message | null;
  nextOwner: string;
  nextDay: DayKey | null;
  client: ClientRecord;
  topic: string;
}

function save(s: SidebarSession, input: CheckedEntry): Saved {
  const { ctx, settings } = s;
  const { tz, lang } = ctx;
  const target = openClientTarget(s, input.clientId);
  const { clients, contacts, hint } = target;
  const client = target.found.record;

  const reached = input.contact.outcome === 'reached';
  const oldLast = dayOf(client.lastContact, tz);
  const lastContact = reached && (oldLast === null || input.day > oldLast) ? input.day : oldLast;
  const stage = input.stage ?? client.stage;
  const gradeOverride = input.gradeOverride === undefined ? client.gradeOverride : input.gradeOverride;
  const graded = gradeClient(
    {
      needConfirmed: client.needConfirmed,
      budgetConfirmed: client.budgetConfirmed,
      decisionMaker: client.decisionMaker,
      expectedDate: dayOf(client.expectedDate, tz),
      gradeOverride,
    },
    settings,
    s.today,
  );
  const nextDay = input.nextDay ?? (reached ? proposeNextFollowUp(input.day, graded.grade, settings) : null);
  const nextOwner = nextDay === null ? '' : input.contact.nextOwner || client.owner || s.me;
  const status = computeStatus(
    { stage, owner: client.owner, previousStatus: client.status, lastContact, created: dayOf(client.created, tz) },
    settings,
    s.today,
  );
  const pool = poolOutlook(
    {
      grade: graded.grade,
      stage,
      owner: client.owner,
      lastContact,
      created: dayOf(client.created, tz),
      expiryDate: dayOf(client.expiryDate, tz),
    },
    settings,
    s.today,
  );

  const after: ClientRecord = {
    ...client,
    stage,
    gradeOverride,
    grade: graded.grade,
    status,
    lastContact: lastContact === null ? null : startOfDay(lastContact, tz),
    poolRelease: pool.releaseDay === null ? null : startOfDay(pool.releaseDay, tz),
  };
  if (nextDay !== null) {
    after.nextFollowUp = startOfDay(nextDay, tz);
    after.nextOwner = nextOwner;
    after.nextTopic = input.contact.nextTopic;
  }
  const updates: ClientUpdates = {};
  const cells: Record<string, unknown> = {
    lastContact: after.lastContact,
    nextFollowUp: after.nextFollowUp,
    nextOwner: after.nextOwner,
    nextTopic: after.nextTopic,
    stage: after.stage === null ? '' : label('stages', after.stage, lang),
    gradeOverride: after.gradeOverride === null ? '' : after.gradeOverride,
    grade: label('grades', after.grade as Grade, lang),
    status: label('statuses', status, lang),
    poolRelease: after.poolRelease,
  };
  const before: Record<string, unknown> = {
    ...client,
    stage: client.stage === null ? '' : label('stages', client.stage, lang),
    gradeOverride: client.gradeOverride ?? '',
    grade: client.grade === null ? '' : label('grades', client.grade, lang),
    status: client.status === null ? '' : label('statuses', client.status, lang),
  };
  for (const [key, value] of Object.entries(cells)) {
    if (changed(before[key] as ClientRecord[keyof ClientRecord], value)) updates[key as keyof ClientUpdates] = value;
  }

  const gradeChanges: ChangeEntry[] =
    client.grade !== null && client.grade !== graded.grade
      ? [
          {
            clientId: client.id,
            what: 'gradeChange',
            old: client.grade,
            new: graded.grade,
            by: s.me || undefined,
            reason: graded.reasons[0] ?? message('change.gradeComputed'),
          },
        ]
      : [];
  // Opened before the first write, so a missing Changes tab stops the save with nothing written.
  const changeLog = gradeChanges.length > 0 ? openChangeLog(s.sheets, ctx) : null;

  const id = idGenerator('K', recentIds(contacts, 'id'), ctx.now).next();
  const contactRow: Partial<Record<keyof ContactRecord, unknown>> = {
    id,
    date: input.date,
    clientId: client.id,
    client: client.name,
    by: input.by,
    channel: input.contact.channel === null ? '' : label('channels', input.contact.channel, lang),
    outcome: input.contact.outcome === null ? '' : label('outcomes', input.contact.outcome, lang),
    result: input.contact.result === null ? '' : label('results', input.contact.result, lang),
    summary: input.contact.summary,
    objections: input.contact.objections,
    attitude: input.contact.attitude === null ? '' : label('attitudes', input.contact.attitude, lang),
    reason: input.contact.reason === null ? '' : label('reasons', input.contact.reason, lang),
    nextFollowUp: nextDay === null ? '' : startOfDay(nextDay, tz),
    nextOwner: nextDay === null ? input.contact.nextOwner : nextOwner,
    nextTopic: input.contact.nextTopic,
    stageAfter: stage === null ? '' : label('stages', stage, lang),
    gradeAfter: graded.grade,
  };
  // The user may have sorted since the row was read: find it again rather than write on another client.
  const found = rowForWrite(s, target);
  appendRecords(contacts, [contactRow]);
  writeClientCells(clients, found.row, updates);
  changeLog?.append(gradeChanges);

  if (found.moved) invalidateSearchIndex();
  else if ('nextOwner' in updates) patchIndex(hint, found.row, { nextOwner: after.nextOwner }, ctx.now);

  const history = readHistory(contacts, client.id, tz);
  return {
    card: buildCard(after, history, settings, s.today, tz),
    overCalling: reached ? overCallingWarning(oldLast, input.day, graded.grade, settings) : null,
    nextOwner: after.nextOwner,
    nextDay,
    client: after,
    topic: after.nextTopic,
  };
}

export function logContact(entry: LogContactEntry): WriteResult<ClientCard> {
  const s = openSession();
  const check = new FieldChecker('contacts', s.ctx.lang, s.ctx.tz, s.team);
  const input = checkEntry(entry, s, check);
  if (!check.ok) return refused(check.problems);
  const saved = withDocumentLock(s.ctx.lang, () => save(s, input));
  const notices: Notice[] = [];
  if (input.nextDay === null && saved.nextDay !== null) {
    notices.push(
      notice(
        s.ctx.lang,
        message('sidebar.notice.proposed', { date: saved.nextDay, days: daysBetween(input.day, saved.nextDay) }),
      ),
    );
  }
  if (saved.overCalling) notices.push(notice(s.ctx.lang, saved.overCalling));
  if (saved.nextDay === s.today && saved.nextOwner !== '' && saved.nextOwner.toLowerCase() !== s.me.toLowerCase()) {
    notices.push(mailNextStep(s, { to: saved.nextOwner, client: saved.client, topic: saved.topic, by: input.by }));
  }
  return { ok: true, value: saved.card, notices };
}
