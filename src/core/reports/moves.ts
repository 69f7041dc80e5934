/**
 * Grade and stage moves of each client, from the Changes tab only: every path that moves a client (the
 * sidebar, a typed or pasted Stage, Refresh catching up) writes exactly one Changes row per move, so
 * the contact log's Stage after / Grade after are not counted again. A client's first stage or grade
 * is no move (docs/rule-path.md), except that a first stage of Won or Lost still counts as won or lost.
 */
import { type DayKey, dayKey } from '../dates';
import { type Grade, type Stage, parseEnum } from '../lists';
import type { ChangeRecord } from '../schema';
import { idKey } from '../ids';

export type Move =
  | { kind: 'grade'; ms: number; day: DayKey; from: Grade | null; to: Grade }
  | { kind: 'stage'; ms: number; day: DayKey; from: Stage | null; to: Stage };

interface Event {
  kind: 'grade' | 'stage';
  ms: number;
  order: number;
  old: string | null;
  to: string;
}

function parseValue(kind: 'grade' | 'stage', value: unknown): string | null {
  return kind === 'grade' ? parseEnum('grades', value) : parseEnum('stages', value);
}

/**
 * Whether a recorded change from `old` to `to` (parsed codes, null for blank) is a move: a first
 * stage or grade is not, unless it is Won or Lost.
 */
export function countsAsMove(old: string | null, to: string | null): boolean {
  if (to === null || old === to) return false;
  return old !== null || to === 'won' || to === 'lost';
}

/** Whether a Changes row records a grade or stage move. */
export function isMoveRow(change: ChangeRecord): boolean {
  if (change.what === 'gradeChange')
    return countsAsMove(parseEnum('grades', change.old), parseEnum('grades', change.new));
  if (change.what === 'stageChange')
    return countsAsMove(parseEnum('stages', change.old), parseEnum('stages', change.new));
  return false;
}

/** Moves per client key, oldest first. */
export function clientMoves(changes: readonly (ChangeRecord | null)[], tz: string): Map<string, Move[]> {
  const events = new Map<string, Event[]>();
  changes.forEach((c, order) => {
    if (c === null || c.date === null || (c.what !== 'gradeChange' && c.what !== 'stageChange')) return;
    const kind = c.what === 'gradeChange' ? 'grade' : 'stage';
    const to = parseValue(kind, c.new);
    if (to === null) return;
    const key = idKey(c.clientId);
    const e = { kind, ms: c.date.getTime(), order, old: parseValue(kind, c.old), to } as Event;
    const list = events.get(key);
    if (list) list.push(e);
    else events.set(key, [e]);
  });
  const moves = new Map<string, Move[]>();
  for (const [key, list] of events) {
    list.sort((a, b) => a.ms - b.ms || a.order - b.order);
    const out: Move[] = [];
    for (const e of list) {
      if (!countsAsMove(e.old, e.to)) continue;
      out.push({ kind: e.kind, ms: e.ms, day: dayKey(new Date(e.ms), tz), from: e.old, to: e.to } as Move);
    }
    if (out.length > 0) moves.set(key, out);
  }
  return moves;
}
