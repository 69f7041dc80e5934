/**
 * Chinese names as a Chinese team types them into a search box: the full pinyin ("haina" for
 * 海纳学校) and the initials ("hnxx"). Polyphones are read from their context (重庆 is chongqing,
 * 银行 is yinhang); ü is typed v, as on a pinyin keyboard. Pure: no Apps Script here.
 *
 * The readings are pinyin-pro's, made into a table at build time (pinyin-table.ts, written by
 * scripts/pinyin-table.mjs): Apps Script loads the whole script on every call, and the table is a
 * quarter of the library's size. test/gas/sidebar/pinyin-table.test.ts compares both answers.
 */
import { AFTER, DIGITS, FIRST, READINGS, SYLLABLES, WORDS } from './pinyin-table';

interface Table {
  syllables: readonly string[];
  /** Words read in context, by their characters: the syllable of each. */
  words: ReadonlyMap<string, readonly string[]>;
  longestWord: number;
  /** Characters read otherwise right after a known ideograph. */
  after: ReadonlyMap<string, string>;
  /** DIGITS' value by character code. */
  digit: Int16Array;
}

let table: Table | null = null;

/** The table's word lists, unpacked on first use: only building the index spells names. */
function loaded(): Table {
  if (table) return table;
  const digit = new Int16Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) digit[DIGITS.charCodeAt(i)] = i;
  const syllables = SYLLABLES.split(' ');
  const spelled = (codes: string): string[] => {
    const out: string[] = [];
    for (let i = 0; i < codes.length; i += 2)
      out.push(syllables[digit[codes.charCodeAt(i)] * 64 + digit[codes.charCodeAt(i + 1)]]);
    return out;
  };
  const unpack = (packed: string): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    for (const entry of packed.split('|')) {
      if (entry === '') continue;
      const length = entry.length / 3; // one character, then two digits, per syllable
      map.set(entry.slice(0, length), spelled(entry.slice(length)));
    }
    return map;
  };
  const words = unpack(WORDS);
  let longestWord = 0;
  for (const word of words.keys()) longestWord = Math.max(longestWord, word.length);
  const after = new Map([...unpack(AFTER)].map(([ch, [syllable]]) => [ch, syllable]));
  table = { syllables, words, longestWord, after, digit };
  return table;
}

/** The syllable of one ideograph read alone, undefined when the table does not know it. */
function alone(t: Table, ch: string): string | undefined {
  const at = (ch.charCodeAt(0) - FIRST) * 2;
  if (at < 0 || at >= READINGS.length) return undefined;
  const high = t.digit[READINGS.charCodeAt(at)];
  return high < 0 ? undefined : t.syllables[high * 64 + t.digit[READINGS.charCodeAt(at + 1)]];
}

/**
 * The syllables of a run of ideographs, as pinyin-pro reads it: the longest word read in context
 * at each place, otherwise the character alone (or after its neighbour); an unknown one as itself.
 */
export function spellRun(run: string): string[] {
  const t = loaded();
  const out: string[] = [];
  for (let i = 0; i < run.length;) {
    let word: readonly string[] | undefined;
    for (let length = Math.min(t.longestWord, run.length - i); length >= 2 && !word; length--) {
      word = t.words.get(run.slice(i, i + length));
    }
    if (word) {
      out.push(...word);
      i += word.length;
      continue;
    }
    const ch = run[i];
    const read = (i > 0 && alone(t, run[i - 1]) !== undefined && t.after.get(ch)) || alone(t, ch);
    out.push(read ?? ch);
    i++;
  }
  return out;
}

/** CJK ideographs (the basic block and extension A): a line without one has no pinyin. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
/** Runs of ideographs, kept by split() between the other runs. */
const HAN_RUNS = /([\u3400-\u4dbf\u4e00-\u9fff]+)/;

/**
 * One folded name (search-columns.ts foldLines) as "<full pinyin> <initials>", '' when it holds no
 * Chinese character. Letters and digits around the Chinese are kept as they are in both parts. A
 * query is folded (no spaces), so it can never match across the space between the two. Each run of
 * ideographs is spelled as a whole, so that its polyphones are read in context.
 */
export function pinyinLine(folded: string): string {
  if (!HAN.test(folded)) return '';
  let full = '';
  let initials = '';
  folded.split(HAN_RUNS).forEach((run, i) => {
    if (i % 2 === 0) {
      full += run;
      initials += run;
      return;
    }
    for (const syllable of spellRun(run)) {
      full += syllable;
      initials += syllable.charAt(0);
    }
  });
  return `${full.toLowerCase()} ${initials.toLowerCase()}`;
}

/** pinyinLine of every line of a text ('\n' between lines), the line breaks kept. */
export function pinyinLines(folded: string): string {
  if (!HAN.test(folded)) return folded.replace(/[^\n]+/g, '');
  return folded.split('\n').map(pinyinLine).join('\n');
}

/** Whether a folded query can be pinyin: ASCII letters (and digits), two or more. */
export function pinyinQuery(q: string): boolean {
  return q.length >= 2 && /^[a-z][a-z0-9]*$/.test(q);
}
