/**
 * The funnel's deal value of open stages, in a zh-CN workbook whose Deal values (成交金额) were typed
 * the way a sales team writes amounts: a number, ￥80,000, 8万, 12.5万元.
 */
import { addRows, day, trackerWorkbook } from './clients-fixture';

describe('the funnel shows the deal value of open stages', () => {
  const wb = trackerWorkbook({ now: '2026-03-02T10:00:00Z', locale: 'zh_CN' });
  const client = (id: string, stage: string, value: string | number) => ({
    编号: id,
    客户名称: `客户${id}`,
    负责人: '张伟',
    阶段: stage,
    成交金额: value,
    创建日期: day(wb, '2026-01-05'),
  });
  addRows(wb, '客户', [
    client('C1', 'B2 · 方案与考察', 50000),
    client('C2', '已沟通', '￥80,000'),
    client('C3', 'B3', '8万'),
    client('C4', 'B3', '12.5万元'),
    client('C5', '成交', 70000),
    client('C6', 'B1', '待定'),
  ]);
  wb.menu('menuReportsAll');
  const rows = wb.values('报表·销售漏斗');
  const value = (stage: string) => {
    const header = rows.find((r) => r[0] === '阶段')!;
    return rows.find((r) => r[0] === stage)?.[header.indexOf('成交金额')];
  };

  test('each open stage sums its clients’ Deal values, whichever way they were typed', () => {
    expect(
      ['A · 已沟通未进入会程', 'A2 · 初次会谈', 'B1 · 需求分析', 'B2 · 方案与考察', 'B3 · 商务谈判', '成交'].map(value),
    ).toEqual([80_000, 0, 0, 50_000, 205_000, 70_000]);
    expect(value('合计')).toBe(405_000);
  });

  test('a Deal value that is no amount counts as none, and Refresh says which cell it is', () => {
    wb.menu('menuRefresh');
    expect(wb.alerts().join('\n')).toContain('“成交金额”中的“待定”不是数字');
  });
});
