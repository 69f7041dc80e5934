import {
  LISTS,
  type ListItem,
  type ListName,
  isB2OrBeyond,
  isDowngrade,
  label,
  labels,
  parseEnum,
  parseYesNo,
  readYesNo,
  stageRank,
} from '../../src/core/lists';
import { normalizeLabel } from '../../src/core/normalize';
import { itemLabel, itemLabels } from '../../src/core/lists';

describe('value lists', () => {
  test('Outcome has exactly seed 001’s categories', () => {
    expect(LISTS.outcomes.map((o) => itemLabel(o, 'en'))).toEqual([
      'Reached',
      'No answer',
      'Busy',
      'Wrong number',
      'Unreachable',
      'Fax',
      'Suspended',
      'No such number',
    ]);
    expect(LISTS.outcomes.map((o) => itemLabel(o, 'zh-CN'))).toEqual([
      '已联系上',
      '无人接听',
      '占线',
      '信息与号码不符',
      '一直联系不上',
      '传真机',
      '停机',
      '空号',
    ]);
  });
  test('seed 002 gives ten lost reasons', () => {
    expect(LISTS.lostReasons).toHaveLength(10);
  });
  test.each(Object.keys(LISTS) as ListName[])('no two items of %s answer to the same word', (list) => {
    const owner = new Map<string, string>();
    for (const item of LISTS[list] as readonly ListItem[]) {
      for (const name of [item.code, ...itemLabels(item), ...item.aliases]) {
        const key = normalizeLabel(name);
        const previous = owner.get(key);
        if (previous !== undefined && previous !== item.code)
          throw new Error(`${list}: “${name}” is ${previous} and ${item.code}`);
        owner.set(key, item.code);
      }
    }
  });
  test.each(Object.keys(LISTS) as ListName[])('labels of %s can go into an inline dropdown (no commas)', (list) => {
    for (const l of [...labels(list, 'en'), ...labels(list, 'zh-CN')]) expect(l).not.toMatch(/[,，]/);
  });
});

describe('reading a value in either language', () => {
  test('outcomes', () => {
    expect(parseEnum('outcomes', 'Reached')).toBe('reached');
    expect(parseEnum('outcomes', '已接通')).toBe('reached');
    expect(parseEnum('outcomes', ' no ANSWER ')).toBe('noAnswer');
    expect(parseEnum('outcomes', '空号')).toBe('noSuchNumber');
    expect(parseEnum('outcomes', '信息与号码不符')).toBe('wrongNumber');
    expect(parseEnum('outcomes', 'maybe')).toBeNull();
    expect(parseEnum('outcomes', '')).toBeNull();
    expect(parseEnum('outcomes', null)).toBeNull();
  });
  test('stages by label, short code or synonym', () => {
    expect(parseEnum('stages', 'B2 · Proposal & site visit')).toBe('B2');
    expect(parseEnum('stages', 'b2')).toBe('B2');
    expect(parseEnum('stages', 'A · 已沟通未进入会程')).toBe('A');
    expect(parseEnum('stages', '成交·入会')).toBe('won');
    expect(parseEnum('stages', '流失')).toBe('lost');
  });
  test('kinds, results, channels, roles, grades', () => {
    expect(parseEnum('kinds', '间接型')).toBe('keyPerson');
    expect(parseEnum('results', '联动商机')).toBe('opportunity');
    expect(parseEnum('results', 'key person left')).toBe('keyPersonLeft');
    expect(parseEnum('channels', '微信')).toBe('wechat');
    expect(parseEnum('roles', '总监')).toBe('director');
    expect(parseEnum('grades', 'a')).toBe('A');
    expect(parseEnum('grades', 'B级')).toBe('B');
    expect(parseEnum('grades', 'E')).toBeNull();
  });
  test('labels in each language', () => {
    expect(label('outcomes', 'noAnswer', 'en')).toBe('No answer');
    expect(label('outcomes', 'noAnswer', 'zh-CN')).toBe('无人接听');
    expect(label('statuses', 'inPool', 'zh-CN')).toBe('公海');
  });
  test('stage order and B2 and beyond', () => {
    expect(stageRank('A')).toBeLessThan(stageRank('A2'));
    expect(stageRank('B3')).toBeLessThan(stageRank('won'));
    expect(['A', 'A2', 'B1', 'B2', 'B3', 'won', 'lost'].filter((s) => isB2OrBeyond(s as 'A'))).toEqual(['B2', 'B3']);
  });
  test('downgrades', () => {
    expect(isDowngrade('A', 'B')).toBe(true);
    expect(isDowngrade('C', 'B')).toBe(false);
    expect(isDowngrade('B', 'B')).toBe(false);
  });
});

describe('yes/no cells', () => {
  test.each(['yes', 'Yes', 'YES', 'y', 'Y', 'true', 'TRUE', '是', '有', ' yes ', 'ｙｅｓ', '✓'])('“%s” is yes', (v) => {
    expect(parseYesNo(v)).toBe(true);
  });
  test('a checkbox', () => {
    expect(parseYesNo(true)).toBe(true);
    expect(parseYesNo(false)).toBe(false);
  });
  test.each(['no', 'N', 'false', '否', '无', ''])('“%s” is no', (v) => {
    expect(parseYesNo(v)).toBe(false);
    expect(readYesNo(v)).toBe(false);
  });
  test('anything else counts as not yes, and is recognisably not a yes/no', () => {
    for (const v of ['maybe', '1', 'ok', '对']) {
      expect(parseYesNo(v)).toBe(false);
      expect(readYesNo(v)).toBeNull();
    }
    expect(parseYesNo(1)).toBe(false);
    expect(readYesNo(null)).toBe(false);
  });
});
