/**
 * How client text compares (folded names, phone digits), and spotting likely duplicates: the one
 * rule the sidebar's Add client and the import share. Matching a search query against the sidebar's
 * whole index is gas/sidebar/search-find.ts.
 */

/** What identifies a client for the duplicate rule. */
export interface ClientIdentity {
  id: string;
  name: string;
  /** every phone number in the cell, digits only, separated by spaces */
  phones: string;
  email: string;
}

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

/**
 * Whether a phone a spreadsheet holds as a number still has every digit: a mainland mobile (11 digits
 * from 13–19) alone or after its 86. Turned into a number, anything else may have lost what a number
 * cannot start with: the 0 of an area code (0755…, 010…), the 00 or + of a country code.
 */
export function phoneNumberIntact(value: number): boolean {
  return Number.isSafeInteger(value) && /^(86)?1[3-9]\d{9}$/.test(String(value));
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
export function findDuplicates<E extends ClientIdentity>(
  entries: readonly E[],
  candidate: { name: string; phone: string; email: string },
): { entry: E; reasons: DuplicateReason[] }[] {
  const phones = new Set(phoneDigits(candidate.phone));
  const email = candidate.email.trim().toLowerCase();
  const found: { entry: E; reasons: DuplicateReason[] }[] = [];
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

/** A name key and each of it with one character left out: two keys one edit apart share one of these. */
function nameVariants(key: string): string[] {
  if (key.length < 5) return [key];
  const out = new Set<string>([key]);
  for (let i = 0; i < key.length; i++) out.add(key.slice(0, i) + key.slice(i + 1));
  return [...out];
}

/**
 * findDuplicates over many candidates (the import's thousands of rows): the same rule and the same
 * answers in the same order, found through maps of phone digits, emails and name keys (with their
 * one-deletion variants, so a typo apart still meets) instead of a pass over every entry.
 */
export class DuplicateIndex<E extends ClientIdentity> {
  private readonly entries: E[] = [];
  private readonly byPhone = new Map<string, number[]>();
  private readonly byEmail = new Map<string, number[]>();
  private readonly byName = new Map<string, number[]>();

  constructor(entries: readonly E[] = []) {
    for (const e of entries) this.add(e);
  }

  private static put(map: Map<string, number[]>, key: string, at: number): void {
    const list = map.get(key);
    if (list === undefined) map.set(key, [at]);
    else if (list[list.length - 1] !== at) list.push(at);
  }

  add(entry: E): void {
    const at = this.entries.length;
    this.entries.push(entry);
    if (entry.id === '' && entry.name === '') return;
    for (const p of entry.phones.split(' ')) if (p !== '') DuplicateIndex.put(this.byPhone, p, at);
    const email = entry.email.trim().toLowerCase();
    if (email !== '') DuplicateIndex.put(this.byEmail, email, at);
    const key = nameKey(entry.name);
    if (key !== '') for (const v of nameVariants(key)) DuplicateIndex.put(this.byName, v, at);
  }

  find(candidate: { name: string; phone: string; email: string }): { entry: E; reasons: DuplicateReason[] }[] {
    const seen = new Set<number>();
    const take = (list: number[] | undefined): void => list?.forEach((i) => seen.add(i));
    for (const p of phoneDigits(candidate.phone)) take(this.byPhone.get(p));
    const email = candidate.email.trim().toLowerCase();
    if (email !== '') take(this.byEmail.get(email));
    const key = nameKey(candidate.name);
    if (key !== '') for (const v of nameVariants(key)) take(this.byName.get(v));
    const picked = [...seen].sort((a, b) => a - b).map((i) => this.entries[i]);
    return findDuplicates(picked, candidate);
  }
}
