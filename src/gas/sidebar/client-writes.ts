/**
 * Writing a few cells of one client's row, by header, each cell as it should be stored (text as
 * text, dates as dates). One setValue per changed cell: a handful, never a loop over rows, and the
 * user's own columns (formulas included) on that row are never rewritten.
 */
import type { Lang } from '../../core/i18n';
import { type ClientRecord, type ColumnDef, type ColumnKey, column, label } from '../../core/schema';
import { recordedStage, stageRecordedCell } from '../../core/stage-record';
import type { Table } from '../table';
import { toCell } from '../table';

export type ClientUpdates = Partial<Record<ColumnKey<'clients'>, unknown>>;

/** Writes the updates whose column exists on the tab; returns the keys written. */
export function writeClientCells(
  clients: Table<'clients'>,
  row: number,
  updates: ClientUpdates,
): ColumnKey<'clients'>[] {
  const written: ColumnKey<'clients'>[] = [];
  for (const key of Object.keys(updates) as ColumnKey<'clients'>[]) {
    const index = clients.headers.map[key];
    if (index === undefined) continue;
    const def: ColumnDef = column('clients', key);
    clients.sheet.getRange(row, index + 1).setValue(toCell(def, updates[key]));
    written.push(key);
  }
  return written;
}

/** Dates compare by instant, everything else by value. */
export function changed(before: ClientRecord[keyof ClientRecord], after: unknown): boolean {
  if (before instanceof Date || after instanceof Date) {
    const a = before instanceof Date ? before.getTime() : null;
    const b = after instanceof Date ? after.getTime() : null;
    return a !== b;
  }
  return (before ?? '') !== (after ?? '');
}

/** The Clients cells applying a contact may change, as they are written (labels in the workbook's language). */
export const SAVED_CELLS = [
  'lastContact',
  'nextFollowUp',
  'nextOwner',
  'nextTopic',
  'planSet',
  'stage',
  'gradeOverride',
  'grade',
  'status',
  'poolRelease',
  'segment',
  'stageRecorded',
  'stepRecorded',
  'stageSet',
] as const satisfies readonly (keyof ClientRecord)[];

/** Stage recorded as written: in the workbook's language, blank while nothing was recorded. */
function recordedCell(client: ClientRecord, lang: Lang): string {
  const stage = recordedStage(client);
  return stage === undefined ? client.stageRecorded : stageRecordedCell(stage, lang);
}

/** Cells of a client row as written, for comparing before and after. */
function asCells(client: ClientRecord, lang: Lang): Record<(typeof SAVED_CELLS)[number], unknown> {
  return {
    lastContact: client.lastContact,
    nextFollowUp: client.nextFollowUp,
    nextOwner: client.nextOwner,
    nextTopic: client.nextTopic,
    planSet: client.planSet,
    stage: client.stage === null ? '' : label('stages', client.stage, lang),
    gradeOverride: client.gradeOverride ?? '',
    grade: client.grade === null ? '' : label('grades', client.grade, lang),
    status: client.status === null ? '' : label('statuses', client.status, lang),
    poolRelease: client.poolRelease,
    segment: client.segment === null ? '' : label('segments', client.segment, lang),
    stageRecorded: recordedCell(client, lang),
    stepRecorded: client.stepRecorded,
    stageSet: client.stageSet,
  };
}

/** The cells that differ between a client row before and after applying a contact, as they are written. */
export function clientUpdates(before: ClientRecord, after: ClientRecord, lang: Lang): ClientUpdates {
  const was = asCells(before, lang);
  const now = asCells(after, lang);
  const updates: ClientUpdates = {};
  for (const key of SAVED_CELLS) {
    if (changed(was[key] as ClientRecord[keyof ClientRecord], now[key])) updates[key] = now[key];
  }
  return updates;
}
