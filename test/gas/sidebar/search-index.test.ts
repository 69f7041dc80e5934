/**
 * The search index works on whole columns of text at once (search-columns.ts, search-lines.ts) for
 * speed at 50,000 clients. Whatever the cells hold, it must find exactly what the rules say when
 * applied one client at a time: the per-row definition below is those rules written plainly (the
 * index's previous implementation), and both are run on the same awkward cells and queries.
 */
import { IndexTexts, FIELDS, type Field, foldLines, phoneLines } from '../../../src/gas/sidebar/search-columns';
import { matchClients } from '../../../src/gas/sidebar/search-find';
import { Lines, PIECE_BYTES } from '../../../src/gas/sidebar/search-lines';
import { fold, phoneDigits } from '../../../src/core/client-match';
import { shortCorpus } from '../../hostile/corpus';
import { pinyin } from 'pinyin-pro';

type Row = Record<Field, unknown>;

// ---- the rules, one client at a time

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
}

interface Entry {
  line: number;
  id: string;
  name: string;
  contact: string;
  phones: string;
  email: string;
  owner: string;
  nextOwner: string;
}

function entryOf(row: Row, line: number): Entry {
  return {
    line,
    id: cell(row.id),
    name: cell(row.name),
    contact: cell(row.contact),
    phones: phoneDigits(cell(row.phones)).join(' '),
    email: cell(row.email),
    owner: cell(row.owner),
    nextOwner: cell(row.nextOwner),
  };
}

const collator = new Intl.Collator();

/** A name's full pinyin and its initials, syllable by syllable (pinyin-pro), letters and digits kept. */
function spelled(name: string): { full: string; initials: string } | null {
  const folded = fold(name);
  if (!/[\u3400-\u4dbf\u4e00-\u9fff]/.test(folded)) return null;
  const items = pinyin(folded, { toneType: 'none', type: 'all', nonZh: 'consecutive', v: true });
  const full = items.map((i) => (i.isZh ? i.pinyin : i.origin)).join('');
  const initials = items.map((i) => (i.isZh ? i.pinyin[0] : i.origin)).join('');
  return { full: full.toLowerCase(), initials: initials.toLowerCase() };
}

function byRules(rows: readonly Row[], query: string, me: string): { hits: string[]; more: boolean } {
  const text = query.trim();
  if (text === '') return { hits: [], more: false };
  const q = fold(text);
  const digits = /^[\d\s+()\-.]+$/.test(text) ? text.replace(/\D/g, '') : '';
  const upper = text.toUpperCase();
  const lower = text.toLowerCase();
  const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
  const scored: { e: Entry; mine: boolean; score: number }[] = [];
  rows.forEach((row, i) => {
    const e = entryOf(row, i);
    if (e.id === '') return;
    const [name, contact, email, id] = [fold(e.name), fold(e.contact), e.email.toLowerCase(), e.id.toUpperCase()];
    const py = /^[a-z][a-z0-9]+$/.test(q) ? spelled(e.name) : null;
    let score = -1;
    if (id === upper) score = 0;
    else if (q !== '') {
      if (name.startsWith(q) || py?.full.startsWith(q) || py?.initials.startsWith(q)) score = 1;
      else if (name.includes(q)) score = 2;
      else if (contact.includes(q)) score = 3;
      else if (email.includes(lower)) score = 4;
      else if (id.startsWith(upper)) score = 4;
      else if (py && (py.full.includes(q) || py.initials.includes(q))) score = 4;
    }
    if (score < 0 && digits.length >= 3 && e.phones.includes(digits)) score = 3;
    if (score < 0) return;
    const mine = me !== '' && (same(e.owner, me) || same(e.nextOwner, me));
    scored.push({ e, mine, score });
  });
  scored.sort(
    (a, b) =>
      Number(b.mine) - Number(a.mine) ||
      a.score - b.score ||
      collator.compare(a.e.name, b.e.name) ||
      a.e.line - b.e.line,
  );
  const top = scored.slice(0, 20);
  return { hits: top.map((s) => `${s.e.line}${s.mine ? '*' : ''}`), more: scored.length > top.length };
}

// ---- the index

function indexOf(rows: readonly Row[]): IndexTexts {
  const cells: Partial<Record<Field, unknown[]>> = {};
  for (const f of FIELDS) cells[f] = rows.map((r) => r[f]);
  return IndexTexts.fromCells(rows.length, cells);
}

function byIndex(index: IndexTexts, query: string, me: string): { hits: string[]; more: boolean } {
  const found = matchClients(index, query, me);
  return { hits: found.hits.map((h) => `${h.line}${h.mine ? '*' : ''}`), more: found.more };
}

/** The same index as it comes back from the cache: its texts in pieces, keys already made. */
function reloaded(index: IndexTexts): IndexTexts {
  const copy = (l: Lines): Lines => new Lines([...l.pieces], [...l.counts]);
  const fields = Object.fromEntries(FIELDS.map((f) => [f, copy(index.fields[f])])) as Record<Field, Lines>;
  return new IndexTexts(index.rows, fields, {
    name: copy(index.key('name')),
    contact: copy(index.key('contact')),
    email: copy(index.key('email')),
    id: copy(index.key('id')),
    pinyin: copy(index.key('pinyin')),
  });
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const corpus = shortCorpus().map((h) => h.text);

const NAMES = [
  'Acme Trading Co., Ltd.',
  'ACME trading',
  'Ａｃｍｅ　Ｔｒａｄｉｎｇ',
  '华为技术（深圳）有限公司',
  '华为技术(深圳)',
  'Müller GmbH',
  'Ελληνικά Σ',
  'ΟΔΥΣΣΕΥΣ',
  'İstanbul Ltd',
  '  padded  ',
  '',
  'harbor trading 1',
  'Harbor Trading 12',
  '😀 Emoji Co',
  '海纳学校',
  '重庆银行股份有限公司',
  '张记五金 Zhang Hardware',
  '长沙行长绿地2号',
  '中国银行(重庆)',
];
const PHONES: unknown[] = [
  '138 0013 8000',
  '+86 138-0013-8000',
  '0086 13800138000',
  '8613800138000',
  13800138000,
  '010-6552-1234 / 138 0013 8000',
  '１３８００１３８０００',
  'ext 12',
  '1234',
  '',
  null,
  '138 0013 8000\n010 6552 1234',
  '(0755) 2878-0808',
];
const IDS: unknown[] = ['C-1', 'c-2', 'C-1', '', ' C-3 ', 'C-10', 'C-100', 'ß-1', 7, 'C-ACME'];
const OWNERS: unknown[] = ['Amy', ' amy ', 'AMY', 'Zhang Wei', '', 'Li Na', 'amy\n'];

function rowsFor(seed: number, count: number): Row[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const text = (): unknown => (next() < 0.5 ? pick(NAMES) : pick(corpus));
  return Array.from({ length: count }, () => ({
    id: next() < 0.8 ? pick(IDS) : pick(corpus),
    name: text(),
    contact: text(),
    phones: next() < 0.7 ? pick(PHONES) : pick(corpus),
    email: next() < 0.5 ? `Buyer${Math.floor(next() * 9)}@Acme.example` : pick(corpus),
    owner: pick(OWNERS),
    nextOwner: pick(OWNERS),
  }));
}

const QUERIES = [
  'acme',
  'ACME, TRADING',
  'acme trading co',
  '华为技术 (深圳)',
  'ｈａｒｂｏｒ',
  'Harbor Trading 1',
  'σ',
  'σσ',
  'ς',
  'i̇stanbul',
  'c-1',
  'C-1',
  'c-10',
  'ß',
  'SS',
  '13800138000',
  '138-0013-8000',
  '+86 138 0013 8000',
  '0755',
  '010 6552',
  '123',
  '12',
  '@acme',
  'buyer3@',
  'amy',
  '=1+1',
  '<script>',
  'haina',
  'hnxx',
  'zhang',
  'chongqing',
  'yinhang',
  'cqyh',
  'lvdi',
  'xingzhang',
  'gong',
  'an',
  'di2',
  ' and more',
  'e\u0301',
  'é',
  '😀',
  '-',
  '.',
  'line two',
  'a',
  '1',
];

describe('the index finds what the rules find, one client at a time', () => {
  const rows = rowsFor(7, 600);
  const index = indexOf(rows);
  const again = reloaded(index);

  test.each(QUERIES)('query %j', (query) => {
    for (const me of ['Amy', 'zhang wei', '', ' ']) {
      const expected = byRules(rows, query, me);
      expect(byIndex(index, query, me)).toEqual(expected);
      expect(byIndex(again, query, me)).toEqual(expected);
    }
  });

  test('for every value in the register as a query', () => {
    const values = new Set(rows.flatMap((r) => [cell(r.name), cell(r.contact), cell(r.id), cell(r.email)]));
    const mismatches = [...values]
      .filter((q) => q.trim() !== '')
      .filter((q) => JSON.stringify(byIndex(index, q, 'Amy')) !== JSON.stringify(byRules(rows, q, 'Amy')));
    expect(mismatches).toEqual([]);
  });

  test('each row reads back as the rules read its cells', () => {
    rows.forEach((row, i) => expect(index.entry(i)).toEqual({ ...entryOf(row, i), line: undefined, row: i + 2 }));
  });
});

describe('whole-column text operations agree with the per-value ones', () => {
  const values = [...corpus.map(cell), ...NAMES.map(cell)];

  test('folding a column folds each line', () => {
    expect(foldLines(values.join('\n')).split('\n')).toEqual(values.map(fold));
  });

  test('folding drops what fold drops, character by character across the Basic Multilingual Plane', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c === 10 || (c >= 0xd800 && c <= 0xdfff)) continue;
      const line = `x${String.fromCharCode(c)}y`;
      if (foldLines(line) !== fold(line)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  test('phone digits of a column are each line’s phone digits', () => {
    const phones = [...PHONES, ...corpus].map(cell);
    expect(phoneLines(phones.join('\n')).split('\n')).toEqual(phones.map((p) => phoneDigits(p).join(' ')));
  });
});

describe('a column’s lines in pieces', () => {
  test('every piece fits in one cache value, and the lines read back in order', () => {
    const values = Array.from({ length: 30_000 }, (_, i) => (i % 7 === 0 ? `客户${i}` : `Client ${i}`));
    const lines = Lines.of(values.join('\n'), values.length);
    expect(lines.pieces.length).toBeGreaterThan(2);
    expect(Math.max(...lines.pieces.map((p) => Buffer.byteLength(p)))).toBeLessThanOrEqual(PIECE_BYTES);
    expect(lines.rows).toBe(values.length);
    expect(lines.whole()).toBe(values.join('\n'));
    expect([0, 4_999, 17_777, 29_999].map((i) => lines.value(i))).toEqual(
      [0, 4_999, 17_777, 29_999].map((i) => values[i]),
    );
  });

  test('a cell too long for one piece is kept to its first 20,000 characters', () => {
    const values = ['before', '长'.repeat(50_000), 'after'];
    const lines = Lines.of(values.join('\n'), 3);
    expect([lines.value(0), lines.value(1).length, lines.value(2)]).toEqual(['before', 20_000, 'after']);
    expect(Math.max(...lines.pieces.map((p) => Buffer.byteLength(p)))).toBeLessThanOrEqual(PIECE_BYTES);
  });

  test('lines holding a text, blank lines and a line equal to a text are found across pieces', () => {
    const values = Array.from({ length: 20_000 }, (_, i) => (i % 1000 === 0 ? '' : `row ${i}`));
    const lines = Lines.of(values.join('\n'), values.length);
    const found: number[] = [];
    lines.eachWith('row 1999', (line) => found.push(line));
    expect(found).toEqual([1999, 19990, 19991, 19992, 19993, 19994, 19995, 19996, 19997, 19998, 19999]);
    expect([...lines.blanks()].sort((a, b) => a - b)).toEqual(values.flatMap((v, i) => (v === '' ? [i] : [])));
    expect(lines.find('row 12345')).toBe(12345);
  });
});

describe('what the sidebar writes, recorded without reading the tab again', () => {
  const rows = rowsFor(11, 50);
  const index = indexOf(rows);

  test('a changed next owner is seen by the next search', () => {
    const line = rows.findIndex((r) => cell(r.id) !== '');
    const changed = index.withRow(line + 2, { nextOwner: 'Somebody New' });
    expect(changed.entry(line).nextOwner).toBe('Somebody New');
    expect(matchClients(changed, cell(rows[line].id), 'somebody new').hits[0]).toMatchObject({ line, mine: true });
  });

  test('a client added past the end (with blank rows between) is found by name and ID', () => {
    const added = index.withRow(60, { id: 'C-NEW', name: 'Zebra Logistics', phones: '13911112222' });
    expect(added.rows).toBe(59);
    const zebra = [{ line: 58, name: 'Zebra Logistics', mine: false }];
    expect(matchClients(added, 'zebra', '').hits).toEqual(zebra);
    expect(matchClients(added, 'c-new', '').hits).toEqual(zebra);
    expect(matchClients(added, '139 1111 2222', '').hits).toEqual(zebra);
    expect(added.entry(55)).toMatchObject({ id: '', name: '' });
  });
});
