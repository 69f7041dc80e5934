/**
 * The hostile-input corpus, generated from categories (deterministic: no randomness, same strings on
 * every run). Each string says what the text rule (docs/text.md) must do with it — kept exactly, or
 * refused — decided here from the category, independently of src/core/text.ts.
 */
export type Verdict = 'kept' | 'refused';

export interface Hostile {
  category: Category;
  text: string;
  verdict: Verdict;
}

export const CATEGORIES = [
  'formula',
  'markup',
  'bidiZeroWidth',
  'nonCharacter',
  'control',
  'length',
  'parsedAsValue',
  'chinese',
  'emoji',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The least each category holds (the issue: a minimum per category, 400 strings in all). */
export const MINIMUM: Record<Category, number> = {
  formula: 60,
  markup: 40,
  bidiZeroWidth: 30,
  nonCharacter: 40,
  control: 30,
  length: 6,
  parsedAsValue: 60,
  chinese: 20,
  emoji: 20,
};

/** Each base string alone, and behind and before ordinary words (where naive checks look only at the start). */
function spread(bases: readonly string[]): string[] {
  return bases.flatMap((b) => [b, `${b} and more`, `note: ${b}`]);
}

const FORMULA_BASES = [
  '=1+1',
  '=IMPORTXML("http://evil.example/x","//a")',
  '=HYPERLINK("http://evil.example","click")',
  '=IMAGE("http://evil.example/p.png")',
  "=cmd|' /C calc'!A0",
  '=',
  '==',
  '+1',
  '+SUM(1,2)',
  '+86 138 0013 8000',
  '+',
  '-1',
  '-SUM(1,2)',
  '-',
  '@SUM(A1:A2)',
  '@me',
  '@',
  '\t=1+1',
  '\t+1',
  ' =1+1',
  '＝1+1',
  "'=1+1",
  "'",
  "''",
];
/** Carriage returns start formulas in CSV injection too; the rule refuses CR (docs/text.md). */
const FORMULA_CR = ['\r=1+1', '=1+1\r', '\r\n=SUM(1)', '+1\r'];

const MARKUP_BASES = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '</script>',
  '</SCRIPT >',
  '"><svg onload=alert(1)>',
  '</textarea><b>bold</b>',
  '&amp; &lt; &gt; &quot;',
  '<?= evil ?>',
  '<?!= evil ?>',
  '<!--STYLE-->',
  "javascript:alert('x')",
  '${7*7}',
  '{{constructor.constructor("alert(1)")()}}',
  '\\u003cscript\\u003e',
  "Robert'); DROP TABLE Students;--",
];

const BIDI_ZERO_WIDTH = [
  '\u202Eevil.exe\u202C',
  '\u202Dforced\u202C',
  '\u2066isolate\u2069',
  '\u2067rtl isolate\u2069',
  '\u200Bzero\u200Bwidth\u200B',
  '\u200Cnon-joiner',
  '\u200Djoiner',
  '\u2060word joiner',
  '\uFEFFbom',
  '\u00A0nbsp\u00A0',
  '\u3000全角空格',
  'مرحبا بالعالم',
  'שלום עולם',
  'e\u0301 combining',
];

/** Noncharacters and lone surrogates: refused. */
const NON_CHARACTERS = [
  '\uFFFE',
  '\uFFFF',
  'summary \uFFFF',
  '\uFFFE at start',
  '\uFDD0',
  'mid \uFDEF end',
  '\u{1FFFE}',
  '\u{10FFFF}',
  '\u{2FFFF} plane two',
  '\uD800',
  '\uDBFF alone',
  'low \uDC00',
  'reversed \uDC00\uD800 pair',
  '\uD83D truncated emoji',
];

/** C0 controls but tab and line feed, CR, DEL: refused. */
const CONTROLS = [
  'nul\u0000byte',
  '\u0000',
  'bell\u0007',
  'escape\u001b[31mred',
  'vertical\u000btab',
  'form\u000cfeed',
  'windows\r\nline',
  'old mac\rline',
  'del\u007f',
  'unit\u001fseparator',
];

/** Tab and line feed are ordinary text: kept. */
const WHITESPACE_KEPT = [
  'line one\nline two',
  'tab\tseparated',
  '\n leading newline',
  'trailing newline\n',
  ' padded ',
];

const PARSED_BASES = [
  '00123',
  '0138 0013 8000',
  '13800138000',
  '1e5',
  '1E-3',
  '1,000',
  '1.000,50',
  '50%',
  '$100',
  '¥100',
  '€5',
  '(123)',
  '0',
  '-0',
  '.5',
  '12345678901234567890',
  'Infinity',
  'NaN',
  '2026-03-01',
  '2026/3/1',
  '3/1/2026',
  '1/3/26',
  '2026年3月1日',
  '14:30',
  '9:00 AM',
  'March 1',
  'TRUE',
  'false',
  'True',
  'yes',
  '#N/A',
  '#REF!',
  '#DIV/0!',
  'null',
  'undefined',
];

const CHINESE = [
  '客户说“太贵了”，要求打九折。',
  '华为技术（深圳）有限公司',
  '张伟',
  '李娜：下周三前发报价',
  '𠮷野家',
  '全角　空格',
  'Ｆｕｌｌｗｉｄｔｈ',
  '（括号）【方括号】',
];

const EMOJI = ['😀', '👨‍👩‍👧‍👦 family', '🇨🇳🇺🇸', '👍🏽 ok', '🧧 红包', '⚠️ warning', '1️⃣ keycap'];

function lengthCases(): Hostile[] {
  const at = (n: number, ch = 'x'): string => ch.repeat(n);
  return [
    { category: 'length', text: at(32_767), verdict: 'kept' },
    { category: 'length', text: at(32_767, '长'), verdict: 'kept' },
    { category: 'length', text: `=${at(32_766)}`, verdict: 'kept' },
    { category: 'length', text: at(32_768), verdict: 'refused' },
    { category: 'length', text: at(50_000), verdict: 'refused' },
    { category: 'length', text: at(50_001), verdict: 'refused' },
    { category: 'length', text: at(50_000, '长'), verdict: 'refused' },
    // 16,384 emoji: 32,768 UTF-16 units, one over (the limit counts as Excel and Sheets do).
    { category: 'length', text: '😀'.repeat(16_384), verdict: 'refused' },
  ];
}

export function hostileCorpus(): Hostile[] {
  const of = (category: Category, verdict: Verdict, texts: readonly string[]): Hostile[] =>
    texts.map((text) => ({ category, text, verdict }));
  return [
    ...of('formula', 'kept', spread(FORMULA_BASES)),
    ...of('formula', 'refused', spread(FORMULA_CR)),
    ...of('markup', 'kept', spread(MARKUP_BASES)),
    ...of('bidiZeroWidth', 'kept', spread(BIDI_ZERO_WIDTH)),
    ...of('nonCharacter', 'refused', spread(NON_CHARACTERS)),
    ...of('control', 'refused', spread(CONTROLS)),
    ...of('control', 'kept', WHITESPACE_KEPT),
    ...lengthCases(),
    ...of('parsedAsValue', 'kept', spread(PARSED_BASES)),
    ...of('chinese', 'kept', spread(CHINESE)),
    ...of('emoji', 'kept', spread(EMOJI)),
  ];
}

/** The corpus without the very long strings: what a field that is read back in bulk is given. */
export function shortCorpus(): Hostile[] {
  return hostileCorpus().filter((h) => h.text.length < 1000);
}
