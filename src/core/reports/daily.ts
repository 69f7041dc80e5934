/**
 * Report · Daily (日工作报表, seed 004) for one day: per person the contact attempts and reached
 * contacts made, by channel and by outcome, distinct clients reached, new clients, grade and stage
 * moves of their clients, and what is due the next day; a team total row; and a chart of attempts
 * per person over the 14 days ending that day.
 */
import { type DayKey, addDays } from '../dates';
import { type Lang, t } from '../i18n';
import { type Channel, type Outcome, codes, isDowngrade, label } from '../lists';
import { header } from '../schema';
import { followUpState } from '../status';
import { type Attempt, type ClientView, type ReportData, momentText, personLabel, roster } from './data';
import type { Move } from './moves';
import { type Cell, type CellFormat, type ReportModel, section, share } from './model';

interface PersonDay {
  attempts: number;
  reached: number;
  clientsReached: Set<string>;
  newClients: number;
  upgrades: number;
  downgrades: number;
  stageMoves: number;
  dueTomorrow: number;
  channels: Map<Channel | null, number>;
  outcomes: Map<Outcome, number>;
}

function personDay(): PersonDay {
  return {
    attempts: 0,
    reached: 0,
    clientsReached: new Set(),
    newClients: 0,
    upgrades: 0,
    downgrades: 0,
    stageMoves: 0,
    dueTomorrow: 0,
    channels: new Map(),
    outcomes: new Map(),
  };
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Who a client's next step belongs to: the Next owner, else the Owner. */
export function nextOwnerOf(client: ClientView): string {
  return client.record.nextOwner.trim() || client.owner;
}

/** A grade move with both ends known is an upgrade or a downgrade. */
export function gradeDirection(move: Move): 'up' | 'down' | null {
  if (move.kind !== 'grade' || move.from === null) return null;
  if (isDowngrade(move.from, move.to)) return 'down';
  return isDowngrade(move.to, move.from) ? 'up' : null;
}

/** One end of a move as a cell: a grade letter, or the stage's label. */
export function moveLabel(move: Move, side: 'from' | 'to', lang: Lang): string {
  if (move.kind === 'grade') return move[side] ?? '';
  const stage = move[side];
  return stage === null ? '' : label('stages', stage, lang);
}

export function dailyReport(data: ReportData, day: DayKey): ReportModel {
  const { lang, now, tz } = data.input;
  const people = new Map<string, PersonDay>();
  const team = personDay();
  const of = (name: string): PersonDay => {
    let p = people.get(name);
    if (!p) people.set(name, (p = personDay()));
    return p;
  };
  const dayAttempts = data.attempts.filter((a) => a.day === day);
  for (const a of dayAttempts) {
    for (const p of [of(a.by), team]) {
      p.attempts++;
      bump(p.channels, a.channel);
      bump(p.outcomes, a.outcome);
      if (a.outcome === 'reached') {
        p.reached++;
        p.clientsReached.add(a.clientKey);
      }
    }
  }
  const tomorrow = addDays(day, 1);
  const moves: { client: ClientView; move: Move }[] = [];
  const due: ClientView[] = [];
  for (const client of data.clients) {
    if (client.created === day) {
      of(client.owner).newClients++;
      team.newClients++;
    }
    for (const move of client.moves) {
      if (move.day !== day) continue;
      moves.push({ client, move });
      const p = of(client.owner);
      const direction = gradeDirection(move);
      for (const x of [p, team]) {
        if (move.kind === 'stage') x.stageMoves++;
        else if (direction === 'up') x.upgrades++;
        else if (direction === 'down') x.downgrades++;
      }
    }
    if (followUpState(client.status, client.nextFollowUp, tomorrow) === 'dueToday') {
      due.push(client);
      of(nextOwnerOf(client)).dueTomorrow++;
      team.dueTomorrow++;
    }
  }
  const names = roster(data, people.keys());
  const rowsFor = (cells: (p: PersonDay) => Cell[]): Cell[][] => [
    ...names.map((n) => [personLabel(n, lang), ...cells(people.get(n) ?? personDay())]),
    [t(lang, 'report.team'), ...cells(team)],
  ];
  const person: [string, CellFormat] = [t(lang, 'report.col.person'), 'text'];
  const summary = section(
    t(lang, 'report.daily.summary'),
    [
      person,
      [t(lang, 'report.col.attempts'), 'int'],
      [t(lang, 'report.col.reached'), 'int'],
      [t(lang, 'report.col.reachedShare'), 'percent'],
      [t(lang, 'report.col.clientsReached'), 'int'],
      [t(lang, 'report.col.newClients'), 'int'],
      [t(lang, 'report.col.upgrades'), 'int'],
      [t(lang, 'report.col.downgrades'), 'int'],
      [t(lang, 'report.col.stageMoves'), 'int'],
      [t(lang, 'report.col.dueTomorrow'), 'int'],
    ],
    rowsFor((p) => [
      p.attempts,
      p.reached,
      share(p.reached, p.attempts),
      p.clientsReached.size,
      p.newClients,
      p.upgrades,
      p.downgrades,
      p.stageMoves,
      p.dueTomorrow,
    ]),
    true,
  );
  const channels: (Channel | null)[] = [...codes('channels'), ...(team.channels.has(null) ? [null] : [])];
  const byChannel = section(
    t(lang, 'report.daily.byChannel'),
    [
      person,
      ...channels.map((c): [string, CellFormat] => [
        c === null ? t(lang, 'report.none') : label('channels', c, lang),
        'int',
      ]),
    ],
    rowsFor((p) => channels.map((c) => p.channels.get(c) ?? 0)),
    true,
  );
  const outcomes = codes('outcomes');
  const byOutcome = section(
    t(lang, 'report.daily.byOutcome'),
    [person, ...outcomes.map((o): [string, CellFormat] => [label('outcomes', o, lang), 'int'])],
    rowsFor((p) => outcomes.map((o) => p.outcomes.get(o) ?? 0)),
    true,
  );
  moves.sort((a, b) => a.move.ms - b.move.ms || a.client.name.localeCompare(b.client.name));
  const moveList = section(
    t(lang, 'report.daily.moves'),
    [
      [header('clients', 'name', lang), 'text'],
      [header('clients', 'id', lang), 'text'],
      [header('clients', 'owner', lang), 'text'],
      [t(lang, 'report.col.what'), 'text'],
      [t(lang, 'report.col.from'), 'text'],
      [t(lang, 'report.col.to'), 'text'],
    ],
    moves.map(({ client, move }) => [
      client.name,
      client.id,
      personLabel(client.owner, lang),
      header('clients', move.kind, lang),
      moveLabel(move, 'from', lang),
      moveLabel(move, 'to', lang),
    ]),
  );
  due.sort(
    (a, b) =>
      nextOwnerOf(a).localeCompare(nextOwnerOf(b)) || a.grade.localeCompare(b.grade) || a.name.localeCompare(b.name),
  );
  const dueList = section(
    t(lang, 'report.daily.dueList', { day: tomorrow }),
    [
      [header('clients', 'nextOwner', lang), 'text'],
      [header('clients', 'name', lang), 'text'],
      [header('clients', 'id', lang), 'text'],
      [header('clients', 'grade', lang), 'text'],
      [header('clients', 'stage', lang), 'text'],
      [header('clients', 'nextTopic', lang), 'text'],
    ],
    due.map((c) => [
      personLabel(nextOwnerOf(c), lang),
      c.name,
      c.id,
      c.grade,
      c.stage === null ? '' : label('stages', c.stage, lang),
      c.record.nextTopic,
    ]),
  );
  const trend = lastDays(data, day, lang);
  return {
    name: 'daily',
    lang,
    title: t(lang, 'menu.report.daily'),
    period: day,
    asOf: momentText(now, tz),
    notes: dayAttempts.length === 0 ? [t(lang, 'report.noContacts')] : [],
    sections: [summary, byChannel, byOutcome, moveList, dueList, trend],
    charts:
      trend.columns.length > 1
        ? [{ kind: 'line', title: trend.heading, section: 5, rows: trend.rows.length, columns: trend.columns.length }]
        : [],
  };
}

export const TREND_DAYS = 14;

/** Attempts per person per day over the 14 days ending on `day`: one column per person. */
function lastDays(data: ReportData, day: DayKey, lang: Lang): ReturnType<typeof section> {
  const first = addDays(day, -(TREND_DAYS - 1));
  const counts = new Map<string, Map<DayKey, number>>();
  const inWindow: Attempt[] = data.attempts.filter((a) => a.day >= first && a.day <= day);
  for (const a of inWindow) {
    let perDay = counts.get(a.by);
    if (!perDay) counts.set(a.by, (perDay = new Map()));
    bump(perDay, a.day);
  }
  const names = roster(data, counts.keys());
  const days = Array.from({ length: TREND_DAYS }, (_, i) => addDays(first, i));
  return section(
    t(lang, 'report.daily.trend'),
    [[t(lang, 'report.col.day'), 'date'], ...names.map((n): [string, CellFormat] => [personLabel(n, lang), 'int'])],
    days.map((d) => [d, ...names.map((n) => counts.get(n)?.get(d) ?? 0)]),
  );
}
