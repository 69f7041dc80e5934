import { render } from '../../src/core/i18n';
import { readGridInBlocks, readTable } from '../../src/core/records';
import { gridOfRows } from '../../src/core/grid';
import { PENDING_FIELDS, isPendingContact } from '../../src/core/refresh';
import type { ContactRecord } from '../../src/core/schema';

const SH = 'Asia/Shanghai';

describe('reading a tab by header', () => {
  test('a user’s own Chinese client list becomes client records', () => {
    const read = readTable(
      'clients',
      [
        ['客户名称', '电话', '负责人', '需求明确', '计划日期', '阶段', '级别调整'],
        ['华兴建材', 13800138000, '张伟', '是', '2026年3月20日', 'B2', ''],
      ],
      SH,
    );
    expect(read.problems).toEqual([]);
    const c = read.records[0];
    expect(c).toMatchObject({
      id: '',
      name: '华兴建材',
      phone: '13800138000',
      owner: '张伟',
      needConfirmed: true,
      budgetConfirmed: false,
      stage: 'B2',
      gradeOverride: null,
      lastContact: null,
    });
    expect(c?.expectedDate?.toISOString()).toBe('2026-03-19T16:00:00.000Z');
  });
  test('a blank row stays in its place as null', () => {
    const read = readTable(
      'clients',
      [
        ['ID', 'Name'],
        ['', ''],
        ['C-1', 'Acme'],
      ],
      SH,
    );
    expect(read.records).toHaveLength(2);
    expect(read.records[0]).toBeNull();
    expect(read.records[1]?.name).toBe('Acme');
  });
  test('text in a date column and an unknown grade are reported, the row is still read', () => {
    const read = readTable(
      'clients',
      [
        ['ID', 'Name', 'Expected date', 'Grade override', 'Deal value', 'Budget confirmed'],
        ['C-1', 'Acme', 'next week', 'Z', 'lots', 'maybe'],
        ['', 'Beta', '2026-03-01', 'a', '1,200', 'y'],
      ],
      SH,
    );
    expect(read.records[0]).toMatchObject({
      id: 'C-1',
      expectedDate: null,
      gradeOverride: null,
      dealValue: null,
      budgetConfirmed: false,
    });
    expect(read.records[1]).toMatchObject({ gradeOverride: 'A', dealValue: 1200, budgetConfirmed: true });
    expect(read.problems.map((p) => [p.index, p.id, render('en', p.message)])).toEqual([
      [0, 'C-1', 'Clients, C-1: “Grade override” holds “Z”, which is not one of A, B, C, D.'],
      [0, 'C-1', 'Clients, C-1: “Budget confirmed” holds “maybe”; use yes or no. Counted as no.'],
      [0, 'C-1', 'Clients, C-1: “Expected date” holds “next week”, which is not a date; fix it or clear it.'],
      [0, 'C-1', 'Clients, C-1: “Deal value” holds “lots”, which is not a number.'],
    ]);
  });
  test('a row without an ID is named by its row in the problem', () => {
    const read = readTable(
      'clients',
      [
        ['Name', 'Created'],
        ['Acme', 'yesterday'],
      ],
      SH,
      'zh-CN',
    );
    expect(render('zh-CN', read.problems[0].message)).toBe(
      '客户，第 2 行：“创建日期”中的“yesterday”不是日期；请修改或清空。',
    );
  });
  test('a contact keeps its time of day', () => {
    const when = new Date('2026-03-02T01:30:00Z');
    const read = readTable(
      'contacts',
      [
        ['Date', 'Client ID', 'Outcome'],
        [when, 'C-1', '空号'],
      ],
      SH,
    );
    expect(read.records[0]).toMatchObject({ date: when, clientId: 'C-1', outcome: 'noSuchNumber', summary: '' });
  });
});

describe('a pass over a few fields of a log (RecordsInBlocks.forEachOf)', () => {
  const values: unknown[][] = [
    ['ID', 'Date', 'Client ID', 'Outcome', 'Summary', 'Next date'],
    ['K-1', new Date('2026-03-01T02:00:00Z'), 'C-1', 'Reached', 'called', new Date('2026-03-05T02:00:00Z')],
    ['', '', '', '', 'only a summary', ''],
    ['', '2026-03-02', 'C-2', 'No answer', 'typed, no ID yet', ''],
    ['', 'not a date', ' c-3 ', 'Reached', 'bad date', ''],
  ];
  const read = () => readGridInBlocks('contacts', gridOfRows(values), SH, 'en', 1, undefined, 2);
  const pick = (r: ContactRecord | null) =>
    r && { id: r.id, date: r.date?.toISOString() ?? null, clientId: r.clientId };

  test('gives the fields it names as a whole pass has them, across blocks, and the rows read again whole', () => {
    const { records } = read();
    const whole: unknown[] = [];
    const few: unknown[] = [];
    records.forEach((r) => whole.push(pick(r)));
    records.forEachOf(['id', 'date', 'clientId'], (r) => few.push(pick(r)));
    // The row with only a summary is blank in the named fields: null in the narrow pass.
    expect(few).toEqual(whole.map((w, i) => (i === 1 ? null : w)));
    const again = { ...(records.at(2) as ContactRecord), summary: 'read again' };
    records.replace(2, again);
    const seen: (ContactRecord | null)[] = [];
    records.forEachOf(['date'], (r) => seen.push(r));
    expect(seen[2]).toBe(again);
    // The other fields of a narrow record are blank, not another row's.
    expect(seen[0]).toMatchObject({ summary: '', nextFollowUp: null });
  });

  test('finds the same rows nobody applied as a whole pass', () => {
    const { records } = read();
    const whole: number[] = [];
    const few: number[] = [];
    records.forEach((r, i) => isPendingContact(r) && whole.push(i));
    records.forEachOf(PENDING_FIELDS, (r, i) => isPendingContact(r) && few.push(i));
    expect(whole).toEqual([2]);
    expect(few).toEqual(whole);
  });
});
