/**
 * Text a user (or a paste) may put in a sidebar field, chosen to break a naive writer: formula
 * starters Sheets would evaluate, strings it would turn into numbers, dates or booleans, HTML,
 * emoji, right-to-left text, control characters, and very long text.
 */
const FORMULA_STARTERS = [
  '=1+1',
  '=IMPORTXML("http://evil.example/x","//a")',
  '=HYPERLINK("http://evil.example","click")',
  '=IMAGE("http://evil.example/p.png")',
  '+1',
  '+SUM(1,2)',
  '-1',
  '-SUM(1,2)',
  '@SUM(A1:A2)',
  '@me',
  '=',
  '+',
  '-',
  '@',
  '==',
  "'=1+1",
  "'",
  "''",
  "=cmd|' /C calc'!A0",
  '\t=1+1',
  ' =1+1',
  '＝1+1',
];

const PARSED_BY_SHEETS = [
  '00123',
  '0138 0013 8000',
  '1e5',
  '1E-3',
  '1,000',
  '1.000,50',
  '50%',
  '$100',
  '¥100',
  '€5',
  '(123)',
  '2026-03-01',
  '2026/3/1',
  '3/1/2026',
  '1/3/26',
  '2026年3月1日',
  '14:30',
  '9:00 AM',
  'TRUE',
  'false',
  'True',
  '#N/A',
  '#REF!',
  '0',
  '-0',
  '.5',
  '12345678901234567890',
  'Infinity',
  'NaN',
  'null',
  'undefined',
];

const MARKUP = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '</textarea><b>bold</b>',
  '&amp; &lt; &gt; &quot;',
  '<?= evil ?>',
  '<!--STYLE-->',
  "javascript:alert('x')",
  '${7*7}',
  '{{constructor.constructor("alert(1)")()}}',
  '\\u003cscript\\u003e',
  "Robert'); DROP TABLE Students;--",
];

const SCRIPTS_AND_SYMBOLS = [
  '😀',
  '👨‍👩‍👧‍👦 family',
  '🇨🇳🇺🇸',
  'e\u0301 (combining)',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202Eevil.exe\u202C',
  '\u200Bzero\u200Bwidth\u200B',
  '\uFEFFbom',
  '客户说“太贵了”，要求打九折。',
  '全角　空格',
  'Ｆｕｌｌｗｉｄｔｈ',
  '𠮷野家',
  'नमस्ते',
  'Ελληνικά',
  'ﷺ',
];

const CONTROL = [
  'line one\nline two',
  'windows\r\nline',
  'tab\tseparated',
  'bell\u0007',
  'escape\u001b[31mred',
  'vertical\u000btab',
  'form\u000cfeed',
  'nul\u0000byte',
  'del\u007f',
  '\n leading newline',
  'trailing newline\n',
  '   ',
  ' padded ',
];

const LONG = ['x'.repeat(49_999), 'y'.repeat(50_000), '长'.repeat(50_000), `${'=1+'.repeat(100)}1`];

/** At least 200 values: the families above, and each family again behind a prefix and with a suffix. */
export function hostileCorpus(): string[] {
  const base = [...FORMULA_STARTERS, ...PARSED_BY_SHEETS, ...MARKUP, ...SCRIPTS_AND_SYMBOLS, ...CONTROL];
  const variants = base.flatMap((v) => [`${v} and more`, `note: ${v}`]);
  return [...base, ...variants, ...LONG];
}

/** Over what a cell holds: refused before anything is written. */
export const TOO_LONG = 'z'.repeat(60_000);
