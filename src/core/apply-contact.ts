/**
 * One contact applied to its client: the single rule path behind the sidebar's save, a row typed or
 * pasted into Contacts (onEdit) and the import. It returns the client's new fields, the Changes rows
 * the contact implies, and what the contact row itself should hold once completed (next step, stage
 * and grade after), so every door ends in the same state (docs/rule-path.md).
 */
import { type DayKey, dayKey, dayOf, startOfDay } from './dates';
import { gradeClient } from './grade';
import { message } from './i18n';
import type { Attitude, Grade, Outcome, Result, Stage } from './lists';
import { type NextStep, replacesStep, stepFromContact } from './next-step';
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
  const stage = contact.stage ?? client.stage;
  const gradeOverride = contact.gradeOverride === undefined ? client.gradeOverride : contact.gradeOverride;
  const moved: ClientRecord = { ...client, stage, gradeOverride };
  // Last contact holds the first instant of its day: a reached contact on or after it is the latest.
  const latest =
    reached && (client.lastContact === null || contact.date.getTime() >= client.lastContact.getTime())
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
  const gradeThatDay = gradeClient(
    {
      needConfirmed: moved.needConfirmed,
      budgetConfirmed: moved.budgetConfirmed,
      decisionMaker: moved.decisionMaker,
      expectedDate: dayOf(moved.expectedDate, tz),
      gradeOverride: moved.gradeOverride,
    },
    settings,
    day,
  ).grade;
  const proposed = stepFromContact(
    { day, reached, nextFollowUp: contact.nextFollowUp, nextOwner: contact.nextOwner, nextTopic: contact.nextTopic },
    gradeThatDay,
    client.owner,
    settings,
    options.me ?? '',
  );
  const ms = contact.date.getTime();
  // A plan typed into the client's cells and never recorded is logged first and counts as set now (or
  // at this contact, without a clock): a contact dated before it does not replace it.
  const typedPlan = unrecordedPlan(client, tz);
  const planSetMs =
    typedPlan.length > 0 ? (options.now ?? contact.date).getTime() : (client.planSet?.getTime() ?? null);
  const step = proposed !== null && replacesStep(ms, planSetMs) ? proposed : null;
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
  after.stepRecorded = planRecordedCell(after, tz);
  const changes: PlannedChange[] = [
    ...unrecordedStage(client),
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
    row: {
      nextFollowUp: proposed?.day ?? null,
      nextOwner: proposed?.owner ?? contact.nextOwner,
      stageAfter: stage,
      gradeAfter: computed.grade,
    },
  };
}
