/**
 * The one rule for text a person gives the add-on (docs/text.md): it is stored exactly as typed, or
 * refused with one sentence before anything is saved. Refused: text longer than Excel's cell limit
 * (32,767 characters, so a workbook moved to Excel never breaks), and characters no workbook file
 * can carry or no person types on purpose — C0 controls but tab and line feed (carriage return
 * included), DEL, lone surrogates and Unicode noncharacters. Everything else (emoji, Chinese, bidi
 * marks, zero-width characters, "=…" formula starts) is kept as it is; writers make it inert.
 */
import { type Message, message } from './i18n';

/** Excel's limit on the characters (UTF-16 code units) in one cell; Sheets allows 50,000. */
export const MAX_TEXT_CHARS = 32_767;

/**
 * One refused character: C0 controls except tab (U+0009) and line feed (U+000A); DEL (U+007F);
 * a surrogate without its pair (the `u` flag matches only unpaired ones); the 66 noncharacters
 * U+FDD0–U+FDEF and U+nFFFE / U+nFFFF of every plane.
 */
const REFUSED =
  /[\u0000-\u0008\u000B-\u001F\u007F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/u;

/** The code units of REFUSED's characters: a quick test that lets most text skip it. */
const MAYBE = /[\u0000-\u0008\u000B-\u001F\u007F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

export type TextFault =
  | { kind: 'notText' }
  | { kind: 'tooLong'; length: number }
  | { kind: 'character'; codePoint: number; position: number };

/** U+0000 style name of a code point. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is wrong with a text under the rule, or null when it may be stored as it is. */
export function textFault(text: string): TextFault | null {
  // Every refused character has a code unit in MAYBE (an astral noncharacter is a surrogate pair), and
  // most text has none: the full pattern, slower, only runs on text that has one (emoji, say).
  const m = MAYBE.test(text) ? REFUSED.exec(text) : null;
  if (m) return { kind: 'character', codePoint: m[0].codePointAt(0) ?? 0, position: m.index + 1 };
  if (text.length > MAX_TEXT_CHARS) return { kind: 'tooLong', length: text.length };
  return null;
}

export type TextCheck = { ok: true; text: string } | { ok: false; fault: TextFault };

/**
 * A value sent as text (a form field, a cell's value): a string, or a finite number (as its decimal
 * string); null and undefined are ''. Anything else — an object, an array, a boolean — is refused,
 * never turned into "[object Object]".
 */
export function checkText(value: unknown): TextCheck {
  if (value === null || value === undefined) return { ok: true, text: '' };
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && isFinite(value)) text = String(value);
  else return { ok: false, fault: { kind: 'notText' } };
  const fault = textFault(text);
  return fault === null ? { ok: true, text } : { ok: false, fault };
}

/** The sentence for a fault in a field (or a cell, named the same way). */
export function textFaultMessage(field: string, fault: TextFault): Message {
  switch (fault.kind) {
    case 'notText':
      return message('text.notText', { field });
    case 'tooLong':
      return message('text.tooLong', { field, length: fault.length, max: MAX_TEXT_CHARS });
    case 'character':
      return message('text.badCharacter', {
        field,
        char: codePointName(fault.codePoint),
        position: fault.position,
      });
  }
}

/** Whether a stored cell breaks the rule (a string with a fault); other values are not text. */
export function cellTextFault(value: unknown): TextFault | null {
  return typeof value === 'string' ? textFault(value) : null;
}

/** At most `max` characters, ending in "…" when cut; never half of an emoji's surrogate pair. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Bytes of a string in UTF-8: what MailApp's body limit and CacheService's value limit count. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
