/**
 * Chinese names as a Chinese team types them into a search box: the full pinyin ("haina" for
 * 海纳学校) and the initials ("hnxx"). pinyin-pro reads polyphones from their context (重庆 is
 * chongqing, 银行 is yinhang); ü is typed v, as on a pinyin keyboard. Pure: no Apps Script here.
 */
import type * as PinyinPro from 'pinyin-pro';

let library: typeof PinyinPro | null = null;

/**
 * pinyin-pro, loaded on first use: Apps Script runs the whole bundle for every call, and building
 * its dictionary costs about 100 ms, which a keystroke answered from the cached index must not pay.
 * Only building the index (and a search that finds none cached) spells names.
 */
function pinyinPro(): typeof PinyinPro {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  library ??= require('pinyin-pro') as typeof PinyinPro;
  return library;
}

/** CJK ideographs (the basic block and extension A): a line without one has no pinyin. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
/** Runs of ideographs, kept by split() between the other runs. */
const HAN_RUNS = /([\u3400-\u4dbf\u4e00-\u9fff]+)/;

/**
 * One folded name (search-columns.ts foldLines) as "<full pinyin> <initials>", '' when it holds no
 * Chinese character. Letters and digits around the Chinese are kept as they are in both parts. A
 * query is folded (no spaces), so it can never match across the space between the two. Each run of
 * ideographs is spelled as a whole, so that its polyphones are read in context (asking pinyin-pro
 * for syllables only is five times quicker than asking it for every detail of the whole name).
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
    for (const syllable of pinyinPro().pinyin(run, { toneType: 'none', type: 'array', v: true })) {
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
