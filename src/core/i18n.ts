/**
 * Every word a user reads comes from one catalogue per language (core/languages/): messages and the
 * labels of tabs, columns, list items and settings. The catalogues are registered here, once; the
 * language codes are read off this registry, and every catalogue is typed by the English one's keys,
 * so a missing word does not compile (docs/how-to-add.md, "A language").
 */
import type { Catalogue } from './languages/catalogue';
import { EN, type MessageKey } from './languages/en';
import { ZH_CN } from './languages/zh-CN';
import { type Params, fillTemplate } from './template';

export type { MessageKey } from './languages/en';

const CATALOGUES = { en: EN, 'zh-CN': ZH_CN } as const satisfies Record<string, Catalogue>;

export type Lang = keyof typeof CATALOGUES;

/** A language's catalogue, as every catalogue is read (whatever its own literal types). */
export function catalogue(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}

/** Every language, in the registry's order (English first: the fallback). */
export const LANGS = Object.keys(CATALOGUES) as readonly Lang[];

/** The language everything falls back to. */
export const DEFAULT_LANG: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CATALOGUES, value);
}

/** Every language, `lang` first (where a name in the reader's language should win a tie). */
export function langsFrom(lang: Lang): Lang[] {
  return [lang, ...LANGS.filter((l) => l !== lang)];
}

export type { Params };

/** A sentence to show later, in whichever language the reader uses. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Params;
}

/** The language whose catalogue claims the locale (zh, zh_CN, zh-TW … → zh-CN); otherwise (fr, blank) English. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return LANGS.find((lang) => catalogue(lang).locale.test(locale ?? '')) ?? DEFAULT_LANG;
}

/** Items as a sentence lists them: “、” between them in Chinese, “, ” in English. */
export function joinList(items: readonly string[], lang: Lang): string {
  return items.join(catalogue(lang).listSeparator);
}

/** Sentences shown as one text: “. ” between them in English, none after a Chinese “。”. */
export function joinSentences(sentences: readonly string[], lang: Lang): string {
  return sentences.join(catalogue(lang).sentenceSeparator);
}

/** What `lang` calls the language `named` (the Language dropdown). */
export function languageName(named: Lang, lang: Lang): string {
  return catalogue(lang).languageNames[named] ?? catalogue(named).languageNames[named] ?? named;
}

/** Other names a person may type for a language. */
export function languageAliases(lang: Lang): readonly string[] {
  return catalogue(lang).languageAliases;
}

/** The sentence for key in lang, its placeholders filled from params (core/template.ts). */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  return fillTemplate(catalogue(lang).words[key], params);
}

/** A Message rendered in lang. */
export function render(lang: Lang, message: Message): string {
  return t(lang, message.key, message.params);
}

export function message(key: MessageKey, params?: Params): Message {
  return params ? { key, params } : { key };
}

/** Labels an earlier version of Client Tracker wrote, by the language it wrote them in (docs/headers.md). */
export type FormerLabels = Partial<Record<Lang, readonly string[]>>;

/** Every former label, whatever its language. */
export function formerLabels(former: FormerLabels | undefined): string[] {
  return former ? LANGS.flatMap((lang) => former[lang] ?? []) : [];
}

/** The language a former label was written in; undefined when it is not one of them. */
export function formerLang(former: FormerLabels | undefined, text: string): Lang | undefined {
  return former ? LANGS.find((lang) => (former[lang] ?? []).includes(text)) : undefined;
}

/** The language after `lang` in the registry's order, round to the first (the sidebar's language switch). */
export function nextLang(lang: Lang): Lang {
  return LANGS[(LANGS.indexOf(lang) + 1) % LANGS.length];
}
