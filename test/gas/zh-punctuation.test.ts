/**
 * Chinese as a sales team writes it: sentences of one message run on after "。" with no space, and
 * lists are joined with "、". A Chinese workbook through the menus people use most, with problems to
 * report, is read for a space after a Chinese full stop in every alert, toast and report cell.
 */
import { addRows, day, trackerWorkbook } from './clients-fixture';

test('no alert, toast or report cell of a Chinese workbook puts a space after “。”', () => {
  const wb = trackerWorkbook({ now: '2026-03-02T10:00:00Z', locale: 'zh_CN' });
  addRows(wb, '客户', [
    { 编号: 'C1', 客户名称: '华信科技', 负责人: '张伟', 阶段: 'B2', 成交金额: '待定', 创建日期: day(wb, '2026-01-05') },
    {
      编号: 'C2',
      客户名称: '博远酒店',
      负责人: '张伟',
      阶段: 'B3',
      计划日期: '下个月',
      创建日期: day(wb, '2026-01-06'),
    },
  ]);
  for (const fn of ['menuRefresh', 'menuReportsAll', 'menuPoolRelease', 'menuScheduleStatus', 'menuSelfCheck'])
    wb.menu(fn);
  const toasts = ((wb.env.services.get('toasts') as { message: string }[] | undefined) ?? []).map((t) => t.message);
  const reportCells = wb
    .sheetNames()
    .filter((name) => name.startsWith('报表'))
    .flatMap((name) => wb.values(name).flat())
    .filter((v): v is string => typeof v === 'string');
  const texts = [...wb.alerts(), ...toasts, ...reportCells];
  expect(texts.some((text) => text.includes('。'))).toBe(true);
  expect(texts.filter((text) => /。 +\S/.test(text))).toEqual([]);
});
