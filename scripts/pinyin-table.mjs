// Writes src/gas/sidebar/pinyin-table.ts: what pinyin-pro answers for a client's name, as a table.
// pinyin-pro stays the source of truth, at build time; Code.js ships only its answers (about a
// quarter of the library's size), because Apps Script loads the whole script on every call.
//   - every CJK ideograph pinyin-pro knows (basic block and extension A), read alone;
//   - every word of pinyin-pro's dictionaries whose reading in context differs from its
//     characters read alone (重庆 chongqing, 银行 yinhang): the polyphones it reads from context;
//   - the characters read otherwise after another ideograph (了: liao alone, le after).
// Run by npm run build; writes the file only when pinyin-pro's answers changed.
// test/gas/sidebar/pinyin-table.test.ts compares the table's answers with pinyin-pro's.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const { pinyin } = require('pinyin-pro');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/pinyin-pro/package.json'), 'utf8'));
// The word list pinyin-pro segments with (its dictionaries of 2–5 characters, surnames, number rules).
// Not exported by the package: read from its ESM build, and a clear error if a release moves it.
const patternsFile = path.join(root, 'node_modules/pinyin-pro/dist/esm/data/patterns.mjs');
if (!fs.existsSync(patternsFile))
  throw new Error(`pinyin-pro ${pkg.version}: no ${patternsFile} to read its words from`);
const { PatternsNormal } = await import(pathToFileURL(patternsFile).href);

const RANGES = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];
const FIRST = RANGES[0][0];
const LAST = RANGES[RANGES.length - 1][1];
/** Two characters per syllable number: 64 × 64 syllables, plain ASCII, nothing to escape. */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$';
const NONE = '  ';

const spell = (text) => pinyin(text, { toneType: 'none', type: 'array', v: true });

const alone = new Map();
for (let code = FIRST; code <= LAST; code++) {
  const ch = String.fromCharCode(code);
  const [reading] = spell(ch);
  if (reading !== undefined && reading !== ch) alone.set(ch, reading);
}
const after = new Map();
const probe = '口';
for (const [ch, reading] of alone) {
  const pair = spell(probe + ch);
  if (pair.length === 2 && pair[1] !== reading && spell(probe)[0] === pair[0]) after.set(ch, pair[1]);
}
/** What search-pinyin.ts spellRun answers with the words so far: longest word first, else alone. */
const longest = Math.max(...PatternsNormal.map(({ zh }) => zh.length));
function tableReading(run, words) {
  const out = [];
  for (let i = 0; i < run.length;) {
    let word;
    for (let length = Math.min(longest, run.length - i); length >= 2 && !word; length--) {
      word = words.get(run.slice(i, i + length));
    }
    if (word) {
      out.push(...word);
      i += word.length;
      continue;
    }
    const ch = run[i];
    out.push((i > 0 && alone.has(run[i - 1]) && after.get(ch)) || alone.get(ch) || ch);
    i++;
  }
  return out;
}
// A word goes into the table when the table would read it otherwise than pinyin-pro, at the start of
// a name or after another ideograph; until none is left (a word added can change how another reads).
const words = new Map();
const candidates = PatternsNormal.map(({ zh }) => zh).filter(
  (zh) => zh.length >= 2 && [...zh].every((ch) => alone.has(ch)) && spell(zh).length === zh.length,
);
for (let added = true; added;) {
  added = false;
  for (const zh of candidates) {
    if (words.has(zh)) continue;
    const inContext = spell(zh);
    const afterProbe = spell(probe + zh);
    const misread =
      tableReading(zh, words).join(' ') !== inContext.join(' ') ||
      (afterProbe[0] === spell(probe)[0] &&
        afterProbe.slice(1).join(' ') === inContext.join(' ') &&
        tableReading(probe + zh, words)
          .slice(1)
          .join(' ') !== inContext.join(' '));
    if (misread) {
      words.set(zh, inContext);
      added = true;
    }
  }
}

const syllables = [...new Set([...alone.values(), ...after.values(), ...[...words.values()].flat()])].sort();
if (syllables.length > DIGITS.length ** 2) throw new Error(`${syllables.length} syllables: more than two digits hold`);
const number = new Map(syllables.map((s, i) => [s, DIGITS[Math.floor(i / 64)] + DIGITS[i % 64]]));
let readings = '';
for (let code = FIRST; code <= LAST; code++) {
  const reading = alone.get(String.fromCharCode(code));
  readings += reading === undefined ? NONE : number.get(reading);
}
const coded = (map) =>
  [...map]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([zh, r]) =>
        zh +
        [r]
          .flat()
          .map((s) => number.get(s))
          .join(''),
    )
    .join('|');

const source = `// Generated by scripts/pinyin-table.mjs from pinyin-pro ${pkg.version} (npm run build): do not edit.
// ${alone.size} characters, ${words.size} words read in context, ${after.size} read otherwise after an ideograph.

/** pinyin-pro's version the table was made from. */
export const VERSION = '${pkg.version}';

/** Toneless syllables, ü as v, in order: a syllable's number is its place here. */
export const SYLLABLES =
  '${syllables.join(' ')}';

/** Code point of the first character in READINGS. */
export const FIRST = 0x${FIRST.toString(16)};

/** Two digits (DIGITS) per code point from FIRST on: the syllable number of the character alone, '  ' when unknown. */
export const READINGS =
  '${readings}';

/** The digits of a syllable number, most significant first. */
export const DIGITS = '${DIGITS}';

/** Words read in context, '|' between: the word, then the number of each character's syllable. */
export const WORDS =
  '${coded(words)}';

/** Characters read otherwise right after a known ideograph, same form as WORDS. */
export const AFTER = '${coded(after)}';
`;

const target = path.join(root, 'src/gas/sidebar/pinyin-table.ts');
const old = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
if (old !== source) {
  fs.writeFileSync(target, source);
  console.log(
    `wrote ${path.relative(root, target)}: ${alone.size} characters, ${words.size} words (${Buffer.byteLength(source)} bytes)`,
  );
}
