/**
 * Grade and stage moves of each client, from the Changes tab (grade and stage changes, with their
 * old value) and from the Contacts tab (Stage after / Grade after), in time order. A value equal to
 * the one already in force is no move, so a move logged in both places counts once.
 */
import { type DayKey, dayKey } from '../dates';
import { type Grade, type Stage, parseEnum } from '../lists';
import type { ChangeRecord, ContactRecord } from '../schema';
import { idKey } from '../ids';

export type Move =
  | { kind: 'grade'; ms: number; day: DayKey; from: Grade | null; to: Grade }
  | { kind: 'stage'; ms: number; day: DayKey; from: Stage | null; to: Stage };

interface Event {
  kind: 'grade' | 'stage';
  ms: number;
  order: number;
  /** The old value a Changes row states; contacts state none. */
  old: string | null;
  to: string;
}

function parseValue(kind: 'grade' | 'stage', value: unknown): string | null {
  return kind === 'grade' ? parseEnum('grades', value) : parseEnum('stages', value);
}

/** Moves per client key, oldest first. */
export function clientMoves(
  contacts: readonly (ContactRecord | null)[],
  changes: readonly (ChangeRecord | null)[],
  tz: string,
): Map<string, Move[]> {
  const events = new Map<string, Event[]>();
  const add = (id: string, e: Event): void => {
    const key = idKey(id);
    const list = events.get(key);
    if (list) list.push(e);
    else events.set(key, [e]);
  };
  changes.forEach((c, order) => {
    if (c === null || c.date === null || (c.what !== 'gradeChange' && c.what !== 'stageChange')) return;
    const kind = c.what === 'gradeChange' ? 'grade' : 'stage';
    const to = parseValue(kind, c.new);
    if (to !== null) add(c.clientId, { kind, ms: c.date.getTime(), order, old: parseValue(kind, c.old), to });
  });
  const offset = changes.length;
  contacts.forEach((c, row) => {
    if (c === null || c.date === null) return;
    const ms = c.date.getTime();
    if (c.stageAfter !== null) add(c.clientId, { kind: 'stage', ms, order: offset + row, old: null, to: c.stageAfter });
    if (c.gradeAfter !== null) add(c.clientId, { kind: 'grade', ms, order: offset + row, old: null, to: c.gradeAfter });
  });
  const moves = new Map<string, Move[]>();
  for (const [key, list] of events) {
    list.sort((a, b) => a.ms - b.ms || a.order - b.order);
    const current: Record<'grade' | 'stage', string | null> = { grade: null, stage: null };
    const out: Move[] = [];
    for (const e of list) {
      const now = current[e.kind];
      current[e.kind] = e.to;
      if (now !== null && e.to === now) continue;
      const from = e.old ?? now;
      if (from === e.to) continue;
      out.push({ kind: e.kind, ms: e.ms, day: dayKey(new Date(e.ms), tz), from, to: e.to } as Move);
    }
    if (out.length > 0) moves.set(key, out);
  }
  return moves;
}
