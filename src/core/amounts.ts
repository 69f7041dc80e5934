/**
 * Numbers as people type them in an amount cell: 80,000 · ￥80,000 · 80000元 · 8万 · 8.5万元 ·
 * 1.2亿 · $50k · RMB 120000. Sheets turns some of these into numbers itself (a currency in the
 * spreadsheet's locale); the rest arrive as text, and a Deal value of "8万" must still count.
 */
const AMOUNT = /^([-+]?)(?:[¥$€£]|rmb|cny|usd|hkd|eur)?([-+]?)(\d+(?:\.\d+)?)(万|亿|千|k)?(?:元|块|圆)?$/i;
const UNIT: Record<string, number> = { 万: 10_000, 亿: 100_000_000, 千: 1_000, k: 1_000 };

/** The number a cell's text stands for, or null when it is no number. */
export function readAmount(text: string): number | null {
  const plain = text.normalize('NFKC').replace(/[,\s]/g, '');
  const m = AMOUNT.exec(plain);
  if (m === null || (m[1] !== '' && m[2] !== '')) return null;
  const sign = m[1] === '-' || m[2] === '-' ? -1 : 1;
  const unit = m[4] === undefined ? 1 : UNIT[m[4].toLowerCase()];
  // Rounded to the cent, so 8.5万 is 85000 and not 84999.99999999999.
  return (sign * Math.round(Number(m[3]) * unit * 100)) / 100;
}
