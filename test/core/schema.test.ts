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
import { t } from '../../src/core/i18n';
import { labelsOf, tabName } from '../../src/core/schema';

const tables = Object.keys(TABLES) as TableName[];

describe('the canonical columns of issue 3', () => {
  test('Clients has exactly these English headers, in this order', () => {
    expect(TABLES.clients.map((c) => t('en', c.label))).toEqual([
      'ID',
      'Name',
      'Follow-up state',
      'Contact',
      'Title',
      'Phone',
      'Email',
      'Address',
      'Kind',
      'Source',
      'Owner',
      'Collaborator',
      'Stage',
      'Grade',
      'Grade override',
      'Status',
      'Need',
      'Need confirmed',
      'Budget confirmed',
      'Decision maker',
      'Competitors',
      'Expected date',
      'Last contact',
      'Next follow-up',
      'Next owner',
      'Next topic',
      'Next step set',
      'Pool release',
      'Deal value',
      'Expiry date',
      'Satisfaction',
      'Segment',
      'Lost reason',
      'Created',
      'Notes',
      'Stage recorded',
      'Plan recorded',
      'Stage set',
    ]);
  });
  test('Contacts, Team, Changes and Settings too', () => {
    expect(TABLES.contacts.map((c) => t('en', c.label))).toEqual([
      'ID',
      'Date',
      'Client ID',
      'Client',
      'By',
      'Channel',
      'Outcome',
      'Result',
      'Summary',
      'Objections',
      'Attitude',
      'Reason',
      'Next follow-up',
      'Next owner',
      'Next topic',
      'Stage after',
      'Grade after',
    ]);
    expect(TABLES.team.map((c) => t('en', c.label))).toEqual([
      'Name',
      'Email',
      'Role',
      'Manager',
      'Active',
      'Digest',
      'Language',
    ]);
    expect(TABLES.changes.map((c) => t('en', c.label))).toEqual([
      'ID',
      'Date',
      'Client ID',
      'What',
      'Old',
      'New',
      'By',
      'Reason',
    ]);
    expect(TABLES.settings.map((c) => t('en', c.label))).toEqual(['Key', 'Value', 'Notes']);
  });
  test('Follow-up state, Grade, Status, Last contact, Next step set, Pool release, Segment, Stage recorded, Plan recorded and Stage set are the computed columns', () => {
    const computed = (TABLES.clients as readonly ColumnDef[]).filter((c) => c.computed).map((c) => t('en', c.label));
    expect(computed).toEqual([
      'Follow-up state',
      'Grade',
      'Status',
      'Last contact',
      'Next step set',
      'Pool release',
      'Segment',
      'Stage recorded',
      'Plan recorded',
      'Stage set',
    ]);
  });
  test('phone and IDs stay plain text', () => {
    const phone = TABLES.clients.find((c) => c.key === 'phone');
    expect(phone?.type).toBe('plainText');
    expect(phone?.format).toBe('@');
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
  test('headers in both languages', () => {
    expect(header('clients', 'nextFollowUp', 'en')).toBe('Next follow-up');
    expect(header('clients', 'phone', 'zh-CN')).toBe('电话');
    expect(header('contacts', 'outcome', 'zh-CN')).toBe('联系情况');
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
