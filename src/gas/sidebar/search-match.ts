/**
 * Matching a typed query against the compact client index, and spotting likely duplicates.
 * Pure: no Apps Script here, so it can be reasoned about (and tested) on its own.
 */

/** One Clients row as the sidebar searches it; `row` is the sheet row when the index was built. */
export interface IndexEntry {
  row: number;
  id: string;
  name: string;
  contact: string;
  /** every phone number in the cell, digits only, separated by spaces */
  phones: string;
  email: string;
  owner: string;
  nextOwner: string;
}

export const MAX_HITS = 20;

/**
 * How names compare: full-width = half-width (NFKC), case ignored, and spaces, punctuation and
 * symbols dropped, so “华为（深圳）” = "华为(深圳)" and "Acme, Inc." = "acme inc".
 */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Phone numbers in a cell ("138 0013 8000 / 010-6552-1234") as digit strings, China's +86 / 0086 dropped. */
export function phoneDigits(cell: string): string[] {
  const found: string[] = [];
  for (const part of cell.normalize('NFKC').split(/[,;/、，；|\n]+/)) {
    let digits = part.replace(/\D/g, '');
    if (digits.startsWith('0086')) digits = digits.slice(4);
    else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
    if (digits.length >= 5) found.push(digits);
  }
  return found;
}

const LOOKS_LIKE_PHONE = /^[\d\s+()\-.]+$/;

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * An entry as the index stores it: one line of tab-separated fields, then the folded name, folded
 * contact, lower-case email and upper-case ID that matching compares, computed once when the index is
 * built rather than for every entry on every keystroke.
 */
export function entryLine(e: IndexEntry): string {
  const keys = [fold(e.name), fold(e.contact), e.email.toLowerCase(), e.id.toUpperCase()];
  return [e.row, e.id, e.name, e.contact, e.phones, e.email, e.owner, e.nextOwner, ...keys].join('\t');
}

const FIELDS = 8;

function toEntry(fields: readonly string[]): IndexEntry {
  const [row, id, name, contact, phones, email, owner, nextOwner] = fields;
  return { row: Number(row), id, name, contact, phones, email, owner, nextOwner };
}

export function parseLine(line: string): IndexEntry {
  return toEntry(line.split('\t', FIELDS));
}

interface Scored {
  entry: IndexEntry;
  mine: boolean;
  score: number;
}

/** Same order as String#localeCompare with no arguments, at a fraction of the cost per comparison. */
const collator = new Intl.Collator();

function better(a: Scored, b: Scored): number {
  return (
    Number(b.mine) - Number(a.mine) ||
    a.score - b.score ||
    collator.compare(a.entry.name, b.entry.name) ||
    a.entry.row - b.entry.row
  );
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
 * Up to `limit` clients matching the query by ID, name, contact, email or phone digits (any
 * formatting), among index lines (entryLine). The signed-in user's clients come first, then better
 * matches (exact ID, name starting with the query, …), then by name. A line that contains none of
 * the query's forms cannot match, so only the others are split and scored.
 */
export function matchClients(
  lines: readonly string[],
  query: string,
  me: string,
  limit = MAX_HITS,
): { hits: { entry: IndexEntry; mine: boolean }[]; more: boolean } {
  const text = query.trim();
  if (text === '') return { hits: [], more: false };
  const q = fold(text);
  const digits = LOOKS_LIKE_PHONE.test(text) ? text.replace(/\D/g, '') : '';
  const upper = text.toUpperCase();
  const lower = text.toLowerCase();
  const needles = [upper, lower, ...(q !== '' ? [q] : []), ...(digits.length >= 3 ? [digits] : [])];
  const scored: Scored[] = [];
  for (const line of lines) {
    if (!needles.some((n) => line.includes(n))) continue;
    const fields = line.split('\t');
    const entry = toEntry(fields);
    const [name = '', contact = '', email = '', id = ''] = fields.slice(FIELDS);
    if (entry.id === '') continue;
    let score = -1;
    if (id === upper) score = 0;
    else if (q !== '') {
      if (name.startsWith(q)) score = 1;
      else if (name.includes(q)) score = 2;
      else if (contact.includes(q)) score = 3;
      else if (email.includes(lower)) score = 4;
      else if (id.startsWith(upper)) score = 4;
    }
    if (score < 0 && digits.length >= 3 && entry.phones.includes(digits)) score = 3;
    if (score < 0) continue;
    const mine = me !== '' && (sameText(entry.owner, me) || sameText(entry.nextOwner, me));
    scored.push({ entry, mine, score });
  }
  const top = best(scored, Math.max(0, Math.min(limit, MAX_HITS)));
  return { hits: top.map(({ entry, mine }) => ({ entry, mine })), more: scored.length > top.length };
}

/** Company-form words that do not make two names different clients. */
const LEGAL_FORMS =
  /(股份有限公司|有限责任公司|有限公司|集团|公司|corporation|company|limited|incorporated|corp|co|ltd|inc|llc|plc|gmbh)$/;

/** A name reduced to what identifies it: folded, with a trailing company form dropped. */
export function nameKey(name: string): string {
  let key = fold(name);
  for (let i = 0; i < 2; i++) {
    const stripped = key.replace(LEGAL_FORMS, '');
    if (stripped === key || stripped.length < 2) break;
    key = stripped;
  }
  return key;
}

/** Edit distance capped at 2 (anything further counts as 2): a typo or one swapped character. */
function closeEnough(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > 1) return false;
    prev = cur;
  }
  return prev[b.length] <= 1;
}

/** Very similar names: equal once folded (punctuation, spacing, width, case, company form), or one typo apart. */
export function similarNames(a: string, b: string): boolean {
  const x = nameKey(a);
  const y = nameKey(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  return Math.min(x.length, y.length) >= 5 && closeEnough(x, y);
}

export type DuplicateReason = 'phone' | 'email' | 'name';

/** Existing clients that look like the new one: same phone digits, same email, or a very similar name. */
export function findDuplicates(
  entries: readonly IndexEntry[],
  candidate: { name: string; phone: string; email: string },
): { entry: IndexEntry; reasons: DuplicateReason[] }[] {
  const phones = new Set(phoneDigits(candidate.phone));
  const email = candidate.email.trim().toLowerCase();
  const found: { entry: IndexEntry; reasons: DuplicateReason[] }[] = [];
  for (const entry of entries) {
    if (entry.id === '' && entry.name === '') continue;
    const reasons: DuplicateReason[] = [];
    if (phones.size > 0 && entry.phones !== '' && entry.phones.split(' ').some((p) => phones.has(p))) {
      reasons.push('phone');
    }
    if (email !== '' && entry.email.trim().toLowerCase() === email) reasons.push('email');
    if (similarNames(candidate.name, entry.name)) reasons.push('name');
    if (reasons.length > 0) found.push({ entry, reasons });
  }
  return found;
}
