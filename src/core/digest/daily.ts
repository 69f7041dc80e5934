/**
 * The personal daily list (seed 000: the person named must be reminded the same day): overdue, due
 * today, unplanned, pool releases coming, and next steps others gave them — each client once in the
 * first section it belongs to, except the pool countdown, which is a different reminder.
 */
import { type Lang, t } from '../i18n';
import type { TeamMember } from '../schema';
import { type ClientFact, type DigestContext, samePerson } from './facts';
import { byName, byPriority, clientItem, moreText, overdueText } from './items';
import type { Doc, DocBlock, DocItem } from './layout';

export interface DailyList {
  member: TeamMember;
  overdue: ClientFact[];
  dueToday: ClientFact[];
  unplanned: ClientFact[];
  poolSoon: ClientFact[];
  assigned: ClientFact[];
}

export function dailyList(ctx: DigestContext, member: TeamMember): DailyList {
  const list: DailyList = { member, overdue: [], dueToday: [], unplanned: [], poolSoon: [], assigned: [] };
  for (const fact of ctx.facts) {
    if (samePerson(fact.owner, member.name) && fact.poolDaysLeft !== null) list.poolSoon.push(fact);
    if (!samePerson(fact.responsible, member.name)) continue;
    if (fact.state === 'overdue') list.overdue.push(fact);
    else if (fact.state === 'dueToday') list.dueToday.push(fact);
    else if (fact.state === 'unplanned') list.unplanned.push(fact);
    else if (fact.state === 'upcoming' && fact.assignedBy !== null) list.assigned.push(fact);
  }
  list.overdue.sort(byPriority);
  list.dueToday.sort(byPriority);
  list.unplanned.sort(byName);
  list.poolSoon.sort((a, b) => (a.poolDaysLeft ?? 0) - (b.poolDaysLeft ?? 0) || byName(a, b));
  list.assigned.sort((a, b) => (a.nextFollowUp ?? '').localeCompare(b.nextFollowUp ?? '') || byName(a, b));
  return list;
}

export function dailyCount(list: DailyList): number {
  return (
    list.overdue.length + list.dueToday.length + list.unplanned.length + list.poolSoon.length + list.assigned.length
  );
}

function assignedNote(fact: ClientFact, lang: Lang): string[] {
  return fact.assignedBy === null ? [] : [t(lang, 'digest.item.assignedBy', { by: fact.assignedBy })];
}

function section(title: string, facts: ClientFact[], toItem: (f: ClientFact) => DocItem): DocBlock[] {
  return facts.length === 0 ? [] : [{ kind: 'items', title, items: facts.map(toItem) }];
}

/** How many clients the email opens with, as the ones to call first. */
export const START_WITH = 3;

/** The greeting for the hour the run sends at. */
function greeting(hour: number | undefined, lang: Lang): string {
  const h = hour ?? 8;
  return t(lang, h < 12 ? 'digest.greeting.morning' : h < 18 ? 'digest.greeting.afternoon' : 'digest.greeting.evening');
}

/** Why a client is among the first to call: how overdue, or due today. */
function urgency(f: ClientFact, lang: Lang): string {
  return f.state === 'overdue'
    ? overdueText(f.daysOverdue, f.nextFollowUp ?? '', lang)
    : t(lang, 'digest.item.dueToday');
}

export function dailyDoc(ctx: DigestContext, list: DailyList, lang: Lang): Doc {
  const { today } = ctx.input;
  const name = list.member.name.trim();
  const first = [...list.overdue, ...list.dueToday].sort(byPriority).slice(0, START_WITH);
  const start: DocBlock[] =
    first.length === 0
      ? []
      : [
          {
            kind: 'items',
            title:
              first.length === 1
                ? t(lang, 'digest.daily.startOne')
                : t(lang, 'digest.daily.start', { count: first.length }),
            items: first.map((f) => ({ ...clientItem(f, lang, urgency(f, lang)), lines: [] })),
          },
        ];
  const blocks: DocBlock[] = [
    {
      kind: 'paragraph',
      text: t(lang, 'digest.daily.intro', { name, day: today, greeting: greeting(ctx.input.hour, lang) }),
    },
    ...start,
    ...section(t(lang, 'digest.daily.overdue', { count: list.overdue.length }), list.overdue, (f) =>
      clientItem(f, lang, overdueText(f.daysOverdue, f.nextFollowUp ?? '', lang), assignedNote(f, lang)),
    ),
    ...section(t(lang, 'digest.daily.dueToday', { count: list.dueToday.length }), list.dueToday, (f) =>
      clientItem(f, lang, undefined, assignedNote(f, lang)),
    ),
    ...section(t(lang, 'digest.daily.assigned', { count: list.assigned.length }), list.assigned, (f) =>
      clientItem(f, lang, t(lang, 'digest.item.on', { day: f.nextFollowUp ?? '' }), assignedNote(f, lang)),
    ),
    ...section(t(lang, 'digest.daily.poolSoon', { count: list.poolSoon.length }), list.poolSoon, (f) =>
      clientItem(
        f,
        lang,
        t(lang, f.poolDaysLeft === 1 ? 'digest.item.poolOnOne' : 'digest.item.poolOn', {
          day: f.poolRelease ?? '',
          days: f.poolDaysLeft ?? 0,
        }),
      ),
    ),
    ...section(t(lang, 'digest.daily.unplanned', { count: list.unplanned.length }), list.unplanned, (f) =>
      clientItem(f, lang),
    ),
  ];
  return {
    subject: t(lang, 'digest.daily.subject', {
      app: t(lang, 'app.name'),
      name,
      overdue: list.overdue.length,
      due: list.dueToday.length,
      day: today,
    }),
    heading: t(lang, 'digest.daily.heading', { day: today }),
    blocks,
    footer: t(lang, 'digest.footer', { link: ctx.input.links.spreadsheet }),
    more: moreText(lang),
  };
}
