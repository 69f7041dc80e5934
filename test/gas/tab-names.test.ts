/**
 * Which tab is Clients when a workbook holds two that could be: every operation looks ours up by its
 * name in the workbook's language first (one call, src/gas/table.ts Tabs) and lists the tabs only when
 * that misses; they must all pick the same one, or a client added in the sidebar would be refreshed,
 * reported and released from another tab. Here a Chinese tracker keeps an old English "Clients" tab,
 * leftmost (before, the leftmost exact name won: Refresh and Set up took the old tab).
 */
import { newSheetModel } from '../../src/local/emulator/model';
import { sidebarWorkbook } from './sidebar/fixture';

function trackerWithOldEnglishTab() {
  const wb = sidebarWorkbook({ locale: 'zh_CN' });
  const ours = wb.sheet('客户');
  const old = newSheetModel(wb.env.spreadsheet.nextSheetId++, 'Clients');
  const header = [...ours.values[0]];
  const row = header.map(() => '' as string);
  row[header.indexOf('客户名称')] = '旧表里的客户';
  row[header.indexOf('编号')] = 'C-OLD1';
  old.values = [header, row];
  old.maxRows = 20;
  old.maxColumns = header.length;
  wb.env.spreadsheet.sheets.unshift(old);
  return wb;
}

test('the sidebar, Refresh and Set up use the same Clients tab: the one named in the workbook language', () => {
  const wb = trackerWithOldEnglishTab();
  const added = wb.client('addClient', [{ name: '新开的贸易公司', phone: '137 0000 3333' }]) as { ok: boolean };
  expect(added.ok).toBe(true);
  const names = (tab: string) => wb.values(tab).map((r) => r[wb.values(tab)[0].indexOf('客户名称')]);
  expect(names('客户')).toContain('新开的贸易公司');
  const oldBefore = JSON.stringify(wb.values('Clients'));

  wb.menu('menuRefresh');
  wb.menu('menuSetup');
  // Refresh worked on 客户 (the new client got its follow-up state), and left the old tab alone.
  expect(JSON.stringify(wb.values('Clients'))).toBe(oldBefore);
  const ours = wb.values('客户');
  const row = ours.find((r) => r[ours[0].indexOf('客户名称')] === '新开的贸易公司');
  expect(row?.[ours[0].indexOf('级别')]).toBe('D');
  // Search finds what is on 客户, not what is on the old tab.
  const hits = (q: string) => (wb.client('searchClients', [q]) as { hits: { name: string }[] }).hits.map((h) => h.name);
  expect(hits('新开的')).toEqual(['新开的贸易公司']);
  expect(hits('旧表里')).toEqual([]);
});
