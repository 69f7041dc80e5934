import { normalizeLabel } from '../../src/core/normalize';
import {
  type ColumnDef,
  TABLES,
  TABS,
  type TabName,
  type TableName,
  findHeaders,
  header,
  matchTabName,
} from '../../src/core/schema';
import { LANGS, type Lang } from '../../src/core/i18n';
import { labelsOf, tabName } from '../../src/core/schema';

const tables = Object.keys(TABLES) as TableName[];

describe('the headers Setup writes are the headers every reader finds', () => {
  /** Each column's header as Setup writes it (src/gas/setup.ts), language by column. */
  const written = (table: TableName, langOf: (i: number) => Lang): string[] =>
    (TABLES[table] as readonly ColumnDef[]).map((c, i) => header(table, c.key as never, langOf(i)));
  const inOrder = (table: TableName) =>
    Object.fromEntries((TABLES[table] as readonly ColumnDef[]).map((c, i) => [c.key, i]));

  test.each(tables.flatMap((table) => LANGS.map((lang) => [table, lang] as const)))(
    'a %s header row written in %s is read column for column, nothing missing, unknown or twice',
    (table, lang) => {
      const found = findHeaders(
        table,
        written(table, () => lang),
      );
      expect(found.map).toEqual(inOrder(table));
      expect([found.missing, found.missingRequired, found.unknown, found.duplicates]).toEqual([[], [], [], []]);
    },
  );
  test.each(tables)('a %s header row half in one language, half in the other, reads the same', (table) => {
    const found = findHeaders(
      table,
      written(table, (i) => LANGS[i % LANGS.length]),
    );
    expect(found.map).toEqual(inOrder(table));
    expect(found.duplicates).toEqual([]);
  });
  test.each(tables)('no two columns of %s answer to the same name', (table) => {
    const owner = new Map<string, string>();
    for (const def of TABLES[table] as readonly ColumnDef[]) {
      for (const name of [...labelsOf(def.label), ...def.aliases]) {
        const key = normalizeLabel(name);
        const previous = owner.get(key);
        if (previous !== undefined && previous !== def.key)
          throw new Error(`${table}: “${name}” is both ${previous} and ${def.key}`);
        owner.set(key, def.key);
      }
    }
  });
});

describe('finding headers by name, never by position', () => {
  test('a user’s own 客户跟踪表 with 客户名称, 电话, 负责人', () => {
    const found = findHeaders('clients', ['客户名称', '电话', '负责人', '楼号', '需求量', '计划日期', '装修风格']);
    expect(found.map).toEqual({ name: 0, phone: 1, owner: 2, address: 3, need: 4, expectedDate: 5 });
    expect(found.unknown).toEqual([{ index: 6, header: '装修风格' }]);
    expect(found.missingRequired).toEqual(['id']);
    expect(found.missing).toContain('grade');
  });
  test('case, spaces, full-width forms and punctuation do not matter', () => {
    const found = findHeaders('clients', [
      ' id ',
      'NAME',
      'next  follow up',
      'Ｐｈｏｎｅ　Ｎｕｍｂｅｒ',
      'Grade-Override',
      '级别',
      'E-mail',
    ]);
    expect(found.map).toEqual({ id: 0, name: 1, nextFollowUp: 2, phone: 3, gradeOverride: 4, grade: 5, email: 6 });
    expect(found.missingRequired).toEqual([]);
  });
  test('reordered columns map to their new places', () => {
    const found = findHeaders('contacts', ['Outcome', 'Client ID', 'Date', 'Notes']);
    expect(found.map).toEqual({ outcome: 0, clientId: 1, date: 2, summary: 3 });
    expect(found.missingRequired).toEqual([]);
  });
  test('a missing required column is named', () => {
    expect(findHeaders('contacts', ['Date', 'Client']).missingRequired).toEqual(['clientId', 'outcome']);
  });
  test('a second header for the same column is reported, the first one is used', () => {
    const found = findHeaders('clients', ['ID', 'Phone', 'Mobile']);
    expect(found.map.phone).toBe(1);
    expect(found.duplicates).toEqual([{ index: 2, header: 'Mobile', key: 'phone' }]);
  });
  test('blank header cells are neither columns nor user columns', () => {
    const found = findHeaders('team', ['Name', '', null, 'Email']);
    expect(found.map).toEqual({ name: 0, email: 3 });
    expect(found.unknown).toEqual([]);
  });
  test('phone synonyms', () => {
    for (const h of ['Phone', 'Phone number', 'Mobile', 'Tel', '电话', '手机', '联系电话', '手机号']) {
      expect(findHeaders('clients', [h]).map).toEqual({ phone: 0 });
    }
  });
  test('owner synonyms', () => {
    for (const h of ['Owner', 'Salesperson', '负责人', '业务员', '跟进人']) {
      expect(findHeaders('clients', [h]).map).toEqual({ owner: 0 });
    }
  });
});

describe('tab names', () => {
  const names = Object.keys(TABS) as TabName[];
  test.each(names)('%s is a valid Excel sheet name in both languages', (tab) => {
    for (const name of [...labelsOf(TABS[tab].label)]) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[:\\/?*[\]]/);
      expect(name.toLowerCase()).not.toBe('history');
    }
  });
  test('report tabs start with Report in English', () => {
    expect(tabName('daily', 'en')).toBe('Report · Daily');
    expect(tabName('persistence', 'zh-CN')).toBe('报表·跟进深度');
  });
  test('a tab is recognised by either language or an alias', () => {
    expect(matchTabName('clients', ['Sheet1', '客户跟踪表'])).toBe('客户跟踪表');
    expect(matchTabName('clients', ['客户'])).toBe('客户');
    expect(matchTabName('contacts', ['follow-ups'])).toBe('follow-ups');
    expect(matchTabName('changes', ['History'])).toBeNull();
    expect(matchTabName('team', ['Sheet1'])).toBeNull();
  });
  test('the canonical name wins over an alias', () => {
    expect(matchTabName('clients', ['Customers', 'Clients'])).toBe('Clients');
    expect(matchTabName('clients', ['客户档案', ' clients '])).toBe(' clients ');
  });
});
