/**
 * Renamed labels (docs/headers.md): a Chinese workbook made by the previous version — its report
 * tabs, headers, Settings keys and Outcome values in the former wording, the Outcome dropdown offering
 * 已接通 — keeps working as it is, and Setup renames our own labels in place, says what it renamed,
 * and leaves a workbook equal to one made by today's version with the same work in it.
 */
import { globalsFor, startExecution } from '../../src/local/emulator';
import type { TestWorkbook } from '../helpers/workbook';
import { type Row, addRows, editCells, nextRow, trackerWorkbook } from './clients-fixture';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function withApp<T>(wb: TestWorkbook, fn: (app: App) => T): T {
  const exec = startExecution(wb.env, { authMode: 'FULL', kind: 'editor', activeUser: 'editor@example.com' });
  try {
    return fn(globalsFor(exec).SpreadsheetApp as App);
  } finally {
    exec.end();
  }
}

const CLIENTS: Row[] = [
  { 编号: 'C-1', 客户名称: '海纳学校', 负责人: '张伟', 阶段: 'B1 · 已做需求分析', 合同到期日: '2026-09-30' },
  { 编号: 'C-2', 客户名称: '福田物业', 负责人: '张伟' },
];
const CONTACTS: Row[] = [
  { 日期: '2026-03-01 10:00', 客户编号: 'C-1', 跟进人: '张伟', 联系情况: '已联系上', 沟通内容: '想要报价' },
  { 日期: '2026-03-01 11:00', 客户编号: 'C-2', 跟进人: '张伟', 联系情况: '无人接听' },
];

/** Today's version, with the same two clients and two contacts. */
function today(): TestWorkbook {
  const wb = trackerWorkbook({ now: '2026-03-02T01:00:00Z', locale: 'zh_CN' });
  addRows(wb, '客户', CLIENTS);
  addRows(wb, '跟进记录', CONTACTS);
  wb.menu('menuReportsAll');
  return wb;
}

/** The same workbook as the previous version left it: every renamed label in its former wording. */
function previous(): TestWorkbook {
  const wb = today();
  withApp(wb, (app) => {
    const ss = app.getActiveSpreadsheet();
    for (const [now, was] of [
      ['报表·销售漏斗', '报表·漏斗'],
      ['报表·逾期跟进', '报表·逾期'],
      ['报表·流失预警', '报表·流失'],
    ])
      ss.getSheetByName(now)!.setName(was);
    const rename = (tab: string, now: string, was: string): void => {
      const sheet = ss.getSheetByName(tab)!;
      const head = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
      const col = head.indexOf(now) + 1;
      if (col === 0) throw new Error(`no ${now} on ${tab}`);
      sheet.getRange(1, col).setValue(was);
    };
    rename('客户', '手动定级', '级别调整');
    rename('客户', '合同到期日', '到期日');
    rename('跟进记录', '沟通结果', '结果');
    rename('跟进记录', '联系情况', '接通情况');
    const contacts = ss.getSheetByName('跟进记录')!;
    const head = contacts.getRange(1, 1, 1, contacts.getLastColumn()).getValues()[0];
    const outcome = head.indexOf('接通情况') + 1;
    contacts.getRange(2, outcome).setValue('已接通');
    const old = ['已接通', '无人接听', '占线', '信息与号码不符', '一直联系不上', '传真机', '停机', '空号'];
    contacts
      .getRange(2, outcome, contacts.getMaxRows() - 1, 1)
      .setDataValidation(app.newDataValidation().requireValueInList(old, true).setAllowInvalid(true).build());
    const settings = ss.getSheetByName('设置')!;
    const keys = settings.getRange(1, 1, settings.getLastRow(), 1).getValues();
    const row = keys.findIndex((r) => r[0] === '原负责人再次领取间隔（天）') + 1;
    settings.getRange(row, 1).setValue('原负责人重新领取等待（天）');
  });
  return wb;
}

const tabs = (wb: TestWorkbook) => wb.sheetNames();
const everything = (wb: TestWorkbook) =>
  JSON.stringify(
    wb
      .sheetNames()
      .filter((n) => !n.startsWith('报表'))
      .map((n) => [n, wb.values(n)]),
  );

describe('a workbook made by the previous version', () => {
  test('keeps working before anyone runs Setup: former labels are read, no tab is made twice', () => {
    const wb = previous();
    const before = tabs(wb);
    wb.clock.set(Date.parse('2026-03-02T02:00:00Z'));
    editCells(wb, '跟进记录', nextRow(wb, '跟进记录'), '日期', [['2026-03-02 09:00']]);
    editCells(wb, '跟进记录', nextRow(wb, '跟进记录') - 1, '客户编号', [['C-2']]);
    editCells(wb, '跟进记录', nextRow(wb, '跟进记录') - 1, '接通情况', [['已接通']]);
    wb.menu('menuRefresh');
    wb.menu('menuReportsAll');
    // The report tabs were rebuilt where they were, under today's names: none was made twice.
    const renamed: Record<string, string> = {
      '报表·漏斗': '报表·销售漏斗',
      '报表·逾期': '报表·逾期跟进',
      '报表·流失': '报表·流失预警',
    };
    expect(tabs(wb)).toEqual(before.map((n) => renamed[n] ?? n));
    const [head, ...rows] = wb.values('客户');
    // Both contacts that reached the client count, under the old header and the old value.
    expect(rows.map((r) => r[head.indexOf('最近联系')])).toEqual([expect.any(Date), expect.any(Date)]);
    expect(wb.alerts().at(-1)).not.toMatch(/缺少|找不到/);
  });

  test('Setup renames our tabs, headers, Settings key and values in place and says so; then it equals today’s', () => {
    const wb = previous();
    wb.menu('menuSetup');
    const said = wb.alerts().at(-1) ?? '';
    expect(said).toContain('已把工作表“报表·漏斗”改为新版名称“报表·销售漏斗”，内容不变。');
    expect(said).toContain('已把工作表“报表·流失”改为新版名称“报表·流失预警”');
    expect(said).toContain('“级别调整” → “手动定级”');
    expect(said).toContain('“结果” → “沟通结果”');
    expect(said).toContain('“原负责人重新领取等待（天）” → “原负责人再次领取间隔（天）”');
    expect(said).toContain('跟进记录“联系情况”列：1 个单元格已改为新版叫法 “已接通” → “已联系上”，下拉选项也已更新。');
    const fresh = today();
    expect(tabs(wb)).toEqual(tabs(fresh));
    expect(everything(wb)).toEqual(everything(fresh));
    const outcomeColumn = wb.values('跟进记录')[0].indexOf('联系情况') + 1;
    const offered = withApp(wb, (app) => {
      const sheet = app.getActiveSpreadsheet().getSheetByName('跟进记录')!;
      return sheet.getRange(3, outcomeColumn).getDataValidation()?.getCriteriaValues()[0] as string[];
    });
    expect(offered).toContain('已联系上');
    expect(offered).not.toContain('已接通');
    wb.menu('menuSetup');
    expect(wb.alerts().at(-1)).toContain('表格已经是最新的，没有任何改动。');
  });
});
