/**
 * How a report tab is formatted (src/gas/reports/render.ts), run against the emulator's
 * SpreadsheetApp: every heading, header row, total row and column keeps its look, and the
 * formatting costs one range list per style — the same calls for two sections as for eight, and
 * for three rows as for three thousand. The built add-on is covered by reports.test.ts.
 */
import { createEnvironment, globalsFor, startExecution, type Execution } from '../../src/local/emulator';
import type { SheetModel } from '../../src/local/emulator/model';
import { styleAt } from '../../src/local/emulator/spreadsheet';
import type { Cell, CellFormat, ReportModel, ReportSection } from '../../src/core/reports';
import { layoutReport } from '../../src/gas/reports/layout';
import { renderReport } from '../../src/gas/reports/render';

const DARK = '#1f3a5f';

/** A table of `rows` rows over a name column, a count and a share; `total` makes its last row a total. */
function table(heading: string, rows: number, total: boolean): ReportSection {
  const formats: CellFormat[] = ['text', 'int', 'percent'];
  const body: Cell[][] = Array.from({ length: rows }, (_, i) => [`Person ${i + 1}`, i, i / 100]);
  return { heading, columns: ['Person', 'Calls', 'Reached'], formats, rows: body, total };
}

/** A dated list: a date column between two text columns. */
function list(heading: string, rows: number): ReportSection {
  const formats: CellFormat[] = ['text', 'date', 'text'];
  const body: Cell[][] = Array.from({ length: rows }, (_, i) => [`Client ${i}`, '2026-03-01', 'call back']);
  return { heading, columns: ['Client', 'Due', 'Topic'], formats, rows: body, total: false };
}

function report(sections: ReportSection[]): ReportModel {
  return {
    name: 'overdue',
    lang: 'en',
    title: 'Overdue follow-ups',
    period: '2026-03-02',
    asOf: '2026-03-02 18:00',
    notes: [],
    sections,
    charts: [],
  };
}

/** Renders into a fresh tab in one execution; returns the tab and that execution's calls. */
function render(model: ReportModel): { tab: SheetModel; exec: Execution } {
  const env = createEnvironment({ timeZone: 'Asia/Shanghai' });
  const exec = startExecution(env, { authMode: 'FULL', kind: 'menu' });
  const globals = globalsFor(exec);
  Object.assign(globalThis, globals);
  try {
    const app = globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheets()[0];
    exec.counters.reset();
    renderReport(sheet, layoutReport(model), 'Asia/Shanghai');
    return { tab: env.spreadsheet.sheets[0], exec };
  } finally {
    for (const name of Object.keys(globals)) delete (globalThis as Record<string, unknown>)[name];
  }
}

/** Calls of one render, less growing or shrinking the grid (which depends on the old tab's size). */
function calls(exec: Execution): Record<string, number> {
  const { 'Sheet.insertRowsAfter': _grow, 'Sheet.deleteRows': _shrink, ...rest } = exec.counters.snapshot().calls;
  return rest;
}

describe('a report with a summary table, a dated list and a table with a total', () => {
  const model = report([table('By person', 3, true), list('Overdue clients', 4), table('By team', 2, false)]);
  const layout = layoutReport(model);
  const { tab } = render(model);
  const [byPerson, overdue, byTeam] = layout.sections;

  test('the title is bold at 14 points', () => {
    expect(styleAt(tab, 1, 1).font).toEqual({ bold: true, size: 14 });
  });

  test('each section heading is bold dark blue, and nothing else on its row is styled', () => {
    for (const s of layout.sections) {
      expect(styleAt(tab, s.headingRow, 1)).toEqual({ font: { bold: true, color: DARK } });
      expect(styleAt(tab, s.headingRow, 2)).toEqual({});
    }
  });

  test('each header row is bold white on dark blue, wrapped, in the format of its column', () => {
    expect(styleAt(tab, overdue.headerRow, 2)).toEqual({
      numberFormat: 'yyyy-mm-dd',
      background: DARK,
      wrap: true,
      horizontalAlignment: 'right',
      font: { bold: true, color: '#ffffff' },
    });
    for (const s of layout.sections) {
      for (let c = 1; c <= 3; c++) expect(styleAt(tab, s.headerRow, c)).toMatchObject({ background: DARK, wrap: true });
    }
  });

  test('headers over numbers and dates are aligned right like their values; over text, left', () => {
    const align = (row: number, c: number) => styleAt(tab, row, c).horizontalAlignment ?? 'left';
    expect([1, 2, 3].map((c) => align(byPerson.headerRow, c))).toEqual(['left', 'right', 'right']);
    expect([1, 2, 3].map((c) => align(overdue.headerRow, c))).toEqual(['left', 'right', 'left']);
  });

  test('columns are sized to what they hold: the longest value of each column fits, and no wider than needed', () => {
    const widths = tab.columnWidths;
    // 'Client 3' / 'Person 3' (8 characters), '2026-03-01' (10), 'call back' (9), 7 px a character
    expect(widths.get(1)).toBeGreaterThanOrEqual(8 * 7);
    expect(widths.get(2)).toBeGreaterThanOrEqual(10 * 7);
    expect(widths.get(3)).toBeGreaterThanOrEqual(9 * 7);
    for (const c of [1, 2, 3]) expect(widths.get(c)).toBeLessThan(110);
  });

  test('data cells carry only their column’s number format', () => {
    expect([1, 2, 3].map((c) => styleAt(tab, byPerson.firstDataRow, c))).toEqual([
      { numberFormat: '@' },
      { numberFormat: '0' },
      { numberFormat: '0.0%' },
    ]);
    expect([1, 2, 3].map((c) => styleAt(tab, overdue.firstDataRow + 3, c))).toEqual([
      { numberFormat: '@' },
      { numberFormat: 'yyyy-mm-dd' },
      { numberFormat: '@' },
    ]);
  });

  test('the total row is bold on grey; a table without a total has none', () => {
    const totalRow = byPerson.firstDataRow + byPerson.dataRows - 1;
    expect(styleAt(tab, totalRow, 3)).toEqual({ numberFormat: '0.0%', background: '#e8eaed', font: { bold: true } });
    const lastTeamRow = byTeam.firstDataRow + byTeam.dataRows - 1;
    expect(styleAt(tab, lastTeamRow, 1)).toEqual({ numberFormat: '@' });
  });

  test('the blank rows between sections stay unstyled', () => {
    expect(styleAt(tab, overdue.headingRow - 1, 1)).toEqual({});
    expect(styleAt(tab, byTeam.headingRow - 1, 2)).toEqual({});
  });

  test('one banding rule covers every body, total rows apart', () => {
    expect(tab.conditionalFormats).toHaveLength(1);
    expect(tab.conditionalFormats[0].ranges).toEqual([
      { row: byPerson.firstDataRow, col: 1, numRows: 2, numCols: 3 },
      { row: overdue.firstDataRow, col: 1, numRows: 4, numCols: 3 },
      { row: byTeam.firstDataRow, col: 1, numRows: 2, numCols: 3 },
    ]);
  });
});

describe('what formatting a report costs', () => {
  test('eight sections cost exactly the calls of two with the same formats', () => {
    const two = render(report([table('A', 5, true), list('B', 5)]));
    const eight = render(
      report([
        table('A', 5, true),
        list('B', 5),
        table('C', 5, false),
        list('D', 5),
        table('E', 5, true),
        list('F', 5),
        table('G', 5, false),
        list('H', 5),
      ]),
    );
    expect(calls(eight.exec)).toEqual(calls(two.exec));
  });

  test('three thousand rows per section cost exactly the calls of three', () => {
    const small = render(report([table('A', 3, true), list('B', 3)]));
    const large = render(report([table('A', 3_000, true), list('B', 3_000)]));
    expect(calls(large.exec)).toEqual(calls(small.exec));
  });

  test('the formatting is one range list per style: bold, heading colour, header look, totals, each number format', () => {
    const { exec } = render(report([table('A', 5, true), list('B', 5), table('C', 5, true)]));
    const c = exec.counters.calls;
    // bold, headings, headers, number headers, totals, '@', '0', '0.0%', 'yyyy-mm-dd', and the bodies for banding
    expect(c.get('Sheet.getRangeList')).toBe(10);
    expect(c.get('RangeList.setNumberFormat')).toBe(4);
    expect(c.get('RangeList.getRanges')).toBe(1);
    // the title's font size is the only formatting left on a single range
    expect(c.get('Range.setFontSize')).toBe(1);
    expect(c.get('Range.setFontWeight')).toBeUndefined();
    expect(c.get('Range.setNumberFormat')).toBeUndefined();
  });
});
