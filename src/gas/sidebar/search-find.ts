/**
 * Matching a typed query against the client index (search-columns.ts). Pure: no Apps Script here.
 *
 * Each form of the query is looked for in the whole text of the column it is compared with (folded
 * names, folded contacts, lower-case emails, upper-case IDs, phone digits), so a keystroke costs a
 * few string searches plus the rows that match, not a look at every one of 50,000 rows.
 */
import { personKey } from '../../core/people';
import type { IndexTexts } from './search-columns';
import { lineIs } from './search-lines';
import { fold } from '../../core/client-match';
import { MAX_HITS } from './index-entry';
import { pinyinQuery } from './search-pinyin';

const LOOKS_LIKE_PHONE = /^[\d\s+()\-.]+$/;

// What a row matched, one bit each.
const ID_IS = 1;
const ID_STARTS = 2;
const NAME_STARTS = 4;
const NAME = 8;
const CONTACT = 16;
const EMAIL = 32;
const PHONE = 64;
const PINYIN_STARTS = 128;
const PINYIN = 256;

interface Scored {
  line: number;
  name: string;
  mine: boolean;
  score: number;
}

/** Same order as String#localeCompare with no arguments, at a fraction of the cost per comparison. */
const collator = new Intl.Collator();

function better(a: Scored, b: Scored): number {
  return Number(b.mine) - Number(a.mine) || a.score - b.score || collator.compare(a.name, b.name) || a.line - b.line;
}

/**
 * The best `keep` in order, without sorting everything: a one-letter query matches most of the
 * index, and only a page of hits is shown.
 */
function best(items: readonly Scored[], keep: number): Scored[] {
  const top: Scored[] = [];
  if (keep <= 0) return top;
  for (const item of items) {
    if (top.length === keep && better(item, top[keep - 1]) >= 0) continue;
    let i = top.length;
    while (i > 0 && better(item, top[i - 1]) < 0) i--;
    top.splice(i, 0, item);
    if (top.length > keep) top.pop();
  }
  return top;
}

/**
 * Exact ID first (0), then a name starting with the query, or whose pinyin or initials do (1), a
 * name containing it (2), a contact containing it (3), an email containing it, an ID starting with
 * it or a name's pinyin containing it (4); a phone number containing its digits is 3 when nothing
 * else matched; -1 when nothing matched.
 */
function scoreOf(flags: number, hasText: boolean): number {
  if (flags & ID_IS) return 0;
  if (hasText) {
    if (flags & (NAME_STARTS | PINYIN_STARTS)) return 1;
    if (flags & NAME) return 2;
    if (flags & CONTACT) return 3;
    if (flags & (EMAIL | ID_STARTS | PINYIN)) return 4;
  }
  return flags & PHONE ? 3 : -1;
}

/** What each row matched (bits as above) and the rows that matched anything. */
function matchedRows(index: IndexTexts, text: string): { bits: Uint16Array; matched: number[]; hasText: boolean } {
  const q = fold(text);
  const upper = text.toUpperCase();
  const digits = LOOKS_LIKE_PHONE.test(text) ? text.replace(/\D/g, '') : '';
  const bits = new Uint16Array(index.rows);
  const matched: number[] = [];
  const mark = (line: number, bit: number): void => {
    if (bits[line] === 0) matched.push(line);
    bits[line] |= bit;
  };
  index.key('id').eachWith(upper, (line, piece, start) => {
    if (lineIs(piece, start, upper)) mark(line, ID_IS);
    else if (piece.startsWith(upper, start)) mark(line, ID_STARTS);
  });
  if (q !== '') {
    index.key('name').eachWith(q, (line, piece, start) => mark(line, piece.startsWith(q, start) ? NAME_STARTS : NAME));
    index.key('contact').eachWith(q, (line) => mark(line, CONTACT));
    index.key('email').eachWith(text.toLowerCase(), (line) => mark(line, EMAIL));
  }
  if (pinyinQuery(q)) {
    // A line is "<full pinyin> <initials>": starting either part is as good as starting the name.
    index.key('pinyin').eachWith(q, (line, piece, start, at) => {
      const space = piece.indexOf(' ', start);
      const starts = at === start || (space >= 0 && piece.startsWith(q, space + 1));
      mark(line, starts ? PINYIN_STARTS : PINYIN);
    });
  }
  if (digits.length >= 3) index.fields.phones.eachWith(digits, (line) => mark(line, PHONE));
  return { bits, matched, hasText: q !== '' };
}

/** Rows whose owner or next owner is the user, by the one person rule (core/people.ts); the index holds names trimmed. */
function theirs(index: IndexTexts, lines: Int32Array, me: string): Uint8Array {
  const mine = new Uint8Array(index.rows);
  if (me === '') return mine;
  const name = personKey(me);
  for (const field of ['owner', 'nextOwner'] as const) {
    index.fields[field].eachOf(lines, (line, owner) => {
      if (personKey(owner) === name) mine[line] = 1;
    });
  }
  return mine;
}

/**
 * Up to `limit` clients matching the query by ID, name, contact, email or phone digits (any
 * formatting), as index lines with the client's name. The signed-in user's clients (owner or next
 * owner) come first, then better matches, then by name. Rows without an ID are not clients yet and
 * are never hits.
 */
export function matchClients(
  index: IndexTexts,
  query: string,
  me: string,
  limit = MAX_HITS,
): { hits: { line: number; name: string; mine: boolean }[]; more: boolean } {
  const text = query.trim();
  if (text === '' || index.rows === 0) return { hits: [], more: false };
  const { bits, matched, hasText } = matchedRows(index, text);
  const noId = matched.length > 0 ? index.fields.id.blanks() : new Set<number>();
  const lines = Int32Array.from(matched.filter((l) => scoreOf(bits[l], hasText) >= 0 && !noId.has(l))).sort();
  const mine = theirs(index, lines, me);
  // Rows rank by (theirs, score), then name: only the ranks that reach the first `keep` need names.
  const keep = Math.max(0, Math.min(limit, MAX_HITS));
  const rank = (line: number): number => (mine[line] ? 0 : 5) + scoreOf(bits[line], hasText);
  const perRank = new Array<number>(10).fill(0);
  for (const line of lines) perRank[rank(line)]++;
  let ranks = 0;
  for (let seen = 0; ranks < 10 && seen < keep; ranks++) seen += perRank[ranks];
  const named = lines.filter((line) => rank(line) < ranks);
  const scored: Scored[] = [];
  index.fields.name.eachOf(named, (line, name) =>
    scored.push({ line, name, mine: mine[line] === 1, score: scoreOf(bits[line], hasText) }),
  );
  const top = best(scored, keep);
  return { hits: top.map(({ line, name, mine }) => ({ line, name, mine })), more: lines.length > top.length };
}
