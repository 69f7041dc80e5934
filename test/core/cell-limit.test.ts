/** Google's cell count (every tab's grid, empty cells included) and the 90 % threshold. */
import { CELL_LIMIT, cellUse, cellUseOf, cellWarning } from '../../src/core/cell-limit';
import { render } from '../../src/core/i18n';

describe('cells as Google counts them', () => {
  test('every tab’s rows × columns, whatever is typed in them', () => {
    // Sheets' default new tab (1000 × 26) and a stretched one.
    expect(
      cellUse([
        { rows: 1000, columns: 26 },
        { rows: 200_000, columns: 30 },
      ]).used,
    ).toBe(6_026_000);
  });

  test('the warning starts at exactly 90 % of 10,000,000', () => {
    expect(CELL_LIMIT).toBe(10_000_000);
    expect(cellUseOf(8_999_999).nearlyFull).toBe(false);
    expect(cellWarning(cellUseOf(8_999_999))).toBeNull();
    expect(cellUseOf(9_000_000).nearlyFull).toBe(true);
    expect(cellUseOf(8_999_999).percent).toBe(89);
  });

  test('one sentence in each language, with the share and the count', () => {
    const warning = cellWarning(cellUseOf(9_512_345))!;
    expect(render('en', warning)).toMatch(/^This spreadsheet is 95% full \(9,512,345 of the 10,000,000 cells/);
    expect(render('zh-CN', warning)).toMatch(
      /^这个表格已经用了 95%（Google 每个文件最多 10,000,000 个单元格，现在已用 9,512,345 个）/,
    );
  });
});
