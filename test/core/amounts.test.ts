/** Amounts as a sales team types them into Deal value (and the sidebar's number fields). */
import { readAmount } from '../../src/core/amounts';

describe('an amount typed as text', () => {
  test.each([
    ['80000', 80_000],
    ['80,000', 80_000],
    ['￥80,000', 80_000],
    ['¥ 80 000', 80_000],
    ['80000元', 80_000],
    ['8万', 80_000],
    ['8.5万元', 85_000],
    ['1.2亿', 120_000_000],
    ['$50k', 50_000],
    ['RMB 120000', 120_000],
    ['-3,000', -3_000],
    ['３０００', 3_000],
  ])('“%s” is %d', (text, expected) => {
    expect(readAmount(text)).toBe(expected);
  });

  test.each(['', 'about 8万', '8万5', 'TBD', '--5', '¥', '5 5 万 万', '1.2.3'])('“%s” is no number', (text) => {
    expect(readAmount(text)).toBeNull();
  });
});
