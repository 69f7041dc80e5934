/**
 * At 90 % of Google's 10,000,000-cell limit (every tab's grid counts, empty cells included:
 * https://support.google.com/drive/answer/37603), Refresh, the daily run's outcome (Run now and the
 * Status dialog) and the self-check each say so in one sentence, with what to do, in the workbook's
 * language; below it, none of them does. The file is filled with an empty tab of the user's, the way
 * an archive tab or a grid stretched far past the data fills it.
 */
import { newSheetModel } from '../../src/local/emulator/model';
import { totalCells } from '../../src/local/emulator/spreadsheet';
import { uiState } from '../../src/local/emulator/services';
import { readingCases } from '../helpers/readings';
import type { TestWorkbook } from '../helpers/workbook';
import { lastAlert, trackerWorkbook } from './clients-fixture';
import { dialogText, fireTrigger } from './schedule/fixture';

const WARNING = {
  en: /This spreadsheet is (\d+)% full \(([\d,]+) of the 10,000,000 cells Google allows in one file\); when it is full, no new clients or contacts can be added, so soon move old contacts to an archive spreadsheet or start a new file/,
  zh: /这个表格已经用了 (\d+)%（Google 每个文件最多 10,000,000 个单元格，现在已用 ([\d,]+) 个），满了就加不了新客户和跟进记录；请尽快把旧的跟进记录挪到归档表格，或者新开一个文件/,
} as const;
/** What either language's warning has in common, to check that none is shown. */
const ANY_WARNING = /10,000,000[^\n]*(archive spreadsheet|归档表格)/;

/**
 * Adds an empty tab so that the file holds exactly `cells` cells. The report tabs are built first,
 * so the daily run's reports do not grow the file past what the test set.
 */
function fillTo(wb: TestWorkbook, cells: number): void {
  wb.menu('menuReportsAll');
  const filler = newSheetModel(wb.env.spreadsheet.nextSheetId++, 'Old data');
  filler.maxColumns = 1;
  filler.maxRows = cells - totalCells(wb.env.spreadsheet);
  wb.env.spreadsheet.sheets.push(filler);
  expect(totalCells(wb.env.spreadsheet)).toBe(cells);
}

interface Seen {
  refresh: string;
  check: string;
  runNow: string;
  status: string;
}

/** What the user reads from each of the three: Refresh's alert, the self-check, the daily run's outcome. */
function readAll(wb: TestWorkbook): Seen {
  wb.menu('menuRefresh');
  const refresh = lastAlert(wb);
  wb.menu('menuSelfCheck');
  const check = lastAlert(wb);
  // The scheduled run, as its trigger runs it; then Run now, whose alert says the same of its run.
  wb.menu('menuScheduleOn');
  fireTrigger(wb);
  wb.menu('menuScheduleStatus');
  const status = dialogText(wb);
  wb.menu('menuScheduleRunNow');
  const runNow = uiState(wb.env).dialogs.at(-1)?.prompt ?? '';
  return { refresh, check, runNow, status };
}

describe.each([
  ['en', undefined],
  ['zh', 'zh_CN'],
] as const)('a file below 90 %% of the cell limit (%s)', (_lang, locale) => {
  const wb = trackerWorkbook({ locale });
  fillTo(wb, 8_999_999);
  const seen = readAll(wb);

  test('Refresh, the self-check and the daily run say nothing about the limit', () => {
    expect(seen.refresh).toMatch(/Refreshed|已刷新/);
    expect(seen.check).toMatch(/Check this spreadsheet|检查/);
    // The scheduled run did run, every step of it.
    expect(seen.status).toMatch(/scheduled run[\s\S]*Every step ran\.|定时运行[\s\S]*所有步骤都已完成。/);
    for (const text of Object.values(seen)) expect(text).not.toMatch(ANY_WARNING);
  });

  test('the self-check says how full the file is, as a finding that is fine', () => {
    expect(seen.check).toMatch(
      locale
        ? /✓ 这个表格已用 8,999,999 个单元格，Google 每个文件最多 10,000,000 个（89%）。/
        : /✓ The spreadsheet uses 8,999,999 of the 10,000,000 cells Google allows in one file \(89%\)\./,
    );
  });
});

describe.each([
  ['en', undefined, 9_000_000],
  ['zh', 'zh_CN', 9_500_000],
] as const)('a file at or past 90 %% of the cell limit (%s, %d cells)', (lang, locale, cells) => {
  const wb = trackerWorkbook({ locale });
  fillTo(wb, cells);
  const seen = readAll(wb);
  const percent = String(Math.floor(cells / 100_000));

  test('Refresh says it first, with the share and the count', () => {
    const lines = seen.refresh.split('\n');
    const at = lines.findIndex((line) => WARNING[lang].test(line));
    expect(at).toBeGreaterThan(-1);
    expect(at).toBeLessThan(lines.findIndex((line) => /Refreshed|已刷新/.test(line)));
    const first = lines[at];
    expect(WARNING[lang].exec(first)?.[1]).toBe(percent);
    expect(WARNING[lang].exec(first)?.[2]).toBe(cells.toLocaleString('en-US'));
  });

  test('the self-check lists it as a problem', () => {
    expect(seen.check).toMatch(new RegExp(`✗ ${WARNING[lang].source}`));
    expect(seen.check).not.toMatch(/Everything Client Tracker needs is in place|一切都已就绪/);
  });

  test('the daily run’s outcome says it, in the Status dialog and after Run now', () => {
    expect(seen.status).toMatch(WARNING[lang]);
    expect(seen.runNow).toMatch(WARNING[lang]);
  });
});

// Without its document (scheduledRunDocument=missing) the scheduled run does nothing but record that
// (src/gas/schedule/no-document.ts): there is no outcome of a run to carry the warning.
describe.each(readingCases({ skip: ['scheduledRunDocument'] }).map((c) => [c.label, c] as const))(
  'the warning under every reading of Google’s undocumented behaviour (%s)',
  (_label, c) => {
    const wb = trackerWorkbook({ mode: c.mode, readings: c.readings });
    fillTo(wb, 9_000_000);
    const seen = readAll(wb);

    test('all three show it', () => {
      expect(seen.refresh).toMatch(WARNING.en);
      expect(seen.check).toMatch(WARNING.en);
      expect(seen.status).toMatch(/scheduled run/);
      expect(seen.status).toMatch(WARNING.en);
    });
  },
);
