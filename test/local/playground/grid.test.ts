/**
 * The playground colours the grid the way Sheets would today, by evaluating the conditional format
 * rules that the add-on's own setup created (run here through the built bundle).
 */
import { findHeaders } from '../../../src/core/schema';
import type { CellValue } from '../../../src/local/emulator/model';
import { zonedDate } from '../../../src/local/emulator/spreadsheet';
import { parseFormula, type FormulaValue } from '../../../src/local/emulator/formula';
import { tabGrid } from '../../../src/local/playground/grid';
import { newWorkbook } from '../../helpers/workbook';

const OVERDUE = 'background:#f4c7c3;color:#7f0000;font-weight:bold';
const DUE_TODAY = 'background:#fde9a9;color:#5c4400';
const UNPLANNED = 'background:#e0e0e0;color:#424242;font-style:italic';
const POOL_SOON = 'background:#d5cfe8;color:#311b6b;font-style:italic';

/** A set-up workbook with these clients typed in; returns each client's row look for `now`. */
function looks(
  timeZone: string,
  now: Date,
  clients: {
    name: string;
    status: string;
    next: [number, number, number] | null;
    stage?: string;
    pool?: [number, number, number];
  }[],
) {
  const wb = newWorkbook({ timeZone });
  wb.menu('menuSetup');
  const sheet = wb.sheet('Clients');
  const map = findHeaders('clients', sheet.values[0]).map;
  clients.forEach((c, i) => {
    const row: CellValue[] = new Array<CellValue>(sheet.values[0].length).fill('');
    row[map.id!] = `C-${i + 1}`;
    row[map.name!] = c.name;
    row[map.status!] = c.status;
    if (c.next) row[map.nextFollowUp!] = zonedDate(timeZone, ...c.next);
    if (c.stage) row[map.stage!] = c.stage;
    if (c.pool) row[map.poolRelease!] = zonedDate(timeZone, ...c.pool);
    sheet.values[i + 1] = row;
  });
  const grid = tabGrid(wb.env.spreadsheet, sheet, now);
  return grid.rows.slice(1).map((row) => grid.styles[row[map.name!][1]]);
}

describe('highlighting evaluated for today', () => {
  const now = new Date('2026-03-02T01:00:00Z'); // 09:00 in Shanghai, 17:00 on 1 March in Los Angeles

  test('a client whose next follow-up was yesterday is overdue; today is due; none is unplanned', () => {
    expect(
      looks('Asia/Shanghai', now, [
        { name: 'Harbor Hotel', status: 'Active', next: [2026, 3, 1] },
        { name: '华信科技', status: 'Active', next: [2026, 3, 2] },
        { name: 'Summit Cafe', status: 'Active', next: null },
        { name: 'Oakwood', status: 'Active', next: [2026, 3, 9] },
      ]),
    ).toEqual([OVERDUE, DUE_TODAY, UNPLANNED, '']);
  });

  test('a Lost client is never overdue', () => {
    expect(looks('Asia/Shanghai', now, [{ name: 'Gone Ltd', status: 'Lost', next: [2026, 2, 1] }])).toEqual(['']);
  });

  test('Won and pooled clients are never overdue, due or unplanned; a Stage typed as Won counts at once', () => {
    expect(
      looks('Asia/Shanghai', now, [
        { name: 'Harbor Hotel', status: 'Won', next: [2025, 11, 12] },
        { name: 'Pool Co', status: 'In pool', next: [2026, 3, 2] },
        { name: '华信科技', status: 'Active', stage: '成交', next: [2025, 11, 12] },
        { name: 'Summit Cafe', status: '公海', next: null },
        { name: 'Oakwood', status: 'Dormant', stage: 'B3 · Negotiation', next: [2025, 11, 12] },
      ]),
    ).toEqual(['', '', '', '', OVERDUE]);
  });

  test('a client about to drop into the pool shows it, unless its Stage already says Won or Lost', () => {
    expect(
      looks('Asia/Shanghai', now, [
        { name: 'Oakwood', status: 'Active', next: [2026, 3, 9], pool: [2026, 3, 5] },
        { name: '华信科技', status: 'Active', stage: 'Signed', next: [2026, 3, 9], pool: [2026, 3, 5] },
      ]),
    ).toEqual([POOL_SOON, '']);
  });

  test("today is the spreadsheet's: in Los Angeles the same instant is still 1 March", () => {
    expect(looks('America/Los_Angeles', now, [{ name: 'Harbor Hotel', status: 'Active', next: [2026, 3, 1] }])).toEqual(
      [DUE_TODAY],
    );
  });
});

describe('the formula evaluator', () => {
  const cells: Record<string, FormulaValue> = { '1,1': 46083.5, '2,1': 'Lost', '3,1': null, '1,2': 3 };
  const scope = { today: 46083, cell: (r: number, c: number) => cells[`${r},${c}`] ?? null };
  const value = (f: string, dr = 0, dc = 0) => parseFormula(f).evaluate(scope, dr, dc);

  test.each([
    ['=INT($A1)=TODAY()', true],
    ['=INT(A1)<TODAY()', false],
    ['=N("ct:overdue")=0', true],
    ['=AND(ISNUMBER(A1),NOT(OR(A2="lost",A2="流失")))', false],
    ['=A3=""', true],
    ['=A3=0', true],
    ['=ISBLANK(A3)', true],
    ['=B1*2+1', 7],
    ['=-B1&"x"', '-3x'],
    ['=B1>=3', true],
    ['="b">"A"', true],
    ['=1<"a"', true],
  ])('%s is %j', (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  test('relative references move with the cell, absolute ones stay', () => {
    expect(value('=A1', 1, 0)).toBe('Lost');
    expect(value('=$A$1', 1, 1)).toBe(46083.5);
    expect(value('=A$1', 0, 1)).toBe(3);
  });

  test('an unknown function makes the formula fail rather than guess', () => {
    expect(() => value('=VLOOKUP(A1)')).toThrow('#NAME?');
  });
});

describe('a report tab as the playground draws it', () => {
  const wb = newWorkbook({ timeZone: 'Asia/Shanghai', now: '2026-03-02T10:00:00Z' });
  wb.menu('menuSetup');
  const clients = wb.sheet('Clients');
  const map = findHeaders('clients', clients.values[0]).map;
  const row: CellValue[] = new Array<CellValue>(clients.values[0].length).fill('');
  row[map.id!] = 'C-1';
  row[map.name!] = 'Northgate Dental Clinic';
  row[map.owner!] = 'Amy';
  row[map.stage!] = 'B1 · Needs analysed';
  clients.values[1] = row;
  wb.menu('menuReportFunnel');
  const name = wb.sheetNames().find((n) => n.startsWith('Report · Funnel'))!;
  const grid = tabGrid(wb.env.spreadsheet, wb.sheet(name), new Date('2026-03-02T10:00:00Z'));
  const css = (r: number, c: number): string => grid.styles[grid.rows[r][c][1]];
  const text = (r: number, c: number): string => grid.rows[r][c][0];
  // The first header row: the row under a section heading whose next cells hold headers.
  const header = grid.rows.findIndex((r, i) => i > 1 && r.filter(([t]) => t !== '').length > 2);

  test('a header wraps onto as many lines as it takes instead of being cut off', () => {
    expect(header).toBeGreaterThan(0);
    for (let c = 0; c < grid.rows[header].length; c++)
      if (text(header, c) !== '') expect(css(header, c)).toContain('white-space:normal');
  });

  test('headers over numbers are aligned right, like the numbers under them', () => {
    const numeric = grid.rows[header + 1]
      .map(([t], c) => (/^[\d.,%-]+$/.test(t) && t !== '' ? c : -1))
      .filter((c) => c >= 0);
    expect(numeric.length).toBeGreaterThan(0);
    for (const c of numeric) {
      expect(css(header + 1, c)).toContain('text-align:right');
      expect(css(header, c)).toContain('text-align:right');
    }
    expect(css(header, 0)).not.toContain('text-align:right');
  });
});

describe('charts on a report tab', () => {
  const HOSTILE = '<img src=x onerror=alert(1)>';

  function funnelGrid() {
    const wb = newWorkbook({ now: '2026-03-02T10:00:00Z' });
    wb.menu('menuSetup');
    const sheet = wb.sheet('Clients');
    const map = findHeaders('clients', sheet.values[0]).map;
    ['B2 · Proposal and visit', 'B3 · Negotiation', 'B3 · Negotiation'].forEach((stage, i) => {
      const row: CellValue[] = new Array<CellValue>(sheet.values[0].length).fill('');
      row[map.id!] = `C-${i + 1}`;
      row[map.name!] = `Client ${i + 1}`;
      row[map.owner!] = 'Zhang Wei';
      row[map.stage!] = stage;
      row[map.status!] = 'Active';
      sheet.values[i + 1] = row;
    });
    wb.menu('menuReportFunnel');
    const tab = wb.sheet('Report · Funnel');
    return { model: wb.env.spreadsheet, tab, grid: tabGrid(wb.env.spreadsheet, tab, new Date('2026-03-02T10:00:00Z')) };
  }

  const svgOf = (src: string): string => {
    expect(src.startsWith('data:image/svg+xml;base64,')).toBe(true);
    return Buffer.from(src.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8');
  };

  test('each chart the report inserted is drawn at its anchor, to the right of the figures', () => {
    const { tab, grid } = funnelGrid();
    expect(grid.charts).toHaveLength(tab.charts.length);
    expect(grid.charts.length).toBeGreaterThan(0);
    const lastFigureColumn = Math.max(...grid.rows.map((r) => r.map(([text]) => text !== '').lastIndexOf(true) + 1));
    for (const chart of grid.charts) {
      expect(chart.title).not.toBe('');
      expect(chart.col).toBeGreaterThan(lastFigureColumn);
      expect(svgOf(chart.src)).toMatch(/^<svg[\s>]/);
    }
  });

  test('text from the workbook inside a chart stays text: it is escaped in the SVG, which the page shows as an image', () => {
    // The reports' charts hold stage and grade names only; a chart someone inserts over their own
    // figures holds whatever the cells say.
    const { model, tab } = funnelGrid();
    tab.values[40] = ['Owner', 'Clients'];
    tab.values[41] = [HOSTILE, 3];
    tab.charts.push({
      id: 99,
      type: 'COLUMN',
      ranges: [{ row: 41, col: 1, numRows: 2, numCols: 2 }],
      position: { row: 41, col: 4, offsetX: 0, offsetY: 0 },
      options: { title: HOSTILE },
    });
    const svgs = tabGrid(model, tab, new Date('2026-03-02T10:00:00Z'))
      .charts.map((c) => svgOf(c.src))
      .join('\n');
    expect(svgs).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svgs).not.toContain('<img');
  });
});
