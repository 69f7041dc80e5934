/**
 * Chinese names as a Chinese team types them into a search box: the full pinyin ("haina" for
 * 海纳学校) and the initials ("hnxx"). Polyphones are read from their context (重庆 is chongqing,
 * 银行 is yinhang); ü is typed v, as on a pinyin keyboard. Pure: no Apps Script here.
 *
 * The readings are pinyin-pro's, made into a table at build time (pinyin-table.ts, written by
 * scripts/pinyin-table.mjs): Apps Script loads the whole script on every call, and the table is a
 * third of the library's size. test/gas/sidebar/pinyin-table.test.ts compares both answers.
 */
import { AFTER, DIGITS, FIRST, READINGS, RULES, SYLLABLES, WORDS } from './pinyin-table';

/** pinyin-pro's weights (common/constant): a dictionary word, a number rule's word, a character alone. */
const WORD = 2e-8;
const RULE = 1e-12;
const UNKNOWN = 1e-13;

interface Word {
  /** each character's syllable; null: as the characters read alone */
  syllables: readonly string[] | null;
  probability: number;
}

interface Table {
  syllables: readonly string[];
  words: ReadonlyMap<string, Word>;
  longestWord: number;
  /** Characters read otherwise right after a known ideograph. */
  after: ReadonlyMap<string, string>;
  /** DIGITS' value by character code. */
  digit: Int16Array;
}

let table: Table | null = null;

/** The table's words, unpacked on first use: only building the index spells names. */
function loaded(): Table {
  if (table) return table;
  const digit = new Int16Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) digit[DIGITS.charCodeAt(i)] = i;
  const syllables = SYLLABLES.split(' ');
  /** Each entry: the word (ideographs), then two digits per syllable when it has its own reading. */
  const unpack = (packed: string, each: (word: string, read: string[] | null) => void): void => {
    for (const entry of packed.split('|')) {
      if (entry === '') continue;
      let length = 0;
      while (length < entry.length && entry.charCodeAt(length) >= 0x80) length++;
      const read: string[] = [];
      for (let i = length; i < entry.length; i += 2) {
        read.push(syllables[digit[entry.charCodeAt(i)] * 64 + digit[entry.charCodeAt(i + 1)]]);
      }
      each(entry.slice(0, length), read.length > 0 ? read : null);
    }
  };
  const words = new Map<string, Word>();
  unpack(WORDS, (word, read) => words.set(word, { syllables: read, probability: WORD }));
  unpack(RULES, (word, read) => words.set(word, { syllables: read, probability: RULE }));
  let longestWord = 0;
  for (const word of words.keys()) longestWord = Math.max(longestWord, word.length);
  const after = new Map<string, string>();
  unpack(AFTER, (ch, read) => after.set(ch, read?.[0] ?? ''));
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

/** The best reading of a run from one place on: its probability (scaled by 1e300 per `decimal`), and the word there. */
interface Step {
  probability: number;
  decimal: number;
  /** the word starting here, 0 for a character alone */
  length: number;
}

/** pinyin-pro's choice between two steps: the larger probability; on a tie, the later one. */
function better(a: Step | undefined, b: Step): Step {
  if (!a || a.decimal > b.decimal) return b;
  if (a.decimal < b.decimal) return a;
  return a.probability > b.probability ? a : b;
}

/** Under 1e-300, scaled back up (pinyin-pro's checkDecimal), so long names do not underflow. */
function scaled(step: Step): Step {
  return step.probability < 1e-300
    ? { ...step, probability: step.probability * 1e300, decimal: step.decimal + 1 }
    : step;
}

/**
 * The syllables of a run of ideographs, as pinyin-pro reads it: split into the words of its
 * dictionary by their probability (its maximum-probability segmentation, in the order it weighs
 * them), each word read as the dictionary says, the other characters alone (or after their
 * neighbour); an unknown character as itself.
 */
export function spellRun(run: string): string[] {
  const t = loaded();
  const n = run.length;
  const best: Step[] = new Array<Step>(n + 1);
  best[n] = { probability: 1, decimal: 0, length: 0 };
  for (let i = n - 1; i >= 0; i--) {
    let step: Step | undefined;
    for (let length = Math.min(t.longestWord, n - i); length >= 2; length--) {
      const word = t.words.get(run.slice(i, i + length));
      if (!word) continue;
      const rest = best[i + length];
      step = better(step, scaled({ probability: word.probability * rest.probability, decimal: rest.decimal, length }));
    }
    // pinyin-pro starts a character alone at decimal 0 whatever follows it.
    best[i] = better(step, scaled({ probability: UNKNOWN * best[i + 1].probability, decimal: 0, length: 0 }));
  }
  const out: string[] = [];
  for (let i = 0; i < n;) {
    const length = best[i].length;
    if (length > 0) {
      const word = run.slice(i, i + length);
      const read = t.words.get(word)?.syllables;
      for (let j = 0; j < length; j++) out.push(read ? read[j] : (alone(t, word[j]) ?? word[j]));
      i += length;
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
