/**
 * Without a readable Settings tab the sidebar carries on with the default settings and says so once,
 * at the top, in the sidebar's language; a menu action on the same workbook stops with one sentence
 * naming the tab instead (src/gas/settings-tab.ts).
 */
import { render } from '../../../src/core/i18n';
import { mailState, uiState } from '../../../src/local/emulator/services';
import type { SidebarContext } from '../../../src/contract/types';
import { asEditor, lastAlert } from '../clients-fixture';
import { sidebarWorkbook } from './fixture';

function context(wb: ReturnType<typeof sidebarWorkbook>): SidebarContext {
  return wb.client('sidebarContext', []) as SidebarContext;
}

test('with the Settings tab in place the sidebar says nothing about settings', () => {
  expect(context(sidebarWorkbook()).settingsFallback).toBeNull();
});

test('without a Settings tab the sidebar opens on the defaults and says so; Refresh from the menu stops with one sentence', () => {
  const wb = sidebarWorkbook();
  asEditor(wb, (ss) => ss.deleteSheet(ss.getSheetByName('Settings')!));
  const ctx = context(wb);
  expect(ctx.intervals).toEqual({ A: 3, B: 7, C: 14, D: 30 });
  expect(render('en', ctx.settingsFallback!)).toBe(
    'There is no Settings tab, so the sidebar works with the default settings (follow-up intervals, retry days). Run Set up / upgrade sheets to add it.',
  );
  expect(render('zh-CN', ctx.settingsFallback!)).toBe(
    '找不到“Settings”工作表，侧边栏暂按默认设置（跟进间隔、再跟进天数等）工作。请运行“初始化 / 更新表格结构”来添加它。',
  );
  wb.menu('menuRefresh');
  expect(lastAlert(wb)).toContain('There is no Settings tab. Run Set up / upgrade sheets to create it.');
});

test('a Settings tab where no setting can be read: the defaults, and the sidebar says so naming the tab', () => {
  const wb = sidebarWorkbook({ locale: 'zh_CN' });
  asEditor(wb, (ss) => {
    const sheet = ss.getSheetByName('设置')!;
    sheet
      .getRange(2, 1, sheet.getLastRow() - 1, 1)
      .setValues(Array.from({ length: sheet.getLastRow() - 1 }, (_, i) => [`第${i + 1}项`]));
  });
  const ctx = context(wb);
  expect(ctx.lang).toBe('zh-CN');
  expect(ctx.intervals).toEqual({ A: 3, B: 7, C: 14, D: 30 });
  expect(render('zh-CN', ctx.settingsFallback!)).toBe(
    '“设置”工作表里认不出任何设置项，侧边栏暂按默认设置（跟进间隔、再跟进天数等）工作。请运行“初始化 / 更新表格结构”来补全。',
  );
});

test('one unreadable value is not the whole tab: no notice (Refresh reports the value)', () => {
  const wb = sidebarWorkbook();
  asEditor(wb, (ss) => {
    const sheet = ss.getSheetByName('Settings')!;
    sheet.getRange(2, 2).setValue('soon');
  });
  expect(context(wb).settingsFallback).toBeNull();
});

test('without a Settings tab the daily run (Run now) stops at its first step with that one sentence, sending nothing', () => {
  const wb = sidebarWorkbook();
  asEditor(wb, (ss) => ss.deleteSheet(ss.getSheetByName('Settings')!));
  wb.menu('menuScheduleRunNow');
  const shown = uiState(wb.env).dialogs.at(-1)?.prompt ?? '';
  expect(shown.split('There is no Settings tab. Run Set up / upgrade sheets to create it.')).toHaveLength(2);
  expect(shown).toContain('Refresh failed: There is no Settings tab.');
  expect(mailState(wb.env).sent).toHaveLength(0);
});
