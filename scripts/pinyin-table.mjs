// Writes src/gas/sidebar/pinyin-table.ts: what pinyin-pro answers for a client's name, as a table.
// pinyin-pro stays the source of truth, at build time; Code.js ships only its answers (about a
// third of the library's size), because Apps Script loads the whole script on every call.
//   - every CJK ideograph pinyin-pro knows (basic block and extension A), read alone;
//   - every word of pinyin-pro's dictionaries, and its reading where that is not its characters'
//     own (重庆 chongqing, 银行 yinhang): the polyphones it reads from context;
//   - the characters read otherwise after another ideograph (了: liao alone, le after).
// Run by npm run build, which it costs a second only when pinyin-pro or this script changed (the stamp
// on the table's first line).
// test/gas/sidebar/pinyin-table.test.ts compares the table's answers with pinyin-pro's.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/pinyin-pro/package.json'), 'utf8'));
// The table is made again when pinyin-pro or this script changed; otherwise the build skips the second it takes.
const stamp = `pinyin-pro ${pkg.version}, script ${createHash('sha256')
  .update(fs.readFileSync(fileURLToPath(import.meta.url)))
  .digest('hex')
  .slice(0, 12)}`;

async function make() {
  const { pinyin } = require('pinyin-pro');
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
  // The words pinyin-pro segments a name into (surnames aside: the search does not ask for them), each
  // with its reading when that is not its characters' own, and the number rules' words apart: pinyin-pro
  // weighs those less (search-pinyin.ts segments as it does). Where a word is listed twice, the
  // pattern pinyin-pro would pick: the higher priority, then the higher probability.
  const DICT_PROBABILITY = 2e-8;
  const picked = new Map();
  for (const pattern of PatternsNormal) {
    if (pattern.priority !== 1 || pattern.zh.length < 2) continue;
    const was = picked.get(pattern.zh);
    if (!was || pattern.probability > was.probability) picked.set(pattern.zh, pattern);
  }
  const words = new Map();
  const rules = new Map();
  for (const { zh, probability } of picked.values()) {
    if (![...zh].every((ch) => alone.has(ch))) continue;
    if (probability !== DICT_PROBABILITY && probability !== 1e-12) throw new Error(`${zh}: probability ${probability}`);
    const inContext = spell(zh);
    if (inContext.length !== zh.length) continue;
    const own = inContext.every((reading, i) => reading === alone.get(zh[i]));
    (probability === DICT_PROBABILITY ? words : rules).set(zh, own ? [] : inContext);
  }

  const syllables = [
    ...new Set([...alone.values(), ...after.values(), ...[...words.values(), ...rules.values()].flat()]),
  ].sort();
  if (syllables.length > DIGITS.length ** 2)
    throw new Error(`${syllables.length} syllables: more than two digits hold`);
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

  return `// Generated by scripts/pinyin-table.mjs (${stamp}) in npm run build: do not edit.
// ${alone.size} characters, ${words.size + rules.size} words, ${after.size} read otherwise after an ideograph.

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

/**
 * The words pinyin-pro segments with, '|' between: the word, then, when it is not read as its
 * characters are alone, the number of each character's syllable (重庆 chongqing, 银行 yinhang).
 */
export const WORDS =
  '${coded(words)}';

/** The words of pinyin-pro's number rules (第一, 十一), weighed less than WORDS; same form. */
export const RULES =
  '${coded(rules)}';

/** Characters read otherwise right after a known ideograph, same form as WORDS. */
export const AFTER = '${coded(after)}';
`;
}

const target = path.join(root, 'src/gas/sidebar/pinyin-table.ts');
const old = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
if (!old.startsWith(`// Generated by scripts/pinyin-table.mjs (${stamp})`)) {
  const source = await make();
  fs.writeFileSync(target, source);
  console.log(`wrote ${path.relative(root, target)} (${Buffer.byteLength(source)} bytes)`);
}
