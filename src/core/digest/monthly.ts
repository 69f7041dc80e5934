/**
 * The director's monthly report: the month's headline numbers, the B2+ clients with their next
 * steps (from B2 on the director leads, seed 000), and the escalation: clients overdue by more than
 * "Escalate to director after" days. Directors see every client.
 */
import { type Lang, t } from '../i18n';
import { isB2OrBeyond, stageRank } from '../lists';
import type { TeamMember } from '../schema';
import { clientMap, contactsByPerson, outcomesIn } from './activity';
import { type ClientFact, type DigestContext } from './facts';
import { byName, byPriority, clientItem, moreText } from './items';
import type { Doc, DocBlock } from './layout';
import { type DayRange, inRange } from '../dates';
import { monthWindow } from './period';
import { escalatedItem, items } from './weekly';

export interface Headline {
  attempts: number;
  reached: number;
  newClients: number;
  won: number;
  lost: number;
  active: number;
  overdue: number;
  b2Plus: number;
}

export interface MonthlySummary {
  director: TeamMember;
  window: DayRange;
  headline: Headline;
  b2Plus: ClientFact[];
  escalated: ClientFact[];
}

export function monthlySummary(ctx: DigestContext, director: TeamMember): MonthlySummary {
  const window = monthWindow(ctx.input.today);
  let attempts = 0;
  let reached = 0;
  for (const a of contactsByPerson(ctx, window).values()) {
    attempts += a.attempts;
    reached += a.reached;
  }
  const outcomes = outcomesIn(ctx, window, clientMap(ctx.facts));
  const b2Plus = ctx.facts
    .filter((f) => isB2OrBeyond(f.stage))
    .sort((a, b) => stageRank(b.stage ?? 'A') - stageRank(a.stage ?? 'A') || byName(a, b));
  const limit = ctx.input.settings.escalateDirectorDays;
  return {
    director,
    window,
    headline: {
      attempts,
      reached,
      newClients: ctx.facts.filter((f) => inRange(f.created, window)).length,
      won: outcomes.won.length,
      lost: outcomes.lost.length,
      active: ctx.facts.filter((f) => f.status === 'active').length,
      overdue: ctx.facts.filter((f) => f.state === 'overdue').length,
      b2Plus: b2Plus.length,
    },
    b2Plus,
    escalated: ctx.facts.filter((f) => f.daysOverdue > limit).sort(byPriority),
  };
}

function nextStep(f: ClientFact, lang: Lang): string {
  if (f.nextFollowUp === null) return t(lang, 'digest.item.noNextStep');
  return t(lang, 'digest.item.nextStep', { day: f.nextFollowUp, who: f.responsible || '—' });
}

export function monthlyDoc(ctx: DigestContext, r: MonthlySummary, lang: Lang): Doc {
  const { from, to } = r.window;
  const h = r.headline;
  const limit = ctx.input.settings.escalateDirectorDays;
  const blocks: DocBlock[] = [
    { kind: 'paragraph', text: t(lang, 'digest.monthly.intro', { name: r.director.name.trim(), from, to }) },
    {
      kind: 'table',
      title: t(lang, 'digest.monthly.headline'),
      head: [t(lang, 'digest.col.measure'), t(lang, 'digest.col.value')],
      rows: [
        [t(lang, 'digest.monthly.attempts'), h.attempts],
        [t(lang, 'digest.monthly.reached'), h.reached],
        [t(lang, 'digest.monthly.newClients'), h.newClients],
        [t(lang, 'digest.monthly.won'), h.won],
        [t(lang, 'digest.monthly.lost'), h.lost],
        [t(lang, 'digest.monthly.active'), h.active],
        [t(lang, 'digest.monthly.overdue'), h.overdue],
        [t(lang, 'digest.monthly.b2Plus'), h.b2Plus],
      ],
    },
    items(
      t(lang, 'digest.monthly.escalated', { days: limit, count: r.escalated.length }),
      r.escalated.map((f) => escalatedItem(f, lang)),
      lang,
    ),
    items(
      t(lang, 'digest.monthly.b2Section', { count: r.b2Plus.length }),
      r.b2Plus.map((f) => clientItem(f, lang, f.owner || '—', [nextStep(f, lang)])),
      lang,
    ),
  ];
  return {
    subject: t(lang, 'digest.monthly.subject', { app: t(lang, 'app.name'), from, to }),
    heading: t(lang, 'digest.monthly.heading', { from, to }),
    blocks,
    footer: t(lang, 'digest.footer', { link: ctx.input.links.spreadsheet }),
    more: moreText(lang),
  };
}
