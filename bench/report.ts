/**
 * The benchmark's output: a table on the console and BENCHMARKS.md with the machine, date, command,
 * cost model, sizes, targets and every measurement.
 */
import fs from 'node:fs';
import { IMPORT_HEADER, type ImportBenchRow, importCells } from './import';
import os from 'node:os';
import { APPEND_SPARE_ROWS } from '../src/core/grid';
import { COST_SOURCES } from './costs';
import type { Measurement } from './measure';
import { type ScalePlan, scaleSection } from './scale';
import type { NaiveRow, Row, TargetResult } from './targets';
import type { BenchWorkbook } from './workbook';

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const sec = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);

export const HEADER = [
  'size',
  'entry point',
  'function',
  'outcome',
  'calls',
  'cells read',
  'cells written',
  'Node ms',
  'peak heap MB',
  'script heap MB',
  'modelled s',
  'worst s',
  'answer KB',
];

function cells(m: Measurement): string[] {
  return [
    m.outcome === 'ok' ? (m.executions > 1 ? `ok (${m.executions} runs)` : 'ok') : m.outcome.slice(0, 90),
    n(m.calls),
    n(m.cellsRead),
    n(m.cellsWritten),
    m.wallMs.toFixed(m.wallMs < 100 ? 1 : 0),
    m.peakHeapMb.toFixed(0),
    m.heapGrowthMb.toFixed(0),
    sec(m.modelledMs),
    sec(m.worstMs),
    m.responseBytes === null ? '' : (m.responseBytes / 1024).toFixed(1),
  ];
}

export function rowCells(r: Row): string[] {
  if (!r.fn || !r.m) return [r.size, r.entry, '', 'not built yet', ...HEADER.slice(4).map(() => '')];
  return [r.size, r.entry, r.fn, ...cells(r.m)];
}

export function naiveCells(r: NaiveRow): string[] {
  return ['10,000', `NAIVE ${r.what}`, 'per-cell getValue/setValue', ...cells(r.m)];
}

/** Plain-text table for the console. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function mdTable(header: string[], rows: string[][]): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export interface Report {
  rows: Row[];
  naive: NaiveRow[];
  targets: TargetResult[];
  workbooks: (Pick<BenchWorkbook, 'size' | 'cells' | 'buildMs'> & { cellsAfter: number })[];
  ceilingExplanation: string;
  /** how long one file lasts, and the plan past it (bench/scale.ts) */
  scale: ScalePlan;
  notBenchmarked: string[];
  /** the import in Sheets at 10,000 and 50,000 rows (bench/import.ts) */
  imports?: ImportBenchRow[];
  totalMs: number;
  command: string;
}

export function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  return `${os.type()} ${os.release()} ${os.arch()}, ${cpus.length} × ${model}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM`;
}

export function markdown(report: Report): string {
  const sizes = report.workbooks.map((w) => [
    w.size.label,
    n(w.size.clients),
    n(w.size.contacts),
    n(w.cells),
    `${((w.cells / 10_000_000) * 100).toFixed(1)} %`,
    n(w.cellsAfter),
    sec(w.buildMs),
  ]);
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/): the built add-on (dist/Code.js) run in the emulator on generated',
    'workbooks. Regenerate after a change; the numbers below are from the last run.',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${machine()}`,
    `- node: ${process.version}`,
    `- command: \`${report.command}\``,
    `- whole run: ${sec(report.totalMs)} s`,
    '',
    '## Targets (reported, not asserted)',
    '',
    mdTable(
      ['target', 'measured', 'result'],
      report.targets.map((t) => [t.target, t.measured, t.verdict]),
    ),
    '',
    '## Workbooks',
    '',
    'Made by the product’s own setup (menuSetup through the bundle), rows inserted inside each table (so',
    'formats and validations extend, as a paste would) and filled directly in the emulator’s model; the',
    'Settings tab has the shared pool turned on. 24 team members; 5 contacts per client (7.5 at the ceiling).',
    '',
    mdTable(['size', 'clients', 'contacts', 'cells', 'of 10M', 'cells after the run', 'built in s'], sizes),
    '',
    `**Ceiling.** ${report.ceilingExplanation}`,
    '',
    ...scaleSection(report.scale),
    '## Measurements',
    '',
    'One execution each, in this order, on the same workbook (state carries over: refresh before reports,',
    'logContact after the card; at the ceiling the single reports are left to "all reports"). *calls* = Spreadsheet service calls (`execution.counters.spreadsheetCalls()`);',
    '*cells* = cells moved by value reads/writes; *Node ms* = wall time of the whole execution in Node',
    '(loading the script included); *peak heap* = V8 heap in use, sampled every 16 calls, after a full GC',
    'before each run (the workbook itself is included); *script heap* = what the entry point itself held',
    'at its worst, apart from the emulated workbook: the heap still in use after a full GC at each of those',
    'samples (and at the end), minus the heap in use before the run — garbage V8 has not collected yet is',
    'left out, and a peak between two samples is missed, so it is a lower bound; the time those GCs take',
    'is left out of *Node ms*; *modelled s* = calls × per-call latency + cells ×',
    'per-cell cost (below); *worst s* = the same with the worst published per-call latency; *answer KB* =',
    'JSON size of what google.script.run returns. During each run the emulator’s clock advances by the',
    'modelled cost, so Apps Script’s 6-minute / 30-second limits apply to modelled time; a daily run that',
    'stops at the limit is run again, as its next trigger would, and shows how many runs it took.',
    '',
    mdTable(HEADER, [...report.rows.map(rowCells), ...report.naive.map(naiveCells)]),
    '',
    '## Calls that differ with size',
    '',
    'An append to a log (Contacts, Changes) grows its grid by the rows written: the same calls, full or not.',
    'A new client goes into the spare rows Clients keeps (the workbooks here have them, as one in use does);',
    `a Clients grid without room grows by what is missing plus ${APPEND_SPARE_ROWS} spare rows, and the highlighting`,
    "and protections are then stretched once (about 110 calls with setup's rules): once per hundred adds, never",
    'per row; an add into spare rows reads no rule (test/gas/google-readings.test.ts). Growing on every add made',
    'each addClient about 170 calls.',
    '',
    ...(report.imports?.length
      ? [
          '## Import in Sheets',
          '',
          'bench/import.ts: a list of new clients with one contact each, in a tab of the 1,000-client workbook,',
          'written as the Import from a tab… dialog writes it: one importRun call (google.script.run) per batch',
          'of 500 clients, each its own execution under the modelled clock; a call stopped by the 6-minute limit',
          'is a resumption (Continue import). Figures are for the whole import, all calls together.',
          '',
          mdTable(IMPORT_HEADER, report.imports.map(importCells)),
          '',
        ]
      : []),
    '## Naive baseline',
    '',
    'bench/naive.ts: the same refresh (grade, status, last contact) and overdue list written the way',
    'typical Sheets CRM scripts are — `getRange(r, c).getValue()` per cell, `setValue` per cell,',
    '`appendRow` per report line — run through the same emulator on the 10,000-client workbook, with no',
    'time limit so the whole count is measured (its modelled time says how many 6-minute executions it',
    'would need). It is generous: columns are found once and getLastRow() is hoisted out of the loop.',
    '',
    '## Cost model',
    '',
    'No Google account is reachable from here, so the Apps Script time is modelled from published',
    'measurements; treat the constants as assumptions (bench/costs.ts).',
    '',
    mdTable(
      ['constant', 'value', 'source'],
      COST_SOURCES.map((c) => [c.what, c.value, c.source]),
    ),
    '',
    ...(report.notBenchmarked.length
      ? ['## Exposed but not benchmarked yet', '', report.notBenchmarked.map((f) => `\`${f}\``).join(', '), '']
      : []),
  ].join('\n');
}

export function writeMarkdown(path: string, report: Report): void {
  const tmp = `${path}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, markdown(report));
  fs.renameSync(tmp, path);
}
