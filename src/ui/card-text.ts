/**
 * The words of the client card, as plain strings in the sidebar's language (the DOM code only puts
 * them in with textContent). Codes from the server are labelled here, so switching language needs
 * no server call.
 */
import { daysBetween } from '../core/dates';
import { type Lang, type Message, render, t } from '../core/i18n';
import { type ListCode, type ListName, label } from '../core/lists';
import type { ClientCard, ContactEntry } from '../contract/types';

export function labelOf<L extends ListName>(list: L, code: ListCode<L> | null, lang: Lang): string {
  return code === null ? '' : label(list, code, lang);
}

/** A message from the server or a sentence already rendered (a thrown error's text). */
export function say(lang: Lang, message: Message | string): string {
  return typeof message === 'string' ? message : render(lang, message);
}

export function timeOf(entry: ContactEntry, timeZone: string): string {
  if (entry.date === null) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(entry.date));
  return `${entry.day ?? ''} ${parts}`.trim();
}

/** One history entry as lines: heading, then only what was recorded. */
export function historyLines(entry: ContactEntry, lang: Lang, timeZone: string): { heading: string; lines: string[] } {
  const head = [
    timeOf(entry, timeZone),
    entry.by,
    labelOf('channels', entry.channel, lang),
    labelOf('outcomes', entry.outcome, lang),
  ]
    .filter((x) => x !== '')
    .join(' · ');
  const lines: string[] = [];
  const facts = [
    labelOf('results', entry.result, lang),
    labelOf('attitudes', entry.attitude, lang),
    labelOf('reasons', entry.reason, lang),
  ].filter((x) => x !== '');
  if (facts.length > 0) lines.push(facts.join(' · '));
  if (entry.summary.trim() !== '') lines.push(entry.summary);
  if (entry.objections.trim() !== '') lines.push(t(lang, 'sidebar.history.objections', { text: entry.objections }));
  if (entry.nextFollowUp !== null || entry.nextTopic.trim() !== '') {
    const next = [entry.nextFollowUp ?? '', entry.nextOwner, entry.nextTopic].filter((x) => x.trim() !== '');
    lines.push(t(lang, 'sidebar.history.next', { text: next.join(' · ') }));
  }
  if (entry.stageAfter !== null)
    lines.push(`${labelOf('stages', entry.stageAfter, lang)}${entry.gradeAfter ? ` · ${entry.gradeAfter}` : ''}`);
  return { heading: head, lines };
}

export function gradeLine(card: ClientCard, lang: Lang): string {
  const grade = t(lang, 'sidebar.card.grade', { grade: card.grade });
  return card.gradeOverridden ? `${grade} (${t(lang, 'sidebar.card.overridden')})` : grade;
}

export function nextLine(card: ClientCard, lang: Lang): string {
  const f = card.fields;
  if (f.nextFollowUp === null) return t(lang, 'sidebar.card.noNext');
  return t(lang, 'sidebar.card.next', { date: f.nextFollowUp, owner: f.nextOwner || '—', topic: f.nextTopic || '—' });
}

export function stateLabel(card: ClientCard, lang: Lang): string {
  return card.state === 'none' ? t(lang, 'state.none') : t(lang, `state.${card.state}`);
}

/** The follow-up state in words, with its day: "Overdue by 3 days", "Due today", "Next follow-up 2026-12-09". */
export function stateText(card: ClientCard, lang: Lang, today: string): string {
  const next = card.fields.nextFollowUp;
  if (card.state === 'overdue' && next !== null)
    return t(lang, 'sidebar.context.overdue', { days: daysBetween(next, today) });
  if (card.state === 'upcoming' && next !== null) return t(lang, 'sidebar.context.upcoming', { date: next });
  return stateLabel(card, lang);
}

/**
 * What the Log contact form shows of the chosen client, as the card does: its state, grade and
 * stage, what was said last time and the topic planned for this contact.
 */
export function contextLines(card: ClientCard, lang: Lang, today: string): { state: string; lines: string[] } {
  const state = [stateText(card, lang, today), gradeLine(card, lang), labelOf('stages', card.fields.stage, lang)]
    .filter((x) => x !== '')
    .join(' · ');
  const lines: string[] = [];
  const last = card.history.find((h) => h.summary.trim() !== '');
  if (last) lines.push(t(lang, 'sidebar.context.last', { summary: `${last.day ?? ''} ${last.summary}`.trim() }));
  if (card.fields.nextTopic.trim() !== '')
    lines.push(t(lang, 'sidebar.context.planned', { topic: card.fields.nextTopic }));
  return { state, lines };
}
