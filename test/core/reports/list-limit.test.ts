/**
 * Settings' “Report list rows”: a list longer than the limit keeps its most urgent rows and its
 * total, and the report says how many were left out, in the report's language.
 */
import { buildReport, capLists, type ReportModel } from '../../../src/core/reports';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { fixture } from './fixture';
import { section } from './helpers';
import { byCode } from '../../../src/core/reports/model';

const LIST = 'Overdue and unplanned clients, worst first';

test('the default limit is 1,000 rows, and the hand-checked fixture is far below it', () => {
  expect(DEFAULT_SETTINGS.reportListRows).toBe(1000);
  const report = buildReport('overdue', fixture());
  expect(section(report, LIST).rows).toHaveLength(2);
  expect(report.notes).toEqual([]);
});

test('with a limit of 1 the overdue list keeps only the worst client (Acme, 5 days) and says 1 of 2', () => {
  const data = fixture();
  data.input.settings = { ...data.input.settings, reportListRows: 1 };
  const report = buildReport('overdue', data);
  expect(section(report, LIST).rows.map((r) => r[1])).toEqual(['Acme']);
  expect(report.notes).toEqual([
    `${LIST}: showing the first 1 of 2 rows. The limit is “Report list rows (at most)” on the Settings tab.`,
  ]);
  // The per-person counts still count everyone.
  expect(section(report, 'Per person').rows.at(-1)?.slice(0, 3)).toEqual(['Team', 1, 1]);
});

function model(rows: number, total: boolean, lang: 'en' | 'zh-CN' = 'en'): ReportModel {
  const body = Array.from({ length: rows }, (_, i) => [`row ${i + 1}`, i + 1]);
  return {
    name: 'funnel',
    lang,
    title: 'T',
    period: '2026-03-02',
    asOf: '',
    notes: [],
    sections: [
      {
        heading: lang === 'en' ? 'List' : '清单',
        columns: ['a', 'b'],
        formats: ['text', 'int'],
        rows: total ? [...body, ['Total', rows]] : body,
        total,
      },
    ],
    charts: [{ kind: 'column', title: 'c', section: 0, rows: rows, columns: 2 }],
  };
}

test('a capped list’s chart covers only the rows shown; a summary with a total row is never cut', () => {
  const capped = capLists(model(50, false), 10);
  expect(capped.sections[0].rows).toHaveLength(10);
  expect(capped.sections[0].rows[9]).toEqual(['row 10', 10]);
  expect(capped.charts[0].rows).toBe(10);
  const summary = model(50, true);
  expect(capLists(summary, 10)).toBe(summary);
});

test('a list exactly at the limit is left as it is', () => {
  const m = model(10, false);
  expect(capLists(m, 10)).toBe(m);
});

test('the note is in Chinese for a Chinese workbook', () => {
  expect(capLists(model(12, false, 'zh-CN'), 10).notes).toEqual([
    '清单：仅显示前 10 行，共 12 行。上限在“设置”页的“报表清单行数（上限）”中设置。',
  ]);
});

test('lists sorted by grade and by day keep localeCompare’s order (byCode only makes it cheaper)', () => {
  const words = ['D', 'A', 'C', 'B', '', '2026-03-09', '2026-03-01', '2025-12-31', '2026-10-01', '2026-01-10'];
  expect([...words].sort(byCode)).toEqual([...words].sort((a, b) => a.localeCompare(b)));
  expect(byCode('A', 'A')).toBe(0);
  expect(byCode('2026-03-01', '2026-03-09')).toBeLessThan(0);
});
