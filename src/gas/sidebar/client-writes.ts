/**
 * Writing a few cells of one client's row, by header, each cell as it should be stored (text as
 * text, dates as dates). One write per run of adjacent changed cells: a handful, never a loop over
 * rows, and the user's own columns (formulas included) on that row are never rewritten.
 */
import type { Lang } from '../../core/i18n';
import { type ClientRecord, type ColumnDef, type ColumnKey, column, label } from '../../core/schema';
import { recordedStage, stageRecordedCell } from '../../core/stage-record';
import type { Table } from '../table';
import { toCell } from '../table';

export type ClientUpdates = Partial<Record<ColumnKey<'clients'>, unknown>>;

/**
 * Writes the updates whose column exists on the tab; returns the keys written. Cells side by side on
 * the tab (Next follow-up, Next owner, Next topic as set up) go in one setValues: every call is a
 * round trip, and only the cells being updated are written, never a neighbour between them.
 */
export function writeClientCells(
  clients: Table<'clients'>,
  row: number,
  updates: ClientUpdates,
): ColumnKey<'clients'>[] {
  const cells: { index: number; key: ColumnKey<'clients'>; value: unknown }[] = [];
  for (const key of Object.keys(updates) as ColumnKey<'clients'>[]) {
    const index = clients.headers.map[key];
    if (index === undefined) continue;
    const def: ColumnDef = column('clients', key);
    cells.push({ index, key, value: toCell(def, updates[key]) });
  }
  cells.sort((a, b) => a.index - b.index);
  for (let start = 0; start < cells.length;) {
    let end = start + 1;
    while (end < cells.length && cells[end].index === cells[end - 1].index + 1) end++;
    const run = cells.slice(start, end);
    clients.sheet.getRange(row, run[0].index + 1, 1, run.length).setValues([run.map((c) => c.value)]);
    start = end;
  }
  return cells.map((c) => c.key);
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
