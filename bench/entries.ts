/**
 * The add-on's entry points as the benchmark drives them: which exposed names to look for (features
 * are landing; the first name the bundle has wins), how Apps Script would start them (menu, simple
 * trigger, google.script.run, time-driven trigger) and with what arguments. An entry whose names the
 * bundle lacks shows as "not built yet", so the benchmark grows as features land.
 */
import vm from 'node:vm';
import { type ExecutionOptions, type Execution, globalsFor, startExecution } from '../src/local/emulator';
import { cacheState } from '../src/local/emulator/services';
import { type Bundle, run } from '../src/local/runner';
import { clientId } from './data';
import { type Measurement, combine, measure } from './measure';
import { type BenchWorkbook, sheetOf } from './workbook';
import { type ColumnKey, findHeaders } from '../src/core/schema';
import { label } from '../src/core/lists';

export type Group =
  'setup' | 'open' | 'refresh' | 'pool' | 'report' | 'allReports' | 'daily' | 'sidebar' | 'edit' | 'formula';

export interface EntryPoint {
  label: string;
  group: Group;
  names: readonly string[];
  how: 'menu' | 'simpleTrigger' | 'scriptRun' | 'timeDriven' | 'customFunction';
  /** arguments, built inside the execution (an onEdit event needs that execution's Range) */
  args?: (wb: BenchWorkbook, exec: Execution, globals: Record<string, unknown>) => unknown[];
  /** the JSON size of the answer is reported (sidebar API) */
  response?: boolean;
  /** state the user changes before the run (the cell an onEdit reports) */
  before?: (wb: BenchWorkbook) => void;
  /** the entry refreshes the register in the same execution (so it is "refresh + …" on its own) */
  refreshes?: boolean;
  /** who calls a scriptRun entry: the salesperson unless it says the manager */
  caller?: 'manager';
}

/**
 * The client the sidebar and onEdit work on: the same generated client at every size (its row,
 * contacts and facts are identical), well inside the register, so calls can be compared across sizes.
 */
function middle(wb: BenchWorkbook): number {
  return Math.min(777, wb.size.clients - 1);
}

const REPORTS: readonly [string, string][] = [
  ['report: daily', 'Daily'],
  ['report: monthly', 'Monthly'],
  ['report: funnel', 'Funnel'],
  ['report: overdue', 'Overdue'],
  ['report: churn', 'Churn'],
  ['report: validity', 'Validity'],
  ['report: persistence', 'Persistence'],
];

const ALL_REPORTS = ['menuReportsAll', 'menuAllReports', 'menuReportAll', 'menuBuildReports', 'buildAllReports'];

/**
 * A whole Clients column as Sheets hands it to a custom function written as an array formula over
 * the column (=CT_GRADE(P2:P, …)): a [row][1] array of the cells' values.
 */
function column(wb: BenchWorkbook, key: ColumnKey<'clients'>): unknown[][] {
  const sheet = sheetOf(wb.env, 'clients');
  const col = findHeaders('clients', sheet.values[0]).map[key];
  if (col === undefined) throw new Error(`no ${key} column`);
  return sheet.values.slice(1).map((r) => [r[col] ?? '']);
}

function asOf(wb: BenchWorkbook): Date {
  return new Date(wb.clock.now());
}

/** The Stage a user overwrote, for the event's oldValue. */
const previousStage = new WeakMap<BenchWorkbook, string>();

/**
 * A contact row pasted below the contact log for the middle client, as someone adds one from a phone
 * or another file: Date, Client ID, By, Outcome, Summary. Returns its sheet row.
 */
function pasteContactRow(wb: BenchWorkbook): number {
  const sheet = sheetOf(wb.env, 'contacts');
  const map = findHeaders('contacts', sheet.values[0]).map;
  const row: unknown[] = new Array(sheet.values[0].length).fill('');
  row[map.date ?? 0] = new Date(wb.clock.now() - 3_600_000);
  row[map.clientId ?? 0] = clientId(middle(wb));
  row[map.by ?? 0] = wb.rep.name;
  row[map.outcome ?? 0] = label('outcomes', 'reached', 'en');
  row[map.summary ?? 0] = 'Pasted from a phone';
  sheet.values.push(row as (typeof sheet.values)[number]);
  sheet.maxRows = Math.max(sheet.maxRows, sheet.values.length);
  return sheet.values.length;
}

/** A client near the middle owned by the benchmark's salesperson (client i is owned by rep i mod 20). */
function repsClient(wb: BenchWorkbook, offset: number): number {
  return Math.min(780 + offset * 20, wb.size.clients - 1);
}

/** Blanks a client's owner in the sheet, as the pool release leaves it. */
function intoPool(wb: BenchWorkbook, i: number): void {
  const sheet = sheetOf(wb.env, 'clients');
  const col = findHeaders('clients', sheet.values[0]).map.owner ?? 0;
  sheet.values[i + 1][col] = '';
}

/** Removes the cached values whose keys start with `prefix` (one index), leaving the others. */
function forget(wb: BenchWorkbook, prefix: string): void {
  for (const scope of cacheState(wb.env).values()) {
    for (const key of [...scope.keys()]) if (key.startsWith(prefix)) scope.delete(key);
  }
}

const pastedRow = new WeakMap<BenchWorkbook, number>();

/** Where the onEdit event points: the Stage cell of the middle client, as a user would change it. */
function stageCell(wb: BenchWorkbook): { row: number; col: number; sheet: string } {
  const sheet = sheetOf(wb.env, 'clients');
  const col = findHeaders('clients', sheet.values[0]).map.stage ?? 0;
  return { row: middle(wb) + 2, col: col + 1, sheet: sheet.name };
}

export const ENTRY_POINTS: readonly EntryPoint[] = [
  { label: 'setup / upgrade', group: 'setup', names: ['menuSetup'], how: 'menu' },
  {
    label: 'onOpen (menu)',
    group: 'open',
    names: ['onOpen'],
    how: 'simpleTrigger',
    args: (_wb, _exec, g) => [{ authMode: (g.ScriptApp as { AuthMode: { LIMITED: unknown } }).AuthMode.LIMITED }],
  },
  { label: 'refresh', group: 'refresh', names: ['menuRefresh', 'refresh', 'menuRefreshAll'], how: 'menu' },
  { label: 'pool release', group: 'pool', names: ['menuPoolRelease', 'menuReleasePool', 'poolRelease'], how: 'menu' },
  ...REPORTS.map(([name, suffix]): EntryPoint => ({
    label: name,
    group: 'report',
    names: [`menuReport${suffix}`, `menu${suffix}Report`, `build${suffix}Report`],
    how: 'menu',
  })),
  // All reports refreshes the register from the same read (src/gas/reports/build.ts,
  // refreshAndRebuildReports; test/gas/reports.test.ts "All reports refreshes the register").
  { label: 'all reports', group: 'allReports', names: ALL_REPORTS, how: 'menu', refreshes: true },
  {
    label: 'daily run (+ digests)',
    group: 'daily',
    names: ['runDaily', 'dailyRun', 'onDailyTrigger', 'runDailyTrigger', 'dailyTrigger', 'runDigests'],
    how: 'timeDriven',
  },
  {
    // The sidebar's first call builds the search index when none is cached (src/gas/sidebar/open.ts):
    // measured here from an empty cache, so the keystrokes below are what a user gets after opening it.
    label: 'sidebar opens (no index cached)',
    group: 'sidebar',
    names: ['sidebarContext'],
    how: 'scriptRun',
    response: true,
    before: (wb) => cacheState(wb.env).clear(),
  },
  {
    // Called by the sidebar once it shows (src/ui/sidebar/app.ts): builds the row index of Contacts.
    label: 'row index built (after the sidebar shows)',
    group: 'sidebar',
    names: ['warmClientRows'],
    how: 'scriptRun',
  },
  {
    label: 'searchClients (first)',
    group: 'sidebar',
    names: ['searchClients'],
    how: 'scriptRun',
    response: true,
    args: () => ['Harbor Trading'],
  },
  {
    label: 'searchClients (next key)',
    group: 'sidebar',
    names: ['searchClients'],
    how: 'scriptRun',
    response: true,
    args: () => ['Harbor Trading 1'],
  },
  {
    // A keystroke that finds no index (cache expired, or an edit on Clients dropped it): it builds one.
    label: 'searchClients (no index cached)',
    group: 'sidebar',
    names: ['searchClients'],
    how: 'scriptRun',
    response: true,
    args: () => ['Harbor Trading 2'],
    before: (wb) => forget(wb, 'ct.search.'),
  },
  {
    label: 'getClientCard',
    group: 'sidebar',
    names: ['getClientCard'],
    how: 'scriptRun',
    response: true,
    args: (wb) => [clientId(middle(wb))],
  },
  {
    label: 'logContact',
    group: 'sidebar',
    names: ['logContact'],
    how: 'scriptRun',
    response: true,
    args: (wb) => [
      {
        clientId: clientId(middle(wb)),
        channel: 'phone',
        outcome: 'reached',
        result: 'opportunity',
        summary: 'Benchmark call: asked for the quote again.',
        objections: 'Price',
        attitude: 'friendly',
        nextTopic: 'Send the quote',
      },
    ],
  },
  {
    label: 'addClient',
    group: 'sidebar',
    names: ['addClient'],
    how: 'scriptRun',
    response: true,
    args: (wb) => [
      {
        name: `Benchmark New Client ${wb.size.clients}`,
        contact: 'Xu Ming',
        phone: '13999990000',
        email: 'xu.ming@new-client.example.com',
        owner: wb.rep.name,
      },
    ],
  },
  {
    // A client of the pool (its owner blanked before the run) claimed by the salesperson.
    label: 'claimClient',
    group: 'sidebar',
    names: ['claimClient'],
    how: 'scriptRun',
    response: true,
    before: (wb) => intoPool(wb, repsClient(wb, 1)),
    args: (wb) => [clientId(repsClient(wb, 1))],
  },
  {
    // The manager hands one of the salesperson's clients to another salesperson of the team.
    label: 'reassignClient',
    group: 'sidebar',
    names: ['reassignClient'],
    how: 'scriptRun',
    caller: 'manager',
    response: true,
    args: (wb) => [clientId(repsClient(wb, 0)), 'Rep 04', 'Benchmark: covering a holiday'],
  },
  {
    // The card when the row index is not cached (expired, evicted, or dropped by an edit): it reads the
    // Client ID column of Contacts once and builds the index again (src/gas/sidebar/row-index.ts).
    label: 'getClientCard (no row index cached)',
    group: 'sidebar',
    names: ['getClientCard'],
    how: 'scriptRun',
    response: true,
    args: (wb) => [clientId(middle(wb))],
    before: (wb) => forget(wb, 'ct.rows.'),
  },
  {
    label: 'onEdit (one Stage cell)',
    group: 'edit',
    names: ['onEdit'],
    how: 'simpleTrigger',
    before: (wb) => {
      const { row, col } = stageCell(wb);
      const cells = sheetOf(wb.env, 'clients').values[row - 1];
      previousStage.set(wb, String(cells[col - 1]));
      cells[col - 1] = label('stages', 'B2', 'en');
    },
    args: (wb, exec, g) => {
      const { row, col, sheet } = stageCell(wb);
      const app = g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      const ss = app.getActiveSpreadsheet();
      const range = ss.getSheetByName(sheet)?.getRange(row, col);
      const authMode = (g.ScriptApp as { AuthMode: { LIMITED: unknown } }).AuthMode.LIMITED;
      // Building the event is Apps Script's work, not the script's: it is not counted.
      exec.counters.reset();
      const user = (g.Session as GoogleAppsScript.Base.Session).getActiveUser();
      const value = label('stages', 'B2', 'en');
      return [{ authMode, range, source: ss, user, value, oldValue: previousStage.get(wb) }];
    },
  },
  {
    // A row pasted into Contacts: onEdit applies it to its client as the sidebar would. What it reads
    // must not grow with the contact log (src/gas/typed-contacts.ts).
    label: 'onEdit (a contact row pasted)',
    group: 'edit',
    names: ['onEdit'],
    how: 'simpleTrigger',
    before: (wb) => {
      pastedRow.set(wb, pasteContactRow(wb));
    },
    args: (wb, exec, g) => {
      const sheet = sheetOf(wb.env, 'contacts');
      const app = g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      const ss = app.getActiveSpreadsheet();
      const range = ss.getSheetByName(sheet.name)?.getRange(pastedRow.get(wb) ?? 2, 1, 1, sheet.values[0].length);
      const authMode = (g.ScriptApp as { AuthMode: { LIMITED: unknown } }).AuthMode.LIMITED;
      exec.counters.reset();
      const user = (g.Session as GoogleAppsScript.Base.Session).getActiveUser();
      return [{ authMode, range, source: ss, user }];
    },
  },
  {
    label: 'CT_GRADE over the Clients column',
    group: 'formula',
    names: ['CT_GRADE'],
    how: 'customFunction',
    args: (wb) => [
      column(wb, 'needConfirmed'),
      column(wb, 'budgetConfirmed'),
      column(wb, 'decisionMaker'),
      column(wb, 'expectedDate'),
      asOf(wb),
    ],
  },
  {
    label: 'CT_STATE over the Clients column',
    group: 'formula',
    names: ['CT_STATE'],
    how: 'customFunction',
    args: (wb) => [column(wb, 'nextFollowUp'), column(wb, 'status'), asOf(wb)],
  },
  {
    label: 'CT_DAYS_OVERDUE over the Clients column',
    group: 'formula',
    names: ['CT_DAYS_OVERDUE'],
    how: 'customFunction',
    args: (wb) => [column(wb, 'nextFollowUp'), asOf(wb)],
  },
  {
    label: 'CT_NEXT_DATE over the Clients column',
    group: 'formula',
    names: ['CT_NEXT_DATE'],
    how: 'customFunction',
    args: (wb) => [column(wb, 'lastContact'), column(wb, 'grade')],
  },
];

/** The top-level functions of the built bundle: typeof on a fresh vm context, as Apps Script sees them. */
export function exposedFunctions(bundle: Bundle, wb: BenchWorkbook): Set<string> {
  const exec = startExecution(wb.env, { authMode: 'NONE', kind: 'editor' });
  try {
    const context = vm.createContext({ ...globalsFor(exec) });
    bundle.script.runInContext(context);
    const names = Object.getOwnPropertyNames(context).filter(
      (n) => typeof (context as Record<string, unknown>)[n] === 'function',
    );
    return new Set(names);
  } finally {
    exec.end();
  }
}

/** Entries for report functions the catalogue does not name yet (menuReport…), so none is missed. */
export function discoveredReports(exposed: ReadonlySet<string>): EntryPoint[] {
  const known = new Set(ENTRY_POINTS.flatMap((e) => e.names));
  return [...exposed]
    .filter((n) => /^menuReport/.test(n) && !known.has(n))
    .sort()
    .map((n): EntryPoint => ({ label: `report: ${n}`, group: 'report', names: [n], how: 'menu' }));
}

function optionsFor(entry: EntryPoint, wb: BenchWorkbook): ExecutionOptions {
  switch (entry.how) {
    case 'menu':
      return { authMode: 'FULL', kind: 'menu', activeUser: wb.manager.email, effectiveUser: wb.manager.email };
    case 'simpleTrigger':
      // Simple triggers run in LIMITED; the user's identity may be hidden (docs/apps-script.md, item 64).
      return { authMode: 'LIMITED', kind: 'simpleTrigger', activeUser: '', effectiveUser: '' };
    case 'scriptRun': {
      const email = entry.caller === 'manager' ? wb.manager.email : wb.rep.email;
      return { authMode: 'FULL', kind: 'scriptRun', activeUser: email, effectiveUser: email };
    }
    case 'timeDriven':
      return { authMode: 'FULL', kind: 'timeDriven', activeUser: wb.manager.email, effectiveUser: wb.manager.email };
    case 'customFunction':
      return { authMode: 'CUSTOM_FUNCTION', kind: 'customFunction', activeUser: '', effectiveUser: '' };
  }
}

/** google.script.run sends JSON copies of the arguments (runner.callFromClient does the same). */
function asClientArgs(args: unknown[]): unknown[] {
  return args.map((a) => (a === undefined ? null : (JSON.parse(JSON.stringify(a)) as unknown)));
}

const TIME_LIMIT = 'Exceeded maximum execution time';
/** A run that stops at the time limit is run again, as its next trigger would, up to this many times. */
const MAX_RESUMES = 5;

export function runEntry(bundle: Bundle, wb: BenchWorkbook, entry: EntryPoint, name: string): Measurement {
  const parts: Measurement[] = [];
  for (let attempt = 0; attempt < MAX_RESUMES; attempt++) {
    entry.before?.(wb);
    const m = measure(
      wb.env,
      () =>
        run(bundle, wb.env, optionsFor(entry, wb), name, (exec, globals) => {
          const args = entry.args?.(wb, exec, globals) ?? [];
          return entry.how === 'scriptRun' ? asClientArgs(args) : args;
        }),
      { modelClock: true, response: entry.response === true },
    );
    parts.push(m);
    if (!m.outcome.includes(TIME_LIMIT) || entry.group !== 'daily') break;
  }
  return combine(parts);
}
