/**
 * Report · Monthly (月工作总结和计划) for one month: per person and team the contacts, clients
 * reached, new clients, won, lost (with reasons), upgrades and downgrades, overdue at month end; and
 * the plan — next month's due follow-ups and renewals (Expiry date) per person.
 */
import { addDays, inRange } from '../dates';
import { t } from '../i18n';
import { type LostReason, codes, label } from '../lists';
import { header } from '../schema';
import { followUpState, followsCadence } from '../status';
import { type ClientView, type ReportData, momentText, personLabel, roster } from './data';
import { gradeDirection, nextOwnerOf } from './daily';
import { type Cell, type CellFormat, type ReportModel, section } from './model';
import { type MonthKey, monthRange, nextMonth } from './period';

interface PersonMonth {
  attempts: number;
  reached: number;
  clientsReached: Set<string>;
  newClients: number;
  won: number;
  lost: number;
  upgrades: number;
  downgrades: number;
  overdue: number;
  dueNext: number;
  renewalsNext: number;
}

function personMonth(): PersonMonth {
  return {
    attempts: 0,
    reached: 0,
    clientsReached: new Set(),
    newClients: 0,
    won: 0,
    lost: 0,
    upgrades: 0,
    downgrades: 0,
    overdue: 0,
    dueNext: 0,
    renewalsNext: 0,
  };
}

export function monthlyReport(data: ReportData, month: MonthKey): ReportModel {
  const { lang, now, tz } = data.input;
  const range = monthRange(month);
  const next = monthRange(nextMonth(month));
  // Overdue at the end of the month: due before the day after it — or before today, while it runs.
  const afterEnd = addDays(range.to, 1);
  const cutoff = data.today < afterEnd ? data.today : afterEnd;
  const people = new Map<string, PersonMonth>();
  const team = personMonth();
  const of = (name: string): PersonMonth => {
    let p = people.get(name);
    if (!p) people.set(name, (p = personMonth()));
    return p;
  };
  let attempts = 0;
  for (const a of data.attempts) {
    if (!inRange(a.day, range)) continue;
    attempts++;
    for (const p of [of(a.by), team]) {
      p.attempts++;
      if (a.outcome === 'reached') {
        p.reached++;
        p.clientsReached.add(a.clientKey);
      }
    }
  }
  const lost: { client: ClientView; day: string }[] = [];
  const renewals: ClientView[] = [];
  for (const client of data.clients) {
    const owner = of(client.owner);
    const both = [owner, team];
    if (inRange(client.created, range)) both.forEach((p) => p.newClients++);
    let wonDay: string | null = null;
    let lostDay: string | null = null;
    for (const move of client.moves) {
      if (!inRange(move.day, range)) continue;
      if (move.kind === 'stage' && move.to === 'won') wonDay = move.day;
      if (move.kind === 'stage' && move.to === 'lost') lostDay = move.day;
      const direction = gradeDirection(move);
      if (direction === 'up') both.forEach((p) => p.upgrades++);
      if (direction === 'down') both.forEach((p) => p.downgrades++);
    }
    if (wonDay !== null) both.forEach((p) => p.won++);
    if (lostDay !== null) {
      both.forEach((p) => p.lost++);
      lost.push({ client, day: lostDay });
    }
    if (client.status === 'lost' || client.status === 'inPool') continue;
    // Overdue and due are the lead cadence's (followUpState): a Won client's renewal is counted below.
    if (followsCadence(client.status)) {
      const nextOwner = [of(nextOwnerOf(client)), team];
      if (followUpState(client.status, client.nextFollowUp, cutoff) === 'overdue')
        nextOwner.forEach((p) => p.overdue++);
      if (inRange(client.nextFollowUp, next)) nextOwner.forEach((p) => p.dueNext++);
    }
    if (inRange(client.expiry, next)) {
      both.forEach((p) => p.renewalsNext++);
      renewals.push(client);
    }
  }
  const names = roster(data, people.keys());
  const rowsFor = (cells: (p: PersonMonth) => Cell[]): Cell[][] => [
    ...names.map((n) => [personLabel(n, lang), ...cells(people.get(n) ?? personMonth())]),
    [t(lang, 'report.team'), ...cells(team)],
  ];
  const person: [string, CellFormat] = [t(lang, 'report.col.person'), 'text'];
  const summary = section(
    t(lang, 'report.monthly.summary'),
    [
      person,
      [t(lang, 'report.col.attempts'), 'int'],
      [t(lang, 'report.col.reached'), 'int'],
      [t(lang, 'report.col.clientsReached'), 'int'],
      [t(lang, 'report.col.newClients'), 'int'],
      [label('stages', 'won', lang), 'int'],
      [label('stages', 'lost', lang), 'int'],
      [t(lang, 'report.col.upgrades'), 'int'],
      [t(lang, 'report.col.downgrades'), 'int'],
      [t(lang, 'report.col.overdueAtEnd'), 'int'],
    ],
    rowsFor((p) => [
      p.attempts,
      p.reached,
      p.clientsReached.size,
      p.newClients,
      p.won,
      p.lost,
      p.upgrades,
      p.downgrades,
      p.overdue,
    ]),
    true,
  );
  const reasons = new Map<LostReason | null, number>();
  for (const { client } of lost)
    reasons.set(client.record.lostReason, (reasons.get(client.record.lostReason) ?? 0) + 1);
  const reasonCodes: (LostReason | null)[] = [...codes('lostReasons'), ...(reasons.has(null) ? [null] : [])];
  const lostByReason = section(
    t(lang, 'report.monthly.lostByReason'),
    [
      [header('clients', 'lostReason', lang), 'text'],
      [t(lang, 'report.col.clients'), 'int'],
    ],
    [
      ...reasonCodes.map((r): Cell[] => [
        r === null ? t(lang, 'report.none') : label('lostReasons', r, lang),
        reasons.get(r) ?? 0,
      ]),
      [t(lang, 'report.team'), lost.length],
    ],
    true,
  );
  lost.sort((a, b) => a.day.localeCompare(b.day) || a.client.name.localeCompare(b.client.name));
  const lostList = section(
    t(lang, 'report.monthly.lostList'),
    [
      [header('clients', 'name', lang), 'text'],
      [header('clients', 'id', lang), 'text'],
      [header('clients', 'owner', lang), 'text'],
      [header('clients', 'lostReason', lang), 'text'],
      [t(lang, 'report.col.day'), 'date'],
    ],
    lost.map(({ client, day }) => [
      client.name,
      client.id,
      personLabel(client.owner, lang),
      client.record.lostReason === null ? '' : label('lostReasons', client.record.lostReason, lang),
      day,
    ]),
  );
  const plan = section(
    t(lang, 'report.monthly.plan', { month: nextMonth(month) }),
    [person, [t(lang, 'report.col.followUpsDue'), 'int'], [t(lang, 'report.col.renewals'), 'int']],
    rowsFor((p) => [p.dueNext, p.renewalsNext]),
    true,
  );
  renewals.sort((a, b) => (a.expiry ?? '').localeCompare(b.expiry ?? '') || a.name.localeCompare(b.name));
  const renewalList = section(
    t(lang, 'report.monthly.renewals', { month: nextMonth(month) }),
    [
      [header('clients', 'name', lang), 'text'],
      [header('clients', 'id', lang), 'text'],
      [header('clients', 'owner', lang), 'text'],
      [header('clients', 'expiryDate', lang), 'date'],
      [header('clients', 'dealValue', lang), 'money'],
    ],
    renewals.map((c) => [c.name, c.id, personLabel(c.owner, lang), c.expiry, c.record.dealValue]),
  );
  return {
    name: 'monthly',
    lang,
    title: t(lang, 'menu.report.monthly'),
    period: month,
    asOf: momentText(now, tz),
    notes: attempts === 0 ? [t(lang, 'report.noContacts')] : [],
    sections: [summary, lostByReason, lostList, plan, renewalList],
    charts: [],
  };
}
