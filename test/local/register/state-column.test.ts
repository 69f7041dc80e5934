/**
 * The register's Follow-up state column (one ARRAYFORMULA in its header cell, written by setup)
 * agrees on every row of the demo with the highlighting rules and with CT_STATE's rule, on three
 * different days, with no refresh in between: the workbook is saved once and only the clock moves.
 */
import path from 'node:path';
import { t } from '../../../src/core/i18n';
import { type DayKey, addDays } from '../../../src/core/dates';
import { findHeaders, parseEnum } from '../../../src/core/schema';
import { followUpState } from '../../../src/core/status';
import { HIGHLIGHT_STYLES } from '../../../src/gas/highlight';
import { MAX_COLUMNS, type SheetModel } from '../../../src/local/emulator/model';
import { toSerial, zonedDate } from '../../../src/local/emulator/spreadsheet';
import { tabGrid } from '../../../src/local/playground/grid';
import { loadWorkbook, type LoadedWorkbook } from '../../../src/local/xlsx/load';
import { cli, ensureBuilt, tempDir } from '../cli/run-cli';

const TZ = 'Asia/Shanghai';
let loaded: LoadedWorkbook;

beforeAll(async () => {
  ensureBuilt();
  const dir = tempDir();
  const run = cli(dir, ['demo', '--workbook', 'demo.xlsx', '--now', '2026-03-02T09:00']);
  expect(run.code).toBe(0);
  loaded = await loadWorkbook(path.join(dir, 'demo.xlsx'));
}, 120_000);

function clientsTab(): SheetModel {
  const sheet = loaded.model.sheets.find((s) => s.name === 'Clients');
  if (!sheet) throw new Error('no Clients tab');
  return sheet;
}

function dayOf(value: unknown): DayKey | null {
  if (!(value instanceof Date)) return null;
  const serial = Math.floor(toSerial(value, TZ));
  return addDays('1899-12-30', serial);
}

describe("the register's Follow-up state column", () => {
  test('is one formula in the header cell, saved in the file; no row holds a stored state', () => {
    const sheet = clientsTab();
    const col = findHeaders('clients', sheet.values[0].map(String)).map.followUpState!;
    const formulas = [...sheet.formulas].filter(([key]) => key % MAX_COLUMNS === col);
    expect(formulas).toHaveLength(1);
    expect(formulas[0][0]).toBe(col); // row 1
    expect(formulas[0][1]).toMatch(/^=ARRAYFORMULA\(/);
    expect(sheet.values.slice(1).every((row) => (row[col] ?? '') === '')).toBe(true);
  });

  test.each(['2026-03-02', '2026-03-05', '2026-03-20'])(
    'on %s every row agrees with the highlighting and with CT_STATE',
    (today) => {
      const sheet = clientsTab();
      const map = findHeaders('clients', sheet.values[0].map(String)).map;
      const [y, m, d] = today.split('-').map(Number);
      const now = zonedDate(TZ, y, m, d, 10, 0);
      const grid = tabGrid(loaded.model, sheet, now);
      const seen = new Map<string, number>();
      let rows = 0;
      sheet.values.slice(1).forEach((row, i) => {
        if (String(row[map.name!] ?? '') === '') return;
        rows++;
        const status = String(row[map.status!] ?? '') === '' ? 'active' : parseEnum('statuses', row[map.status!]);
        expect(status).not.toBeNull();
        const expected = followUpState(status!, dayOf(row[map.nextFollowUp!]), today);
        const word = expected === 'none' ? '' : t('en', `state.${expected}`);
        const shown = grid.rows[i + 1][map.followUpState!];
        expect([String(row[map.name!]), shown[0]]).toEqual([String(row[map.name!]), word]);
        // The row's colour (on its Name cell) is the rule's for that state, and no state's otherwise.
        const css = grid.styles[grid.rows[i + 1][map.name!][1]];
        for (const state of ['overdue', 'dueToday', 'unplanned'] as const) {
          const coloured = css.includes(`background:${HIGHLIGHT_STYLES[state].background}`);
          expect([String(row[map.name!]), state, coloured]).toEqual([
            String(row[map.name!]),
            state,
            expected === state,
          ]);
        }
        seen.set(expected, (seen.get(expected) ?? 0) + 1);
      });
      expect(rows).toBeGreaterThan(250);
      // The demo has clients in each state on its own day, so the comparison is not between empty
      // columns; weeks later every planned date has passed.
      const required =
        today === '2026-03-02'
          ? ['overdue', 'dueToday', 'upcoming', 'unplanned', 'none']
          : ['overdue', 'unplanned', 'none'];
      for (const state of required) expect([state, seen.get(state) ?? 0]).not.toEqual([state, 0]);
    },
  );

  test('the same saved file shows different states on different days (nothing went stale)', () => {
    const sheet = clientsTab();
    const col = findHeaders('clients', sheet.values[0].map(String)).map.followUpState!;
    const column = (iso: [number, number, number]) =>
      tabGrid(loaded.model, sheet, zonedDate(TZ, ...iso, 10, 0)).rows.map((r) => r[col][0]);
    const first = column([2026, 3, 2]);
    const later = column([2026, 3, 20]);
    const changed = first.filter((w, i) => w !== later[i]).length;
    expect(changed).toBeGreaterThan(10);
    expect(first.filter((w) => w === 'Overdue').length).toBeLessThan(later.filter((w) => w === 'Overdue').length);
  });
});
