/**
 * Search spells Chinese names from a table (src/gas/sidebar/pinyin-table.ts) that
 * scripts/pinyin-table.mjs makes from pinyin-pro at build time, so that Code.js does not carry the
 * library. Two paths to one answer: the table as search reads it, and pinyin-pro itself.
 */
import { pinyin } from 'pinyin-pro';
import { spellRun } from '../../../src/gas/sidebar/search-pinyin';
import { AFTER, FIRST, READINGS, RULES, VERSION, WORDS } from '../../../src/gas/sidebar/pinyin-table';
import { ZH } from '../../../src/local/demo/people';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const installed = (require('pinyin-pro/package.json') as { version: string }).version;

const library = (run: string): string[] => pinyin(run, { toneType: 'none', type: 'array', v: true });

/** Where the table and the library differ, as "text: table / library", so a failure names them. */
function differences(texts: Iterable<string>, read = (text: string): string[] => spellRun(text)): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const [table, lib] = [read(text).join(' '), library(text).join(' ')];
    if (table !== lib) out.push(`${text}: ${table} / ${lib}`);
  }
  return out;
}

const HAN_RANGES = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];

function* ideographs(): Generator<string> {
  for (const [first, last] of HAN_RANGES) for (let c = first; c <= last; c++) yield String.fromCharCode(c);
}

/** The words of the table (WORDS, RULES: the word's ideographs, then any syllable digits). */
const tableWords = `${WORDS}|${RULES}`.split('|').map((entry) => /^[^\x00-\x7f]+/.exec(entry)?.[0] ?? '');

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

test('the table was made from the pinyin-pro installed (npm run build makes it again)', () => {
  expect(VERSION).toBe(installed);
});

test('every character read alone reads as pinyin-pro reads it, and the table knows every one it knows', () => {
  const known = [...ideographs()].filter((ch) => library(ch)[0] !== ch);
  expect(known.length).toBeGreaterThan(20000);
  const inTable = [...ideographs()].filter((ch) => READINGS.charAt((ch.charCodeAt(0) - FIRST) * 2) !== ' ');
  expect(inTable).toEqual(known);
  expect(differences(known)).toEqual([]);
});

test('every word of the table reads as pinyin-pro reads it: 重庆 chongqing, 银行 yinhang, 了 after a character', () => {
  expect(tableWords.length).toBeGreaterThan(4000);
  expect(tableWords).toEqual(expect.arrayContaining(['重庆', '银行']));
  expect(AFTER).toContain('了');
  expect(differences(tableWords)).toEqual([]);
  // After another character ('口' reads kou everywhere), as inside a longer name.
  expect(differences(tableWords.map((w) => `口${w}`).filter((t) => library(t)[0] === 'kou'))).toEqual([]);
});

test('client names as teams write them read as pinyin-pro reads them', () => {
  const cities = ['重庆', '长沙', '厦门', '蚌埠', '朝阳', '长春', '六安', '番禺', '行唐', '单县', '洞庭湖', '乐山'];
  const names = [
    ...cities.flatMap((city) => ZH.companyStems.flatMap((stem) => ZH.companyKinds.map((kind) => city + stem + kind))),
    ...ZH.surnames.flatMap((surname) => ZH.given.map((given) => surname + given)),
    ...ZH.estates,
    ...ZH.workUnits,
    ...cities.map((city) => `${city}银行行长办公室`),
    '中国银行重庆分行',
    '重要客户服务中心',
    '了不起文化传媒',
  ];
  expect(names.length).toBeGreaterThan(1000);
  expect(differences(names)).toEqual([]);
});

test('where two words overlap, the name splits where pinyin-pro splits it: 统一|行政, not 统|一行|政', () => {
  expect(spellRun('统一行政服务中心').join(' ')).toBe('tong yi xing zheng fu wu zhong xin');
  expect(spellRun('一行人').join(' ')).toBe('yi xing ren');
  const next = random(12);
  const suffixes = ['有限公司', '学校', '银行', '行政服务中心', '重工', '大厦'];
  const names = Array.from(
    { length: 5000 },
    () =>
      tableWords[next(tableWords.length)] +
      (next(2) === 0 ? tableWords[next(tableWords.length)] : suffixes[next(suffixes.length)]),
  );
  expect(differences(names)).toEqual([]);
});

test('names of characters drawn at random read as pinyin-pro reads them', () => {
  // GB 2312's 6,763 hanzi, the set a mainland name is nearly always written in.
  const gb2312 = new TextDecoder('gb2312');
  const common: string[] = [];
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = gb2312.decode(new Uint8Array([hi, lo]));
      if (/^[\u4e00-\u9fff]$/.test(ch)) common.push(ch);
    }
  }
  expect(common.length).toBe(6763);
  const next = random(21);
  const names = Array.from({ length: 3000 }, () =>
    Array.from({ length: 2 + next(7) }, () => common[next(common.length)]).join(''),
  );
  expect(differences(names)).toEqual([]);
});
