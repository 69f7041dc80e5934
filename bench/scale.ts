/**
 * Past one spreadsheet, on paper: how long a team takes to fill Google's 10,000,000 cells, computed
 * from the product's own column counts (src/core/schema.ts), the threshold of its warning
 * (src/core/cell-limit.ts) and the contacts-per-client ratio of the ceiling workbook; and the plan for
 * what comes after, summarised from docs/scale.md. BENCHMARKS.md gets this section on every run, so the
 * numbers follow the schema.
 */
import { CELL_LIMIT, CELL_WARNING_SHARE } from '../src/core/cell-limit';
import { TABLES } from '../src/core/schema';

/** The team the issue asks about. */
export const TEAM_SIZE = 20;
export const CONTACTS_PER_PERSON_PER_DAY = 30;
/** Five days a week, less about ten public holidays. */
export const WORKING_DAYS_PER_YEAR = 250;

export interface ScaleInput {
  /** contacts per client in the ceiling workbook */
  contactsPerClient: number;
  /** cells of the tabs other than Clients and Contacts after setup (Team, Changes, Settings, …) */
  otherCells: number;
}

export interface ScalePlan {
  clientColumns: number;
  contactColumns: number;
  contactsPerClient: number;
  contactsPerYear: number;
  clientsPerYear: number;
  /** cells one contact brings, with its share of a client row */
  cellsPerContact: number;
  cellsPerYear: number;
  /** cells an empty tracker holds: the other tabs and the two header rows */
  startCells: number;
  yearsToWarning: number;
  yearsToLimit: number;
  contactsAtLimit: number;
  clientsAtLimit: number;
}

export function scalePlan(input: ScaleInput): ScalePlan {
  const clientColumns = TABLES.clients.length;
  const contactColumns = TABLES.contacts.length;
  const contactsPerYear = TEAM_SIZE * CONTACTS_PER_PERSON_PER_DAY * WORKING_DAYS_PER_YEAR;
  const cellsPerContact = contactColumns + clientColumns / input.contactsPerClient;
  const cellsPerYear = contactsPerYear * cellsPerContact;
  const startCells = input.otherCells + clientColumns + contactColumns;
  const contactsAtLimit = Math.floor((CELL_LIMIT - startCells) / cellsPerContact);
  return {
    clientColumns,
    contactColumns,
    contactsPerClient: input.contactsPerClient,
    contactsPerYear,
    clientsPerYear: contactsPerYear / input.contactsPerClient,
    cellsPerContact,
    cellsPerYear,
    startCells,
    yearsToWarning: (CELL_LIMIT * CELL_WARNING_SHARE - startCells) / cellsPerYear,
    yearsToLimit: (CELL_LIMIT - startCells) / cellsPerYear,
    contactsAtLimit,
    clientsAtLimit: Math.floor(contactsAtLimit / input.contactsPerClient),
  };
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const one = (x: number) => x.toFixed(1);
const ratio = (x: number) => String(Number(x.toFixed(2)));

/** The BENCHMARKS.md section: the numbers, and the plan in short (docs/scale.md has the reasoning). */
export function scaleSection(plan: ScalePlan): string[] {
  const pct = Math.round(CELL_WARNING_SHARE * 100);
  return [
    '## Past one spreadsheet (plan, not built)',
    '',
    `**How long one file lasts.** A team of ${TEAM_SIZE} logging ${CONTACTS_PER_PERSON_PER_DAY} contacts each per working`,
    `day (${WORKING_DAYS_PER_YEAR} a year) adds ${n(plan.contactsPerYear)} contacts and ${n(plan.clientsPerYear)} clients a year`,
    `(${ratio(plan.contactsPerClient)} contacts per client, the ceiling workbook's ratio). Clients has ${plan.clientColumns}`,
    `columns and Contacts ${plan.contactColumns} (src/core/schema.ts), so each contact costs ${plan.contactColumns} +`,
    `${plan.clientColumns} / ${ratio(plan.contactsPerClient)} = ${one(plan.cellsPerContact)} cells: ${n(plan.cellsPerYear)} cells a year. From`,
    `a new tracker (${n(plan.startCells)} cells in its other tabs and header rows) the file reaches the ${pct} % warning`,
    `after **${one(plan.yearsToWarning)} years** and Google's ${n(CELL_LIMIT)}-cell limit after **${one(plan.yearsToLimit)} years**`,
    `(about ${n(plan.contactsAtLimit)} contacts and ${n(plan.clientsAtLimit)} clients; Changes rows and report tabs, left out here,`,
    'bring it a little sooner).',
    '',
    `**At ${pct} %.** Refresh (first line of its alert), the daily run's outcome (Run now and Schedule ▸ Status)`,
    'and Check this spreadsheet say in one sentence, in the workbook’s language, how full the file is and',
    'what to do: move old contacts to an archive spreadsheet or start a new file (src/core/cell-limit.ts).',
    '',
    '**What the all-time rules need if old contacts move out.** Validity (ever reached; the Result of the',
    'latest reached attempt, else the Outcome of the latest attempt), Persistence (attempts before a',
    'client went quiet, and the day of the last one), Segment (the latest reached Attitude and Result) and',
    'Last contact read the whole contact log; the funnel’s starting stage and the moves read Changes. Per',
    'client, eight values carry all of it: attempts, reached (yes/no), latest attempt day and Outcome,',
    'latest reached day, Result and Attitude, and the stage at the archive’s cut-off. Kept on Clients (or',
    'a hidden tab, one row per client), they are folded with the live rows by the same rules, and every',
    'report stays exact; reports over a period that lies before the cut-off need the archive itself.',
    '',
    '**OAuth cost of an archive.** The add-on asks today for `spreadsheets.currentonly` (this file only).',
    'Creating or opening another spreadsheet with SpreadsheetApp needs the broad',
    '`https://www.googleapis.com/auth/spreadsheets` scope (all the user’s spreadsheets: a *sensitive*',
    'scope, with Google’s verification before a public listing); `drive.file` (only files the app created',
    'or was given) is non-sensitive but reaches Sheets only through the advanced Sheets service (the Sheets',
    'API), not SpreadsheetApp, and `currentonly` does not cover advanced services at all. Either way the',
    'whole team re-authorises once.',
    '',
    '**On to BigQuery.** Past one archive, the log belongs in a warehouse: contacts appended to a BigQuery',
    'table, read back in Sheets through Connected Sheets (pivot tables and charts over billions of rows',
    'without the cell limit), at the cost of a Google Cloud project, billing, the `bigquery.readonly` scope',
    'for the readers and the add-on writing through the BigQuery API.',
    '',
    'The reasoning, the sources and the order to build it in: [docs/scale.md](docs/scale.md).',
    '',
  ];
}
