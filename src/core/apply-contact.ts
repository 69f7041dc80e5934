/**
 * One contact applied to its client: the single rule path behind the sidebar's save, a row typed or
 * pasted into Contacts (onEdit) and the import. It returns the client's new fields, the Changes rows
 * the contact implies, and what the contact row itself should hold once completed (next step, stage
 * and grade after), so every door ends in the same state (docs/rule-path.md).
 */
import { type DayKey, dayKey, dayOf, startOfDay } from './dates';
import { gradeClient, gradeFactsOf } from './grade';
import { type Lang, type Message, message } from './i18n';
import type { Attitude, Grade, Outcome, Result, Stage } from './lists';
import { type NextStep, replaces, stepFromContact } from './next-step';
import { type PlannedChange, computeClient } from './refresh';
import type { ClientRecord, ContactRecord } from './schema';
import { planRecordedCell, stageChange, stageRecordedCell, unrecordedPlan, unrecordedStage } from './stage-record';
import type { Settings } from './settings';

/** A contact as the rules need it: checked, codes not labels. */
export interface ContactFacts {
  /** The moment of the contact. */
  date: Date;
  outcome: Outcome | null;
  result: Result | null;
  attitude: Attitude | null;
  nextFollowUp: DayKey | null;
  nextOwner: string;
  nextTopic: string;
  /** Stage after the contact; null leaves the stage as it is. */
  stage: Stage | null;
  /** undefined: leave the override as it is; null: clear it. */
  gradeOverride?: Grade | null;
}

export interface AppliedContact {
  /** The client row after the contact (dates as the first instant of their day). */
  after: ClientRecord;
  /** The next step the contact set, or null when the step in force stayed (none given, or backdated). */
  step: NextStep | null;
  /** The day of the step the contact proposed, even when an older step stays in force. */
  proposed: NextStep | null;
  changes: PlannedChange[];
  /**
   * The Stage after the contact gave that did not apply because the client's stage was set later
   * (a row caught up late, a backdated entry): the doors say so. Null when it applied or agreed.
   */
  stageKept: { stage: Stage; current: Stage | null; since: Date } | null;
  /** What the contact row holds once completed (the sidebar writes these; onEdit fills the blanks). */
  row: { nextFollowUp: DayKey | null; nextOwner: string; stageAfter: Stage | null; gradeAfter: Grade };
}

export interface ApplyOptions {
  /** Who is acting: the step's owner when neither the contact nor the client names one. */
  me?: string;
  /**
   * The client's latest reached contact before this one, when the caller read the log (the sidebar
   * does); undefined leaves the segment to Refresh unless this contact is the latest reached.
   */
  latest?: { latestReachedAttitude: Attitude | null; latestReachedResult: Result | null };
  /** The moment of the save, when a plan typed into the cells is found unrecorded. */
  now?: Date;
}

/** A dated Contacts row as applyContact reads it (Refresh's catch-up and typed rows; the sidebar sends its own). */
export function contactFacts(contact: ContactRecord, tz: string): ContactFacts {
  return {
    date: contact.date as Date,
    outcome: contact.outcome,
    result: contact.result,
    attitude: contact.attitude,
    nextFollowUp: dayOf(contact.nextFollowUp, tz),
    nextOwner: contact.nextOwner,
    nextTopic: contact.nextTopic,
    stage: contact.stageAfter,
  };
}

/**
 * Whether a contact becomes the client's latest reached one: reached, on or after Last contact (which
 * holds the first instant of its day). Then the contact itself gives the latest attitude and result,
 * and the log's earlier rows are not needed (`ApplyOptions.latest`).
 */
export function becomesLatestReached(lastContact: Date | null, reached: boolean, date: Date): boolean {
  return reached && (lastContact === null || date.getTime() >= lastContact.getTime());
}

export function applyContact(
  client: ClientRecord,
  contact: ContactFacts,
  settings: Settings,
  today: DayKey,
  tz: string,
  options: ApplyOptions = {},
): AppliedContact {
  const day = dayKey(contact.date, tz);
  const reached = contact.outcome === 'reached';
  const ms = contact.date.getTime();
  // The stage in force was set at Stage set; a contact dated before it never changes it (a move
  // typed into the cell and found in this same look counts as before the contact).
  const stageSetMs = client.stageSet?.getTime() ?? null;
  const gives = contact.stage !== null && replaces(ms, stageSetMs);
  const stage = gives ? contact.stage : client.stage;
  const stageKept =
    contact.stage !== null && !gives && contact.stage !== client.stage
      ? { stage: contact.stage, current: client.stage, since: client.stageSet as Date }
      : null;
  const gradeOverride = contact.gradeOverride === undefined ? client.gradeOverride : contact.gradeOverride;
  const moved: ClientRecord = { ...client, stage, gradeOverride };
  const latest = becomesLatestReached(client.lastContact, reached, contact.date)
    ? { latestReachedAttitude: contact.attitude, latestReachedResult: contact.result }
    : options.latest;
  const { computed, gradeChange } = computeClient(
    moved,
    { reached: reached ? day : null, latest },
    settings,
    today,
    tz,
  );
  // The interval is the grade's on the contact's day, so a contact applied later (Refresh catching up a
  // row onEdit never saw) proposes the same date as the sidebar did that day.
  const gradeThatDay = gradeClient(gradeFactsOf(moved, tz), settings, day).grade;
  const proposed = stepFromContact(
    { day, reached, nextFollowUp: contact.nextFollowUp, nextOwner: contact.nextOwner, nextTopic: contact.nextTopic },
    gradeThatDay,
    client.owner,
    settings,
    options.me ?? '',
  );
  // A plan typed into the client's cells and never recorded is logged first and counts as set now (or
  // at this contact, without a clock): a contact dated before it does not replace it.
  const typedPlan = unrecordedPlan(client, tz);
  const planSetMs =
    typedPlan.length > 0 ? (options.now ?? contact.date).getTime() : (client.planSet?.getTime() ?? null);
  const step = proposed !== null && replaces(ms, planSetMs) ? proposed : null;
  const asDate = (d: DayKey | null): Date | null => (d === null ? null : startOfDay(d, tz));
  const after: ClientRecord = {
    ...moved,
    grade: computed.grade,
    status: computed.status,
    lastContact: asDate(computed.lastContact),
    poolRelease: asDate(computed.poolRelease),
    segment: computed.segment,
  };
  if (step !== null) {
    after.nextFollowUp = asDate(step.day);
    after.nextOwner = step.owner;
    after.nextTopic = step.topic;
    after.planSet = new Date(ms);
  }
  if (step === null && typedPlan.length > 0) after.planSet = new Date(planSetMs as number);
  after.stageRecorded = stageRecordedCell(stage, 'en');
  const typedStage = unrecordedStage(client);
  if (gives) after.stageSet = new Date(ms);
  else if (typedStage.length > 0) after.stageSet = options.now ?? contact.date;
  after.stepRecorded = planRecordedCell(after, tz);
  const changes: PlannedChange[] = [
    ...typedStage,
    ...typedPlan,
    ...stageChange(client.stage, stage, message('change.stageByContact', { date: day })).map((c) => ({
      ...c,
      at: contact.date,
    })),
    ...(gradeChange ? [{ clientId: '', ...gradeChange }] : []),
  ].map((c) => ({ ...c, clientId: client.id }));
  return {
    after,
    step,
    proposed,
    changes,
    stageKept,
    row: {
      nextFollowUp: proposed?.day ?? null,
      nextOwner: proposed?.owner ?? contact.nextOwner,
      stageAfter: stageKept?.stage ?? stage,
      gradeAfter: computed.grade,
    },
  };
}

/** The sentence for a contact whose Stage after did not apply (a later stage is in force), in lang. */
export function stageKeptMessage(
  kept: NonNullable<AppliedContact['stageKept']>,
  where: { tab: string; who: string },
  lang: Lang,
  tz: string,
): Message {
  return message('problem.stageKept', {
    ...where,
    stage: stageRecordedCell(kept.stage, lang),
    current: stageRecordedCell(kept.current, lang),
    date: dayKey(kept.since, tz),
  });
}

/**
 * The stage an applied contact row now gives that its client does not hold: the row is the client's
 * latest, dated at or after Stage set, and its Stage after was changed in an edit nobody applied (a
 * phone where onEdit did not run, a dropped event). Null when the row and the client agree, or when
 * a later stage is in force. Refresh applies it as the move it is.
 */
export function stageEditedOnRow(client: ClientRecord, contact: ContactRecord): Stage | null {
  const set = client.stageSet?.getTime();
  if (set === undefined || contact.id.trim() === '' || contact.date === null) return null;
  if (contact.stageAfter === null || contact.stageAfter === client.stage) return null;
  return replaces(contact.date.getTime(), set) ? contact.stageAfter : null;
}

/**
 * The next step an applied contact row now gives that its client does not hold: the row is the
 * client's latest, dated at or after Next step set, and its Next follow-up or Next topic was changed
 * in an edit nobody applied. Null when they agree (by day and topic: reassigning changes the owner
 * alone) or when a later plan is in force.
 */
export function stepEditedOnRow(client: ClientRecord, contact: ContactRecord, tz: string): NextStep | null {
  const set = client.planSet?.getTime();
  if (set === undefined || contact.id.trim() === '' || contact.date === null || contact.nextFollowUp === null)
    return null;
  if (!replaces(contact.date.getTime(), set)) return null;
  const day = dayKey(contact.nextFollowUp, tz);
  const now = dayOf(client.nextFollowUp, tz);
  if (day === now && contact.nextTopic === client.nextTopic) return null;
  return { day, owner: contact.nextOwner || client.nextOwner, topic: contact.nextTopic };
}
