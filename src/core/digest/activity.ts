/**
 * What happened in a window, from the Contacts and Changes logs: contacts per person, grade and
 * stage moves, and clients won or lost (a Stage change to Won/Lost, or a contact whose Stage after
 * says so). A client counts once per window.
 */
import { isMoveRow } from '../reports/moves';
import { type DayRange, dayOf, inRange } from '../dates';
import { parseEnum } from '../lists';
import type { ChangeRecord } from '../schema';
import { type ClientFact, type DigestContext, personKey } from './facts';
import { idKey } from '../ids';

export interface PersonActivity {
  attempts: number;
  reached: number;
}

/** Contacts logged in the window, by the person who made them. */
export function contactsByPerson(ctx: DigestContext, w: DayRange): Map<string, PersonActivity> {
  const out = new Map<string, PersonActivity>();
  ctx.contacts.forEach((c) => {
    if (c === null || !inRange(dayOf(c.date, ctx.input.tz), w)) return;
    const key = personKey(c.by);
    const a = out.get(key) ?? { attempts: 0, reached: 0 };
    a.attempts++;
    if (c.outcome === 'reached') a.reached++;
    out.set(key, a);
  });
  return out;
}

export interface Move {
  fact: ClientFact;
  change: ChangeRecord;
}

/** Grade and stage changes in the window, for the given clients, oldest first. */
export function movesIn(ctx: DigestContext, w: DayRange, clients: ReadonlyMap<string, ClientFact>): Move[] {
  const moves: Move[] = [];
  for (const change of ctx.changes) {
    if (!isMoveRow(change)) continue;
    if (!inRange(dayOf(change.date, ctx.input.tz), w)) continue;
    const fact = clients.get(idKey(change.clientId));
    if (fact) moves.push({ fact, change });
  }
  return moves.sort((a, b) => (a.change.date?.getTime() ?? 0) - (b.change.date?.getTime() ?? 0));
}

export interface Outcomes {
  won: ClientFact[];
  lost: ClientFact[];
}

/** Clients whose Stage is Won/Lost now and who got there inside the window. */
export function outcomesIn(ctx: DigestContext, w: DayRange, clients: ReadonlyMap<string, ClientFact>): Outcomes {
  const moved = new Set<string>();
  for (const change of ctx.changes) {
    if (change.what !== 'stageChange' || !inRange(dayOf(change.date, ctx.input.tz), w)) continue;
    const to = parseEnum('stages', change.new);
    if (to === 'won' || to === 'lost') moved.add(`${idKey(change.clientId)}|${to}`);
  }
  const out: Outcomes = { won: [], lost: [] };
  for (const [id, fact] of clients) {
    if (fact.stage === 'won' && moved.has(`${id}|won`)) out.won.push(fact);
    if (fact.stage === 'lost' && moved.has(`${id}|lost`)) out.lost.push(fact);
  }
  return out;
}

/** Clients by canonical ID. */
export function clientMap(facts: readonly ClientFact[]): Map<string, ClientFact> {
  return new Map(facts.map((f) => [f.id.toUpperCase(), f]));
}
