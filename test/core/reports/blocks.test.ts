/**
 * Refresh, the reports and the emails go through the contact log a block of rows at a time
 * (src/core/records.ts RecordsInBlocks; docs/scale.md, "Memory"). On a realistic workbook (the
 * benchmark's generator, with a bad date, a blank row and a row nobody applied added), every report
 * and every email comes out the same whether the log is an array of records or made in blocks of
 * one row, seven rows or the default.
 */
import { buildWorkbook, sheetOf } from '../../../bench/workbook';
import { gridOfRows } from '../../../src/core/grid';
import { BLOCK_ROWS, type RecordList, readGridInBlocks, readTable } from '../../../src/core/records';
import { REPORT_NAMES, buildReport, prepareReports } from '../../../src/core/reports';
import type { ReportInput } from '../../../src/core/reports/data';
import { prepareDigest } from '../../../src/core/digest/facts';
import { dailyList } from '../../../src/core/digest/daily';
import { weeklySummary } from '../../../src/core/digest/weekly';
import { monthlySummary } from '../../../src/core/digest/monthly';
import { refreshClients } from '../../../src/core/refresh';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { dayKey } from '../../../src/core/dates';
import type { ContactRecord } from '../../../src/core/schema';
import { bundle } from '../../helpers/bundle';

const TZ = 'Asia/Shanghai';

const wb = buildWorkbook(bundle(), { label: 'blocks', clients: 300, contacts: 2_250 });
const now = new Date(wb.clock.now());
const today = dayKey(now, TZ);
const values = (table: 'clients' | 'contacts' | 'team' | 'changes') =>
  sheetOf(wb.env, table).values.map((row) => [...row]);
const contactRows = values('contacts');
const header = contactRows[0].map(String);
// A date nobody can read, a blank row and a contact nobody applied (no ID), among the others.
contactRows[40][header.indexOf('Date')] = 'next Tuesday-ish';
contactRows[41] = contactRows[41].map(() => '');
contactRows[42][header.indexOf('ID')] = '';
const clients = readTable('clients', values('clients'), TZ).records;
const team = readTable('team', values('team'), TZ).records;
const changes = readTable('changes', values('changes'), TZ).records;
const settings = { ...DEFAULT_SETTINGS, poolEnabled: true };

/** Everything the reports, the emails and the rules make of one contact log, as plain data. */
function everything(contacts: RecordList<ContactRecord>): unknown {
  const input: ReportInput = { clients, contacts, team, changes, settings, now, tz: TZ, lang: 'en' };
  const data = prepareReports(input);
  const reports = REPORT_NAMES.map((name) => buildReport(name, data, { day: today }));
  const digest = prepareDigest({
    today,
    tz: TZ,
    lang: 'en',
    settings,
    links: { spreadsheet: 'https://sheet', client: (index) => `https://sheet#row=${index + 2}` },
    clients,
    contacts,
    team,
    changes,
  });
  const emails = team
    .flatMap((m) => (m === null ? [] : [m]))
    .map((m) => ({
      daily: dailyList(digest, m),
      weekly: weeklySummary(digest, m),
      monthly: monthlySummary(digest, m),
    }));
  const rules = refreshClients(clients, contacts, settings, today, TZ, { now, catchUp: true, recheckSince: 0 });
  return JSON.parse(JSON.stringify({ reports, emails, facts: digest.facts, rules }));
}

const asArray = readTable('contacts', contactRows, TZ);
const expected = everything(asArray.records);

test('the workbook gives the reports and emails something to say', () => {
  expect(asArray.problems.length).toBeGreaterThan(0);
  expect(asArray.records.filter((r) => r !== null).length).toBeGreaterThan(2_000);
  expect(JSON.stringify(expected)).toContain('C-');
});

test.each([1, 7, BLOCK_ROWS])('in blocks of %i rows: the same records, problems, reports and emails', (rows) => {
  const inBlocks = readGridInBlocks('contacts', gridOfRows(contactRows), TZ, 'en', 1, undefined, rows);
  expect(inBlocks.problems).toEqual(asArray.problems);
  const records: (ContactRecord | null)[] = [];
  inBlocks.records.forEach((record, i) => (records[i] = record));
  expect(records).toEqual(asArray.records);
  expect(everything(inBlocks.records)).toEqual(expected);
});

test('a record read again from the sheet takes the place of the one made from the grid', () => {
  const inBlocks = readGridInBlocks('contacts', gridOfRows(contactRows), TZ, 'en', 1, undefined, 7);
  const again = { ...(asArray.records[10] as ContactRecord), summary: 'read again' };
  inBlocks.records.replace(10, again);
  const seen: (ContactRecord | null)[] = [];
  inBlocks.records.forEach((record, i) => (seen[i] = record));
  expect(seen[10]).toBe(again);
  expect(inBlocks.records.at(10)).toBe(again);
  expect(inBlocks.records.span(9, 10)).toEqual([asArray.records[9], again]);
});
