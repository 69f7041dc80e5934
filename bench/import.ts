/**
 * The import in Sheets at 10,000 and 50,000 rows (docs/import.md): a list of new clients, each with a
 * contact, brought into a tab of the 1,000-client workbook, then written as the dialog writes it — one
 * importRun call (google.script.run) per batch, each a measured execution under the modelled clock.
 * A call stopped by the 6-minute limit is a resumption: Continue import calls again with the batch ID.
 * Reported: the calls, cells, modelled time of the whole import, the batches and the resumptions.
 */
import { globalsFor, startExecution } from '../src/local/emulator';
import { type Bundle, run } from '../src/local/runner';
import { type Measurement, combine, measure } from './measure';
import { buildWorkbook } from './workbook';

export interface ImportBenchRow {
  rows: number;
  /** importRun calls that wrote a batch */
  batches: number;
  /** calls stopped by the time limit and continued */
  resumptions: number;
  clientsAdded: number;
  contactsLogged: number;
  m: Measurement;
  /** the slowest single call, modelled */
  worstCallMs: number;
}

const TAB = '名单';

interface Answer {
  ok: boolean;
  batch?: string;
  done?: number;
  total?: number;
  added?: number;
  logged?: number;
  text?: string;
}
const TIME_LIMIT = 'Exceeded maximum execution time';

/** Names no two of which are one typo apart (the number and its reverse both differ). */
function listRows(count: number): string[][] {
  const rows = [['客户名称', '联系电话', '最近跟进', '联系情况', '跟进内容']];
  for (let i = 1; i <= count; i++) {
    const n = String(i);
    rows.push([
      `导入客户${n}号-${[...n].reverse().join('')}`,
      `139${n.padStart(8, '0')}`,
      `2026/2/${1 + (i % 27)}`,
      '已联系上',
      `第${n}次回访`,
    ]);
  }
  return rows;
}

export function benchImport(
  bundle: Bundle,
  count: number,
  batchSize = 500,
  progress: (line: string) => void = () => undefined,
): ImportBenchRow {
  const wb = buildWorkbook(bundle, { label: 'import', clients: 1_000, contacts: 5_000 });
  const user = wb.manager.email;
  // What File ▸ Import leaves: a new tab, phones as text ("Convert text…" unticked).
  const exec = startExecution(wb.env, { authMode: 'FULL', kind: 'editor', activeUser: user, effectiveUser: user });
  try {
    const ss = (globalsFor(exec).SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
    const sheet = ss.insertSheet(TAB);
    const rows = listRows(count);
    sheet.insertRowsAfter(sheet.getMaxRows(), Math.max(0, rows.length - sheet.getMaxRows()));
    sheet.getRange(1, 2, rows.length, 1).setNumberFormat('@');
    sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  } finally {
    exec.end();
  }
  const parts: Measurement[] = [];
  let batch = '';
  let batches = 0;
  let resumptions = 0;
  let added = 0;
  let logged = 0;
  let worst = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const box: { answer: Answer | null } = { answer: null };
    const m = measure(
      wb.env,
      () => {
        const r = run(
          bundle,
          wb.env,
          { authMode: 'FULL', kind: 'scriptRun', activeUser: user, effectiveUser: user },
          'importRun',
          () => [{ tab: TAB, update: false, batch, size: batchSize }],
        );
        box.answer = r.value as Answer;
        return r;
      },
      { modelClock: true, response: true, liveHeap: false },
    );
    parts.push(m);
    worst = Math.max(worst, m.modelledMs);
    if (m.outcome.includes(TIME_LIMIT)) {
      resumptions++;
      // A first call stopped mid-write made a batch the dialog never heard of: it lists it (importTabs).
      if (batch === '') {
        const tabs = run(
          bundle,
          wb.env,
          { authMode: 'FULL', kind: 'scriptRun', activeUser: user, effectiveUser: user },
          'importTabs',
          () => [],
        ).value as { imports: { batch: string; finished: boolean }[] };
        batch = tabs.imports.find((i) => !i.finished)?.batch ?? '';
      }
      continue;
    }
    const a = box.answer;
    if (a === null || !a.ok) throw new Error(`import stopped: ${m.outcome} ${a?.text ?? ''}`);
    batches++;
    batch = a.batch ?? batch;
    added += a.added ?? 0;
    logged += a.logged ?? 0;
    if (batches % 10 === 0) progress(`  … ${a.done ?? 0} of ${a.total ?? 0} clients, ${batches} batches`);
    if ((a.done ?? 0) >= (a.total ?? 0)) break;
  }
  return {
    rows: count,
    batches,
    resumptions,
    clientsAdded: added,
    contactsLogged: logged,
    m: combine(parts),
    worstCallMs: worst,
  };
}

export const IMPORT_HEADER = [
  'rows',
  'batches',
  'resumptions',
  'clients added',
  'contacts logged',
  'calls',
  'cells read',
  'cells written',
  'modelled s',
  'slowest call s',
  'Node s',
];

export function importCells(r: ImportBenchRow): string[] {
  const n = (x: number) => x.toLocaleString('en-US');
  return [
    n(r.rows),
    n(r.batches),
    n(r.resumptions),
    n(r.clientsAdded),
    n(r.contactsLogged),
    n(r.m.calls),
    n(r.m.cellsRead),
    n(r.m.cellsWritten),
    (r.m.modelledMs / 1000).toFixed(1),
    (r.worstCallMs / 1000).toFixed(1),
    (r.m.wallMs / 1000).toFixed(1),
  ];
}
