/**
 * Stage recorded and Plan recorded: the stage and the plan (next follow-up day and topic) the Changes
 * tab last recorded for a client, kept beside its cells so that a Stage or a plan changed without
 * being recorded — typed in the Sheets app, where onEdit may not run, pasted, set by a script — is
 * found by whichever path sees the row next (onEdit, Refresh, a contact applied) and logged exactly
 * once. Nothing depends on onEdit having run (docs/rule-path.md).
 */
import { type DayKey, dayOf } from './dates';
import { type Lang, type Message, message } from './i18n';
import { type Stage, label, parseEnum } from './lists';
import { stepText } from './next-step';
import type { PlannedChange } from './refresh';
import type { ClientRecord } from './schema';

/** The cell for a blank stage recorded (distinct from a blank cell: nothing recorded yet). */
export const NO_STAGE = '—';

/** The Changes row a stage move implies: one per move, none when the stage stays; a first stage is recorded as such. */
export function stageChange(before: Stage | null, after: Stage | null, reason: Message): PlannedChange[] {
  if (after === null || after === before) return [];
  return [
    {
      clientId: '',
      what: 'stageChange',
      old: before ?? '',
      new: after,
      reason: before === null ? message('change.stageFirst') : reason,
    },
  ];
}

/**
 * The stage a client's moves are measured from. A client without an ID is new to the tracker: its
 * first stage is recorded as a first stage (null). A blank or unreadable cell is a client recorded
 * before the column existed: undefined, its stage is adopted without a move.
 */
export function recordedStage(client: ClientRecord): Stage | null | undefined {
  if (client.id.trim() === '') return null;
  const raw = client.stageRecorded.trim();
  if (raw === NO_STAGE) return null;
  return parseEnum('stages', raw) ?? undefined;
}

/** What the Stage recorded cell holds once `stage` is recorded. */
export function stageRecordedCell(stage: Stage | null, lang: Lang): string {
  return stage === null ? NO_STAGE : label('stages', stage, lang);
}

/**
 * The move a client's Stage cell holds that Changes never recorded (none when they agree or nothing
 * was recorded yet), as a Changes row for `id` (a client given its ID in this pass has none yet).
 */
export function unrecordedStage(client: ClientRecord, id = client.id): PlannedChange[] {
  const recorded = recordedStage(client);
  if (recorded === undefined) return [];
  return stageChange(recorded, client.stage, message('change.stageTyped')).map((c) => ({ ...c, clientId: id }));
}

/** The plan as Plan recorded holds it: "2026-03-05 · send the quote"; null when there is none. */
export function planKey(day: DayKey | null, topic: string): string | null {
  const parts = [day ?? '', topic.trim()].filter((p) => p !== '');
  return parts.length === 0 ? null : parts.join(' · ');
}

function currentPlan(client: ClientRecord, tz: string): string | null {
  return planKey(dayOf(client.nextFollowUp, tz), client.nextTopic);
}

/** What the Plan recorded cell holds once the client's plan is recorded. */
export function planRecordedCell(client: ClientRecord, tz: string): string {
  return currentPlan(client, tz) ?? NO_STAGE;
}

/**
 * A plan typed into the client's cells that Changes never recorded: one "Next step set" row (its
 * owner included), and the moment it counts as set. A client without an ID is new: its first plan is
 * recorded; a blank cell (a client from before the column) is adopted without a row.
 */
export function unrecordedPlan(client: ClientRecord, tz: string, id = client.id): PlannedChange[] {
  const raw = client.stepRecorded.trim();
  if (client.id.trim() !== '' && raw === '') return [];
  const recorded = client.id.trim() === '' || raw === NO_STAGE ? null : raw;
  const now = currentPlan(client, tz);
  if (now === recorded) return [];
  const day = dayOf(client.nextFollowUp, tz);
  const step = stepText({ day, owner: client.nextOwner, topic: client.nextTopic });
  return [{ clientId: id, what: 'nextStep', old: recorded ?? '', new: step, reason: message('change.nextStepTyped') }];
}
