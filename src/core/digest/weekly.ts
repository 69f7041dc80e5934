/**
 * The manager's weekly summary: their team (Team rows whose Manager is the manager's name) — contacts
 * and overdue per person, grade and stage moves, won and lost, clients at risk — and the escalation:
 * clients overdue by more than "Escalate to manager after" days.
 */
import { type Lang, render, t } from '../i18n';
import { label, parseEnum } from '../lists';
import type { TeamMember } from '../schema';
import { type Move, type Outcomes, clientMap, contactsByPerson, movesIn, outcomesIn } from './activity';
import { type ClientFact, type DigestContext, personKey, samePerson } from './facts';
import { byName, byPriority, clientItem, moreText, stageLabel } from './items';
import type { Doc, DocBlock, DocItem } from './layout';
import type { DayRange } from '../dates';
import { weekWindow } from './period';

export interface PersonLine {
  name: string;
  attempts: number;
  reached: number;
  overdue: number;
}

export interface WeeklySummary {
  manager: TeamMember;
  window: DayRange;
  people: PersonLine[];
  overdue: number;
  escalated: ClientFact[];
  moves: Move[];
  outcomes: Outcomes;
  atRisk: ClientFact[];
}

/** The manager's team; null when nobody on the Team tab reports to them. */
export function weeklySummary(ctx: DigestContext, manager: TeamMember): WeeklySummary | null {
  const team = ctx.team.filter((m) => samePerson(m.manager, manager.name) && !samePerson(m.name, manager.name));
  if (team.length === 0) return null;
  const keys = new Set(team.map((m) => personKey(m.name)));
  const mine = ctx.facts.filter((f) => keys.has(personKey(f.owner)) || keys.has(personKey(f.responsible)));
  const window = weekWindow(ctx.input.today);
  const activity = contactsByPerson(ctx, window);
  const people = team.map((m): PersonLine => {
    const a = activity.get(personKey(m.name)) ?? { attempts: 0, reached: 0 };
    const overdue = mine.filter((f) => f.state === 'overdue' && samePerson(f.responsible, m.name)).length;
    return { name: m.name.trim(), attempts: a.attempts, reached: a.reached, overdue };
  });
  const limit = ctx.input.settings.escalateManagerDays;
  const clients = clientMap(mine);
  return {
    manager,
    window,
    people,
    overdue: mine.filter((f) => f.state === 'overdue').length,
    // What to do first, as the daily list orders it: grade and stage, then days overdue.
    escalated: mine.filter((f) => f.daysOverdue > limit).sort(byPriority),
    moves: movesIn(ctx, window, clients),
    outcomes: outcomesIn(ctx, window, clients),
    atRisk: mine.filter((f) => f.warnings.length > 0).sort(byName),
  };
}

function moveValue(move: Move, value: string, lang: Lang): string {
  if (move.change.what !== 'stageChange') return value || '—';
  const stage = parseEnum('stages', value);
  return stage === null ? value || '—' : label('stages', stage, lang);
}

export function moveItem(move: Move, lang: Lang): DocItem {
  const key = move.change.what === 'stageChange' ? 'digest.move.stage' : 'digest.move.grade';
  return {
    title: move.fact.name,
    note: t(lang, key, { old: moveValue(move, move.change.old, lang), new: moveValue(move, move.change.new, lang) }),
    link: move.fact.link,
    lines: [t(lang, 'digest.move.by', { by: move.change.by || '—', owner: move.fact.owner || '—' })],
  };
}

export function items(title: string, list: DocItem[], lang: Lang): DocBlock {
  return { kind: 'items', title, items: list, empty: t(lang, 'digest.none') };
}

export function escalatedItem(f: ClientFact, lang: Lang): DocItem {
  const key = f.daysOverdue === 1 ? 'digest.item.overdueByOne' : 'digest.item.overdueBy';
  return clientItem(f, lang, t(lang, key, { days: f.daysOverdue, who: f.responsible || '—' }));
}

export function weeklyDoc(ctx: DigestContext, s: WeeklySummary, lang: Lang): Doc {
  const name = s.manager.name.trim();
  const { from, to } = s.window;
  const limit = ctx.input.settings.escalateManagerDays;
  const blocks: DocBlock[] = [
    { kind: 'paragraph', text: t(lang, 'digest.weekly.intro', { name, from, to, overdue: s.overdue }) },
    {
      kind: 'table',
      title: t(lang, 'digest.weekly.people'),
      head: [
        t(lang, 'digest.col.person'),
        t(lang, 'digest.col.contacts'),
        t(lang, 'digest.col.reached'),
        t(lang, 'digest.col.overdue'),
      ],
      rows: s.people.map((p) => [p.name, p.attempts, p.reached, p.overdue]),
    },
    items(
      t(lang, 'digest.weekly.escalated', { days: limit, count: s.escalated.length }),
      s.escalated.map((f) => escalatedItem(f, lang)),
      lang,
    ),
    items(
      t(lang, 'digest.weekly.moves', { count: s.moves.length }),
      s.moves.map((m) => moveItem(m, lang)),
      lang,
    ),
    items(
      t(lang, 'digest.weekly.won', { count: s.outcomes.won.length }),
      s.outcomes.won.map((f) => clientItem(f, lang, f.owner)),
      lang,
    ),
    items(
      t(lang, 'digest.weekly.lost', { count: s.outcomes.lost.length }),
      s.outcomes.lost.map((f) => clientItem(f, lang, f.owner)),
      lang,
    ),
    items(
      t(lang, 'digest.weekly.atRisk', { count: s.atRisk.length }),
      s.atRisk.map((f) =>
        clientItem(
          f,
          lang,
          `${f.owner || '—'} · ${stageLabel(f, lang)}`,
          f.warnings.map((w) => render(lang, w.message)),
        ),
      ),
      lang,
    ),
  ];
  return {
    subject: t(lang, 'digest.weekly.subject', {
      app: t(lang, 'app.name'),
      name,
      from,
      to,
      count: s.escalated.length,
      days: limit,
    }),
    heading: t(lang, 'digest.weekly.heading', { name, from, to }),
    blocks,
    footer: t(lang, 'digest.footer', { link: ctx.input.links.spreadsheet }),
    more: moreText(lang),
  };
}
