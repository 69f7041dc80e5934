import type { MessageKey } from './en';

/**
 * One language: every word a user reads (messages and labels, under the English catalogue's keys)
 * and the few rules that go with its words. Registered in CATALOGUES (core/i18n.ts); a catalogue
 * missing a key does not compile (docs/how-to-add.md, "A language").
 */
export interface Catalogue {
  /** The spreadsheet or user locales that read this language (zh, zh_CN, zh-TW … for Chinese). */
  readonly locale: RegExp;
  /** Between the items of a list in a sentence: “、” in Chinese, “, ” in English. */
  readonly listSeparator: string;
  /** Between two sentences of one message: a space in English, nothing after a Chinese full stop. */
  readonly sentenceSeparator: string;
  /**
   * What this language calls the languages it names (the Language dropdown); a language it does
   * not name is shown by its own name for itself.
   */
  readonly languageNames: Readonly<Record<string, string>>;
  /** Other names a person may type for this language in a Language cell. */
  readonly languageAliases: readonly string[];
  readonly words: Readonly<Record<MessageKey, string>>;
}
