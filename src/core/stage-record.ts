/**
 * Stage recorded: the stage the Changes tab last recorded for a client, kept beside its Stage cell so
 * that a Stage changed without being recorded — typed in the Sheets app, where onEdit may not run,
 * pasted, set by a script — is found by whichever path sees the row next (onEdit, Refresh, a contact
 * applied) and logged as exactly one move. Nothing depends on onEdit having run (docs/rule-path.md).
 */
import { type Lang, type Message, message } from './i18n';
import { type Stage, label, parseEnum } from './lists';
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
