/** One client as a line of an email: name and link, then its last contact and the planned topic. */
import { type Lang, t } from '../i18n';
import { label } from '../lists';
import { clipText } from '../text';
import type { ClientFact } from './facts';
import type { DocItem } from './layout';

/** Longest text taken from a cell into an email line: a note is a reminder, not the whole log. */
const MAX_TEXT = 280;

export function clip(text: string, max = MAX_TEXT): string {
  return clipText(text, max);
}

/**
 * A client as a line to act on: name (linking to its row) and phone (tap to call), grade, stage and
 * contact person, then the last summary and the planned topic when there are any — no filler lines.
 */
export function clientItem(fact: ClientFact, lang: Lang, note?: string, extra: string[] = []): DocItem {
  const lines = [profile(fact, lang), ...extra];
  if (fact.last)
    lines.push(
      t(lang, 'digest.item.last', { day: fact.last.day, by: fact.last.by || '—', summary: clip(fact.last.summary) }),
    );
  if (fact.topic !== '') lines.push(t(lang, 'digest.item.topic', { topic: clip(fact.topic) }));
  const phone = fact.phone === '' ? {} : { phone: clip(fact.phone, 40) };
  return { title: clip(fact.name, 120), note, link: fact.link, ...phone, lines };
}

/** "Grade A · B2 · Proposal & site visit · Contact: Mr Wang" */
function profile(fact: ClientFact, lang: Lang): string {
  const parts = [t(lang, 'digest.item.grade', { grade: fact.grade })];
  if (fact.stage !== null) parts.push(stageLabel(fact, lang));
  if (fact.contact !== '') parts.push(t(lang, 'digest.item.contact', { name: clip(fact.contact, 60) }));
  return parts.join(' · ');
}

const GRADE_RANK = { A: 0, B: 1, C: 2, D: 3 } as const;
const STAGE_RANK: Record<string, number> = { B3: 0, B2: 1, B1: 2, A2: 3, A: 4 };

/**
 * What to do first: the hottest clients by grade (A first), then the furthest along the pipeline
 * (B3 negotiation before a first call), then the longest overdue, then by name.
 */
export function byPriority(a: ClientFact, b: ClientFact): number {
  return (
    GRADE_RANK[a.grade] - GRADE_RANK[b.grade] ||
    (STAGE_RANK[a.stage ?? ''] ?? 9) - (STAGE_RANK[b.stage ?? ''] ?? 9) ||
    b.daysOverdue - a.daysOverdue ||
    byName(a, b)
  );
}

/** "{n} days overdue", "1 day overdue": the plural the language needs. */
export function overdueText(days: number, day: string, lang: Lang): string {
  return t(lang, days === 1 ? 'digest.item.overdueOne' : 'digest.item.overdue', { days, day });
}

export function stageLabel(fact: ClientFact, lang: Lang): string {
  return fact.stage === null ? '—' : label('stages', fact.stage, lang);
}

export function byName(a: ClientFact, b: ClientFact): number {
  return a.name.localeCompare(b.name) || a.order - b.order;
}

/** "… and N more in the spreadsheet", for Doc.more. */
export function moreText(lang: Lang): (count: number) => string {
  return (count) => t(lang, 'digest.more', { count });
}
