/**
 * logContact: one contact attempt from the sidebar. Appends ONE Contacts row and updates the
 * client's row — Last contact (reached contacts only), Next follow-up / owner / topic, Stage, Grade
 * override, Grade, Status, Pool release — under the document lock, with the client found by ID at
 * write time. A reached contact with no next date gets last contact + the grade's interval. A next
 * step owned by someone else and due today is mailed to them at once (seed 000).
 */
import { type AppliedContact, applyContact, becomesLatestReached } from '../../core/apply-contact';
import { overCallingWarning } from '../../core/cadence';
import { type DayKey, dayKey, dayOf, daysBetween, startOfDay } from '../../core/dates';
import { type Lang, type Message, message } from '../../core/i18n';
import { idGenerator } from '../../core/ids';
import { type Grade, type Stage, label, parseEnum } from '../../core/lists';
import type { NextStep } from '../../core/next-step';
import { withNewest } from '../../core/newest-first';
import type { ClientRecord, ContactRecord } from '../../core/schema';
import type { LogContactEntry, LoggedCard, Notice, WriteResult } from '../../contract/types';
import { type ChangeEntry, openChangeLog } from '../changes';
import { withDocumentLock } from '../lock';
import { appendRecords } from '../table';
import { buildCard, cardUpdate, contactEntry, lastContactIds, readHistoryAndTail } from './card';
import { clientUpdates, writeClientCells } from './client-writes';
import { recentIds } from './header-table';
import { openClientWithContacts, rowForWrite } from './client-target';
import { mailNextStep } from './notify';
import { handoverCalledFor } from '../../core/handover';
import { stageRecordedCell } from '../../core/stage-record';
import { notice, refused } from './results';
import { patchIndex } from './row-hint';
import { noteAppended } from './row-index';
import { invalidateSearchIndex } from './search-index';
import { type SidebarSession, openSession } from './session';
import { FieldChecker } from './validate';

/**
 * The entry, checked: every field of the entry (read off the Contacts columns), codes instead of
 * labels, days instead of strings; `date` is the moment of the contact and `day` its day.
 */
export type CheckedEntry = Omit<
  Pick<ContactRecord, keyof Required<LogContactEntry>>,
  'date' | 'nextFollowUp' | 'gradeAfter'
> & {
  date: Date;
  day: DayKey;
  nextFollowUp: DayKey | null;
  /** a grade set by hand: undefined leaves the override as it is; null clears it */
  gradeAfter: Grade | null | undefined;
};

/** A browser clock a little ahead of the server's is not a contact in the future. */
const CLOCK_SLACK_MS = 2 * 60_000;

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
  else if (date.getTime() - ctx.now.getTime() > CLOCK_SLACK_MS) {
    check.fail('date', 'sidebar.error.futureTime', { time: text });
  }
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
  const nextFollowUp = check.day('nextFollowUp', e.nextFollowUp);
  if (nextFollowUp !== null && daysBetween(day, nextFollowUp) < 0) {
    check.fail('nextFollowUp', 'sidebar.error.nextBeforeContact', { date: nextFollowUp, contact: day });
  }
  let gradeAfter: Grade | null | undefined;
  if (e.gradeAfter !== undefined && e.gradeAfter !== null) {
    const text = String(e.gradeAfter).trim();
    gradeAfter = text === '' ? null : parseEnum('grades', text);
    if (gradeAfter === null && text !== '') {
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
    channel,
    outcome,
    result: check.choice('result', 'results', e.result),
    summary,
    objections: check.text('objections', e.objections),
    attitude: check.choice('attitude', 'attitudes', e.attitude),
    reason: check.choice('reason', 'reasons', e.reason),
    nextFollowUp,
    nextOwner: check.person('nextOwner', e.nextOwner),
    nextTopic: check.text('nextTopic', e.nextTopic),
    stageAfter: check.choice('stageAfter', 'stages', e.stageAfter),
    gradeAfter,
  };
}

/**
 * A checked entry applied to the client through the one rule path (core/apply-contact.ts). `latest`
 * is the client's latest reached contact before this one. Shared with the import's batched writer.
 */
export function applyEntry(
  s: SidebarSession,
  client: ClientRecord,
  input: CheckedEntry,
  latest: { latestReachedAttitude: ContactRecord['attitude']; latestReachedResult: ContactRecord['result'] },
): AppliedContact {
  const { ctx, settings } = s;
  return applyContact(
    client,
    {
      date: input.date,
      outcome: input.outcome,
      result: input.result,
      attitude: input.attitude,
      nextFollowUp: input.nextFollowUp,
      nextOwner: input.nextOwner,
      nextTopic: input.nextTopic,
      stage: input.stageAfter,
      gradeOverride: input.gradeAfter,
    },
    settings,
    s.today,
    ctx.tz,
    { me: s.me, now: ctx.now, latest },
  );
}

/** The Contacts row a checked entry becomes, as Log contact writes it (labels in the workbook's language). */
export function contactRowOf(
  input: CheckedEntry,
  client: ClientRecord,
  row: AppliedContact['row'],
  id: string,
  lang: Lang,
  tz: string,
): Record<keyof ContactRecord, unknown> {
  return {
    id,
    date: input.date,
    clientId: client.id,
    client: client.name,
    by: input.by,
    channel: input.channel === null ? '' : label('channels', input.channel, lang),
    outcome: input.outcome === null ? '' : label('outcomes', input.outcome, lang),
    result: input.result === null ? '' : label('results', input.result, lang),
    summary: input.summary,
    objections: input.objections,
    attitude: input.attitude === null ? '' : label('attitudes', input.attitude, lang),
    reason: input.reason === null ? '' : label('reasons', input.reason, lang),
    nextFollowUp: row.nextFollowUp === null ? '' : startOfDay(row.nextFollowUp, tz),
    nextOwner: row.nextOwner,
    nextTopic: input.nextTopic,
    stageAfter: row.stageAfter === null ? '' : label('stages', row.stageAfter, lang),
    gradeAfter: row.gradeAfter,
  };
}

interface Saved {
  card: LoggedCard;
  /** reached again much sooner than the grade's interval (docs/domain.md#cadence-and-overdue: the tracker can warn about over-calling) */
  overCalling: Message | null;
  /** The step the contact set; null when the step in force stayed (none given, or a backdated contact). */
  step: NextStep | null;
  /** The step this contact proposed (the notice says so even when an older plan stays). */
  proposed: NextStep | null;
  /** The stage this contact gave that a later stage outranks (the notice says so). */
  stageKept: AppliedContact['stageKept'];
  client: ClientRecord;
}

function save(s: SidebarSession, input: CheckedEntry): Saved {
  const { ctx, settings } = s;
  const { tz, lang } = ctx;
  const target = openClientWithContacts(s, input.clientId);
  const { clients, contacts, hint } = target;
  const client = target.found.record;
  // The history before this contact, when the rules need its latest reached contact: not for a contact
  // that becomes the latest reached itself (a call today), whose save then costs the same however long
  // the client's history; the sidebar adds the contact to the history it shows (docs/calls.md).
  const needsHistory = !becomesLatestReached(client.lastContact, input.outcome === 'reached', input.date);
  const { history, lastIds } = needsHistory
    ? readHistoryAndTail(contacts, client.id, tz)
    : { history: null, lastIds: lastContactIds(contacts, client.id) };
  const latestReached = history?.find((h) => h.outcome === 'reached');
  const applied = applyEntry(s, client, input, {
    latestReachedAttitude: latestReached?.attitude ?? null,
    latestReachedResult: latestReached?.result ?? null,
  });
  const { after } = applied;
  const updates = clientUpdates(client, after, lang);
  const changes: ChangeEntry[] = applied.changes.map((c) => ({ ...c, by: s.me || undefined }));
  // Opened before the first write, so a missing Changes tab stops the save with nothing written.
  const changeLog = changes.length > 0 ? openChangeLog(s.sheets, ctx) : null;

  const id = idGenerator('K', lastIds ?? recentIds(contacts, 'id'), ctx.now).next();
  const contactRow = contactRowOf(input, client, applied.row, id, lang, tz);
  // The user may have sorted since the row was read: find it again rather than write on another client.
  const found = rowForWrite(s, target);
  const appended = appendRecords(contacts, [contactRow]);
  noteAppended(contacts, appended, [{ id, clientId: client.id }]);
  writeClientCells(clients, found.row, updates);
  changeLog?.append(changes);

  if (found.moved) invalidateSearchIndex();
  else if ('nextOwner' in updates) patchIndex(hint, found.row, { nextOwner: after.nextOwner }, ctx.now);

  const { day: _day, ...typed } = input;
  const saved: ContactRecord = {
    ...(Object.fromEntries(Object.keys(contactRow).map((k) => [k, null])) as unknown as ContactRecord),
    ...typed,
    id,
    date: input.date,
    clientId: client.id,
    client: client.name,
    by: input.by,
    nextFollowUp: applied.row.nextFollowUp === null ? null : startOfDay(applied.row.nextFollowUp, tz),
    nextOwner: applied.row.nextOwner,
    stageAfter: applied.row.stageAfter,
    gradeAfter: applied.row.gradeAfter,
  };
  const oldLast = dayOf(client.lastContact, tz);
  const added = contactEntry(saved, tz);
  return {
    card:
      history === null
        ? { ...cardUpdate(after, settings, s.today, tz), added }
        : { ...buildCard(after, withNewest(history, saved, msOf), settings, s.today, tz), added },
    overCalling:
      input.outcome === 'reached' ? overCallingWarning(oldLast, input.day, after.grade as Grade, settings) : null,
    step: applied.step,
    proposed: applied.proposed,
    stageKept: applied.stageKept,
    client: after,
  };
}

const msOf = (c: ContactRecord): number | null => c.date?.getTime() ?? null;

export function logContact(entry: LogContactEntry): WriteResult<LoggedCard> {
  const s = openSession();
  const check = new FieldChecker('contacts', s.ctx.lang, s.ctx.tz, s.team);
  const input = checkEntry(entry, s, check);
  if (!check.ok) return refused(check.problems);
  const saved = withDocumentLock(s.ctx.lang, () => save(s, input));
  const notices: Notice[] = [];
  const { step, proposed } = saved;
  if (input.nextFollowUp === null && step !== null) {
    notices.push(
      notice(
        s.ctx.lang,
        message('sidebar.notice.proposed', { date: step.day, days: daysBetween(input.day, step.day) }),
      ),
    );
  }
  if (proposed !== null && step === null) {
    // A backdated contact: the step set after it stays in force.
    notices.push(
      notice(
        s.ctx.lang,
        message('sidebar.notice.planKept', { date: dayOf(saved.client.nextFollowUp, s.ctx.tz) ?? '' }),
      ),
    );
  }
  if (saved.stageKept !== null) {
    // A backdated contact: the stage set after it stays in force.
    const { stage, current } = saved.stageKept;
    const said = (x: Stage | null): string => stageRecordedCell(x, s.ctx.lang); // '—' for none
    notices.push(
      notice(s.ctx.lang, message('sidebar.notice.stageKept', { stage: said(stage), current: said(current) })),
    );
  }
  if (saved.overCalling) notices.push(notice(s.ctx.lang, saved.overCalling));
  // The one rule for a handover mail (core/handover.ts); typed rows are mailed by the next run.
  if (handoverCalledFor(step, s.me, s.today)) {
    notices.push(mailNextStep(s, { to: step.owner, client: saved.client, topic: step.topic, by: input.by }));
  }
  return { ok: true, value: saved.card, notices };
}
