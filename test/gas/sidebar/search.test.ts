/**
 * Search-as-you-type (issue 6): by name, contact, phone digits in any formatting, or ID; the
 * salesperson's own clients first; at most 20; fast at 50,000 clients thanks to a compact index kept
 * in the document cache in chunks under 100 KB, dropped when the sidebar writes.
 */
import { cacheState } from '../../../src/local/emulator/services';
import { callFromClient } from '../../../src/local/runner';
import type { ClientCard, SearchResult, WriteResult } from '../../../src/contract/types';
import { bundle } from '../../helpers/bundle';
import { ACME, HUAWEI, putRows, sidebarWorkbook, ZHANG } from './fixture';

function ids(result: unknown): string[] {
  return (result as SearchResult).hits.map((h) => h.id);
}

describe('what a search finds', () => {
  const wb = sidebarWorkbook({ filler: 40 });
  const search = (q: string): string[] => ids(wb.client('searchClients', [q]));

  test('by part of the name, ignoring case and punctuation', () => {
    expect(search('acme trading')).toEqual([ACME]);
    expect(search('ACME, TRADING')).toEqual([ACME]);
  });

  test('by a Chinese name typed with half-width brackets and spaces', () => {
    expect(search('华为技术 (深圳)')).toEqual([HUAWEI]);
  });

  test('by the contact person', () => {
    expect(search('mr wang')).toEqual([ACME]);
    expect(search('李经理')).toEqual([HUAWEI]);
  });

  test('by phone digits whatever the formatting, with or without +86', () => {
    expect(search('13800138000')).toEqual([ACME]);
    expect(search('138-0013-8000')).toEqual([ACME]);
    expect(search('0755 2878 0808')).toEqual([]);
    expect(search('755-2878-0808')).toEqual([HUAWEI]);
  });

  test('by ID, exactly or by its start', () => {
    expect(search('c-acme')).toEqual([ACME]);
    expect(search('C-F0003')).toEqual([
      'C-F00030',
      'C-F00031',
      'C-F00032',
      'C-F00033',
      'C-F00034',
      'C-F00035',
      'C-F00036',
      'C-F00037',
      'C-F00038',
      'C-F00039',
    ]);
  });

  test('returns at most 20 and says there are more', () => {
    const result = wb.client('searchClients', ['client']) as SearchResult;
    expect(result.hits).toHaveLength(20);
    expect(result.more).toBe(true);
  });

  test('a blank query finds nothing without touching the sheet', () => {
    expect(wb.client('searchClients', ['  '])).toEqual({ hits: [], more: false });
  });
});

describe('Chinese names by pinyin and initials, as a Chinese team types them', () => {
  const wb = sidebarWorkbook({ filler: 10 });
  putRows(
    wb,
    'Clients',
    [
      { ID: 'C-HN', Name: '海纳学校' },
      { ID: 'C-ZJ', Name: '张记五金店' },
      { ID: 'C-CQ', Name: '重庆银行股份有限公司' },
      { ID: 'C-ZY', Name: '重要客户服务中心' },
      { ID: 'C-HX', Name: 'Hainan Export Ltd' },
      { ID: 'C-XB', Name: 'Xuexiao Books' },
    ],
    14,
  );
  const search = (q: string): string[] => ids(wb.client('searchClients', [q]));

  test('full pinyin and initials find the Chinese name (the pinyin table in the bundle, in the Apps Script sandbox)', () => {
    // A Latin name starting with the letters ranks the same: both start with them.
    expect(search('haina')).toEqual(['C-HX', 'C-HN']);
    expect(search('hnxx')).toEqual(['C-HN']);
    expect(search('zhang')).toEqual(['C-ZJ']);
    expect(search('zjwj')).toEqual(['C-ZJ']);
  });

  test('polyphones are read from their context: 重庆 is chongqing, 银行 is yinhang, 重要 is zhongyao', () => {
    expect(search('chongqing')).toEqual(['C-CQ']);
    expect(search('yinhang')).toEqual(['C-CQ']);
    expect(search('yinxing')).toEqual([]);
    expect(search('zhongyao')).toEqual(['C-ZY']);
    expect(search('chongyao')).toEqual([]);
  });

  test('a name starting with the query ranks before a pinyin found inside a name', () => {
    expect(search('xuexiao')).toEqual(['C-XB', 'C-HN']);
    // Inside the pinyin of every …有限公司 (the fixture's 华为技术（深圳）有限公司 too), by name.
    expect(search('gongsi')).toEqual(['C-HW', 'C-CQ']);
  });
});

describe('own clients first', () => {
  test('the signed-in salesperson sees the clients they own (or follow up next) before everyone else’s', () => {
    const wb = sidebarWorkbook({ filler: 6 });
    putRows(wb, 'Clients', [{ ID: 'C-MINE', Name: 'Client 99999', Owner: ZHANG }], 9);
    const result = wb.client('searchClients', ['client']) as SearchResult;
    expect(result.hits[0]).toEqual({
      id: 'C-MINE',
      name: 'Client 99999',
      contact: '',
      phone: '',
      owner: ZHANG,
      mine: true,
    });
    expect(result.hits.slice(1).every((h) => !h.mine)).toBe(true);
  });
});

describe('the cached index', () => {
  test('at 50,000 clients it is cached in chunks under 100 KB, and a warm keystroke makes 3 Spreadsheet calls', () => {
    const wb = sidebarWorkbook({ filler: 50_000 });
    expect(ids(wb.client('searchClients', ['Client 49999']))).toEqual(['C-F49999']);
    const values = [...(cacheState(wb.env).get(`document:${wb.env.spreadsheet.id}`)?.values() ?? [])];
    expect(values.length).toBeGreaterThan(20);
    expect(Math.max(...values.map((v) => Buffer.byteLength(v.value)))).toBeLessThan(100 * 1024);
    const before = wb.env.counters.spreadsheetCalls();
    expect(ids(wb.client('searchClients', ['13900049998']))).toEqual(['C-F49998']);
    expect(wb.env.counters.spreadsheetCalls() - before).toBe(3);
  });

  test('a client added from the sidebar is found at once; one typed into the sheet is found once the tab grows', () => {
    const wb = sidebarWorkbook({ filler: 5 });
    expect(ids(wb.client('searchClients', ['zebra']))).toEqual([]);
    const added = wb.client('addClient', [{ name: 'Zebra Logistics' }]) as WriteResult<ClientCard>;
    expect(added.ok).toBe(true);
    const newId = added.ok ? added.value.fields.id : '';
    expect(ids(wb.client('searchClients', ['zebra']))).toEqual([newId]);
    putRows(wb, 'Clients', [{ ID: 'C-TYPED', Name: 'Zebra Typed In' }], wb.sheet('Clients').values.length + 1);
    expect(ids(wb.client('searchClients', ['zebra']))).toEqual([newId, 'C-TYPED']);
  });

  test('another user searching sees their own clients first, not the first user’s', () => {
    const wb = sidebarWorkbook({ filler: 4 });
    putRows(wb, 'Clients', [{ ID: 'C-AMY', Name: 'Client 77777', Owner: 'Amy' }], 8);
    const zhang = wb.client('searchClients', ['client']) as SearchResult;
    expect(zhang.hits.filter((h) => h.mine)).toEqual([]);
    const amy = callFromClient(bundle(), wb.env, 'amy@example.com', 'searchClients', ['client']) as SearchResult;
    expect(amy.hits.map((h) => `${h.id}${h.mine ? ' (mine)' : ''}`)).toEqual([
      'C-F00002 (mine)',
      'C-F00004 (mine)',
      'C-AMY (mine)',
      'C-F00001',
      'C-F00003',
    ]);
  });
});
