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

export function clientItem(fact: ClientFact, lang: Lang, note?: string, extra: string[] = []): DocItem {
  const lines = [...extra];
  lines.push(
    fact.last
      ? t(lang, 'digest.item.last', { day: fact.last.day, by: fact.last.by || '—', summary: clip(fact.last.summary) })
      : t(lang, 'digest.item.noSummary'),
  );
  lines.push(
    fact.topic !== '' ? t(lang, 'digest.item.topic', { topic: clip(fact.topic) }) : t(lang, 'digest.item.noTopic'),
  );
  return { title: clip(fact.name, 120), note, link: fact.link, lines };
}

export function stageLabel(fact: ClientFact, lang: Lang): string {
  return fact.stage === null ? '—' : label('stages', fact.stage, lang);
}

export function byName(a: ClientFact, b: ClientFact): number {
  return a.name.localeCompare(b.name) || a.row - b.row;
}

/** "… and N more in the spreadsheet", for Doc.more. */
export function moreText(lang: Lang): (count: number) => string {
  return (count) => t(lang, 'digest.more', { count });
}
