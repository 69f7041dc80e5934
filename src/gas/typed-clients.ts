/**
 * What the rules make of Clients rows as their cells now stand, whoever typed them: the computed cells
 * (Grade, Status, Pool release, Segment, Stage recorded, Plan recorded, Stage set, Next step set, an ID
 * for a row without one) and the Changes rows of the moves the cells hold (docs/rule-path.md: Stage
 * recorded, Plan recorded, Moves, Stage set). One function for both doors that write such cells: onEdit
 * on a typed row and an update import writing the list's values (docs/import.md). It reads and writes
 * nothing: the caller reads the rows and writes what it returns.
 */
import { startOfDay, today } from '../core/dates';
import type { Lang } from '../core/i18n';
import { type PlannedChange, type RefreshOptions, type RefreshResult, refreshClients } from '../core/refresh';
import { type ClientRecord, type ColumnKey, label } from '../core/schema';
import type { Settings } from '../core/settings';
import { sameCell } from './cells';

export interface TypedRows {
  /** the columns whose cells change, each with every row's cell (a row left as it is keeps its own) */
  planned: Map<ColumnKey<'clients'>, unknown[]>;
  /** the moves the rows hold, to append to Changes */
  changes: PlannedChange[];
  result: RefreshResult;
}

/**
 * The rules run on `records` (read from `rows`, the cells as the tab holds them, under `map`), as
 * Refresh runs them without the contact log: the cells they change and the Changes rows of the moves.
 */
export function recomputeTypedRows(
  rows: readonly unknown[][],
  records: readonly (ClientRecord | null)[],
  map: Partial<Record<ColumnKey<'clients'>, number>>,
  settings: Settings,
  ctx: { tz: string; lang: Lang; now: Date },
  options: Pick<RefreshOptions, 'takenIds' | 'clientIds'> = {},
): TypedRows {
  const { tz, lang, now } = ctx;
  const result = refreshClients(records, [], settings, today(now, tz), tz, { now, lang, ...options });
  const planned = new Map<ColumnKey<'clients'>, unknown[]>();
  const plan = (key: ColumnKey<'clients'>, next: (i: number, raw: unknown) => unknown): void => {
    const col = map[key];
    if (col === undefined) return;
    const cells = rows.map((row, i) =>
      records[i] === null || result.clients[i] === null ? row[col] : next(i, row[col]),
    );
    if (cells.some((v, i) => !sameCell(rows[i][col], v))) planned.set(key, cells);
  };
  plan('id', (i, raw) => (records[i]!.id === '' ? result.clients[i]!.id : raw));
  plan('grade', (i) => label('grades', result.clients[i]!.grade, lang));
  plan('status', (i) => label('statuses', result.clients[i]!.status, lang));
  plan('poolRelease', (i) => {
    const day = result.clients[i]!.poolRelease;
    return day === null ? '' : startOfDay(day, tz);
  });
  // Segments need the contact log: Refresh computes them; a client no longer Won has none.
  plan('segment', (i, raw) => (records[i]!.stage === 'won' ? raw : ''));
  // A Stage typed or pasted is a move the rules log on Changes (result.changes), as Refresh would.
  plan('stageRecorded', (i) => result.clients[i]!.stageRecorded);
  // A plan typed into Next follow-up / Next topic is logged on Changes and counts as set now.
  plan('stepRecorded', (i) => result.clients[i]!.stepRecorded);
  plan('stageSet', (i, raw) => {
    const ms = result.clients[i]!.stageSetMs;
    return ms === null ? raw : new Date(ms);
  });
  plan('planSet', (i, raw) => {
    const step = result.caughtUp[i];
    return step === null || step.planSetMs === null ? raw : new Date(step.planSetMs);
  });
  return { planned, changes: result.changes, result };
}
