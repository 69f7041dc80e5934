/**
 * Report · Overdue: every overdue client and every unplanned active client, by the person who owns
 * the next step (Next owner, else Owner), worst first — most days overdue, then the better grade —
 * with the last reached contact's summary so the caller knows where things stood.
 */
import { daysBetween } from '../dates';
import { t } from '../i18n';
import { label } from '../lists';
import { header } from '../schema';
import { daysOverdue, followUpState } from '../status';
import { type ClientView, type ReportData, momentText, personLabel, roster } from './data';
import { nextOwnerOf } from './daily';
import { type Cell, type ReportModel, byCode, section } from './model';

interface Late {
  client: ClientView;
  owner: string;
  state: 'overdue' | 'unplanned';
  days: number;
}

/** The summary of the latest reached attempt, '' when never reached. */
export function lastReachedSummary(client: ClientView): string {
  for (let i = client.attempts.length - 1; i >= 0; i--) {
    if (client.attempts[i].outcome === 'reached') return client.attempts[i].summary;
  }
  return '';
}

function worstFirst(a: Late, b: Late): number {
  if (a.state !== b.state) return a.state === 'overdue' ? -1 : 1;
  return b.days - a.days || byCode(a.client.grade, b.client.grade) || a.client.name.localeCompare(b.client.name);
}

export function overdueReport(data: ReportData): ReportModel {
  const { lang, now, tz, settings } = data.input;
  const today = data.today;
  const late: Late[] = [];
  for (const client of data.clients) {
    const state = followUpState(client.status, client.nextFollowUp, today);
    if (state === 'overdue') {
      late.push({
        client,
        owner: nextOwnerOf(client),
        state,
        days: daysOverdue(client.status, client.nextFollowUp, today),
      });
    } else if (state === 'unplanned') {
      // Unplanned clients have no due date: the days since the last reached contact tell how stale.
      const since = client.lastContact ?? client.created;
      late.push({ client, owner: nextOwnerOf(client), state, days: since === null ? 0 : daysBetween(since, today) });
    }
  }
  late.sort(worstFirst);
  const managerDays = settings.escalateManagerDays;
  const directorDays = settings.escalateDirectorDays;
  interface Count {
    overdue: number;
    unplanned: number;
    worst: number;
    overManager: number;
    overDirector: number;
  }
  const blank = (): Count => ({ overdue: 0, unplanned: 0, worst: 0, overManager: 0, overDirector: 0 });
  const people = new Map<string, Count>();
  const team = blank();
  for (const l of late) {
    let p = people.get(l.owner);
    if (!p) people.set(l.owner, (p = blank()));
    for (const c of [p, team]) {
      if (l.state === 'unplanned') {
        c.unplanned++;
        continue;
      }
      c.overdue++;
      c.worst = Math.max(c.worst, l.days);
      if (l.days > managerDays) c.overManager++;
      if (l.days > directorDays) c.overDirector++;
    }
  }
  const cells = (c: Count): Cell[] => [
    c.overdue,
    c.unplanned,
    c.overdue > 0 ? c.worst : null,
    c.overManager,
    c.overDirector,
  ];
  const byPerson = section(
    t(lang, 'report.overdue.byPerson'),
    [
      [header('clients', 'nextOwner', lang), 'text'],
      [t(lang, 'state.overdue'), 'int'],
      [t(lang, 'state.unplanned'), 'int'],
      [t(lang, 'report.col.worstDays'), 'int'],
      [t(lang, 'report.col.overdueOver', { days: managerDays }), 'int'],
      [t(lang, 'report.col.overdueOver', { days: directorDays }), 'int'],
    ],
    [
      ...roster(data, people.keys(), false).map((n) => [personLabel(n, lang), ...cells(people.get(n) ?? blank())]),
      [t(lang, 'report.team'), ...cells(team)],
    ],
    true,
  );
  const list = section(
    t(lang, 'report.overdue.list'),
    [
      [header('clients', 'nextOwner', lang), 'text'],
      [header('clients', 'name', lang), 'text'],
      [header('clients', 'id', lang), 'text'],
      [t(lang, 'report.col.state'), 'text'],
      [t(lang, 'report.col.daysOverdue'), 'int'],
      [header('clients', 'nextFollowUp', lang), 'date'],
      [header('clients', 'grade', lang), 'text'],
      [header('clients', 'stage', lang), 'text'],
      [header('clients', 'nextTopic', lang), 'text'],
      [header('clients', 'lastContact', lang), 'date'],
      [t(lang, 'report.col.lastSummary'), 'text'],
    ],
    late.map(({ client, owner, state, days }) => [
      personLabel(owner, lang),
      client.name,
      client.id,
      t(lang, state === 'overdue' ? 'state.overdue' : 'state.unplanned'),
      state === 'overdue' ? days : null,
      client.nextFollowUp,
      client.grade,
      client.stage === null ? '' : label('stages', client.stage, lang),
      client.record.nextTopic,
      client.lastContact,
      lastReachedSummary(client),
    ]),
  );
  return {
    name: 'overdue',
    lang,
    title: t(lang, 'menu.report.overdue'),
    period: today,
    asOf: momentText(now, tz),
    notes: late.length === 0 ? [t(lang, 'report.nothingOverdue')] : [],
    sections: [byPerson, list],
    charts: [],
  };
}
