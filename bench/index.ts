/**
 * npm run bench: the cost of every entry point of the built add-on at 1,000 / 10,000 / 50,000 clients
 * and at the 10-million-cell ceiling, beside a naive per-cell script, written to BENCHMARKS.md.
 *
 *   node --expose-gc build/bench.js [--no-ceiling] [--sizes=1000,10000 [--ceiling]] [--groups=sidebar,edit]
 *   node --expose-gc build/bench.js --import[=10000,50000]   (only the import in Sheets, nothing written)
 *
 * --no-ceiling, --sizes (with --ceiling to add the ceiling) and --groups (entry points of those
 * groups only, in their usual order) are for quick looks while developing; BENCHMARKS.md is only
 * written by a full run, so it always holds every size.
 */
import path from 'node:path';
import { totalCells } from '../src/local/emulator/spreadsheet/values';
import { loadBundle, type Bundle } from '../src/local/runner';
import { type EntryPoint, ENTRY_POINTS, discoveredReports, exposedFunctions, runEntry } from './entries';
import { naiveCanRun, naiveOverdueReport, naiveRefresh, runNaive } from './naive';
import { HEADER, naiveCells, rowCells, textTable, writeMarkdown, type Report } from './report';
import { scalePlan } from './scale';
import { IMPORT_HEADER, type ImportBenchRow, benchImport, importCells } from './import';
import { STANDARD_SIZES, ceilingSize } from './sizes';
import { type NaiveRow, type Row, evaluateTargets } from './targets';
import { type BenchWorkbook, type Size, buildWorkbook, probeLayout } from './workbook';

const root = path.join(__dirname, '..');

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function benchSize(
  bundle: Bundle,
  size: Size,
  rows: Row[],
  naive: NaiveRow[],
  exposedAll: Set<string>,
  groups: ReadonlySet<string> | null,
): BenchWorkbook {
  log(
    `\n▸ ${size.label}: ${size.clients.toLocaleString('en-US')} clients, ${size.contacts.toLocaleString('en-US')} contacts`,
  );
  const wb = buildWorkbook(bundle, size);
  log(`  workbook: ${wb.cells.toLocaleString('en-US')} cells, built in ${(wb.buildMs / 1000).toFixed(1)} s`);
  const exposed = exposedFunctions(bundle, wb);
  for (const name of exposed) exposedAll.add(name);
  const entries: EntryPoint[] = [...ENTRY_POINTS, ...discoveredReports(exposed)].filter(
    (e) => groups === null || groups.has(e.group),
  );
  const built = (e: EntryPoint) => e.names.find((n) => exposed.has(n)) ?? null;
  // The ceiling runs once and must stay inside the time budget: when "all reports" exists, the single
  // reports (measured at every other size) are left to it.
  const allReports = entries.some((e) => e.group === 'allReports' && built(e));
  for (const entry of entries) {
    if (size.label === 'ceiling' && entry.group === 'report' && allReports) continue;
    const fn = built(entry);
    const row: Row = {
      size: size.label,
      entry: entry.label,
      group: entry.group,
      fn,
      refreshes: entry.refreshes ?? false,
      m: fn ? runEntry(bundle, wb, entry, fn) : null,
    };
    rows.push(row);
    log(`  ${rowCells(row).slice(1).filter(Boolean).join(' · ')}`);
  }
  if (size.clients === 10_000 && groups === null && naiveCanRun(wb)) {
    const ours = (entry: string) => rows.find((r) => r.size === size.label && r.entry === entry) ?? null;
    for (const [what, fn, mine] of [
      ['refresh', naiveRefresh, 'refresh'],
      ['overdue report', naiveOverdueReport, 'report: overdue'],
    ] as const) {
      const r: NaiveRow = { what, m: runNaive(wb, fn), ours: ours(mine) };
      naive.push(r);
      log(`  ${naiveCells(r).slice(1).join(' · ')}`);
    }
  }
  return wb;
}

/** The import in Sheets at each list size (bench/import.ts). */
function benchImports(bundle: Bundle, counts: readonly number[]): ImportBenchRow[] {
  const out: ImportBenchRow[] = [];
  for (const count of counts) {
    log(`\n▸ import of ${count.toLocaleString('en-US')} rows into the 1,000-client workbook`);
    const row = benchImport(bundle, count, 500, log);
    out.push(row);
    log(`  ${importCells(row).join(' · ')}`);
  }
  return out;
}

export const IMPORT_ROWS = [10_000, 50_000];

function main(): void {
  const started = performance.now();
  const args = process.argv.slice(2);
  const importArg = args.find((a) => a === '--import' || a.startsWith('--import='));
  if (importArg !== undefined) {
    const counts = importArg.includes('=') ? importArg.slice('--import='.length).split(',').map(Number) : IMPORT_ROWS;
    const rows = benchImports(loadBundle(path.join(root, 'dist')), counts);
    log(`\n${textTable(IMPORT_HEADER, rows.map(importCells))}`);
    log(`\nimport only: ${((performance.now() - started) / 1000).toFixed(1)} s; BENCHMARKS.md not written`);
    return;
  }
  const sizesArg = args.find((a) => a.startsWith('--sizes='));
  const only = sizesArg ? new Set(sizesArg.slice('--sizes='.length).split(',').map(Number)) : null;
  const groupsArg = args.find((a) => a.startsWith('--groups='));
  const groups = groupsArg ? new Set(groupsArg.slice('--groups='.length).split(',')) : null;
  const withCeiling = !args.includes('--no-ceiling') && (only === null || args.includes('--ceiling'));
  if (!(globalThis as { gc?: unknown }).gc) log('(run with node --expose-gc for heap figures after a full GC)');

  const bundle = loadBundle(path.join(root, 'dist'));
  const layout = probeLayout(bundle);
  const ceiling = ceilingSize(layout);
  const sizes = [...STANDARD_SIZES.filter((s) => !only || only.has(s.clients)), ...(withCeiling ? [ceiling.size] : [])];

  const rows: Row[] = [];
  const naive: NaiveRow[] = [];
  const exposed = new Set<string>();
  const workbooks: Report['workbooks'] = [];
  for (const size of sizes) {
    const wb = benchSize(bundle, size, rows, naive, exposed, groups);
    workbooks.push({ size: wb.size, cells: wb.cells, cellsAfter: totalCells(wb.env.spreadsheet), buildMs: wb.buildMs });
  }

  const imports = only === null ? benchImports(bundle, IMPORT_ROWS) : [];
  const targets = evaluateTargets(rows, naive);
  const covered = new Set(rows.filter((r) => r.fn).map((r) => r.fn as string));
  const notBenchmarked = [...exposed].filter((f) => !covered.has(f) && f !== 'onInstall').sort();
  log(`\n${textTable(HEADER, [...rows.map(rowCells), ...naive.map(naiveCells)])}`);
  log(
    `\n${textTable(
      ['target', 'result', 'measured'],
      targets.map((t) => [t.target, t.verdict, t.measured]),
    )}`,
  );
  if (notBenchmarked.length) log(`\nexposed but not benchmarked: ${notBenchmarked.join(', ')}`);

  const totalMs = performance.now() - started;
  log(`\nwhole run: ${(totalMs / 1000).toFixed(1)} s`);
  if (!withCeiling || only !== null || groups !== null) {
    log('partial run: BENCHMARKS.md not written (run without --sizes/--no-ceiling for the full table)');
    return;
  }
  const report: Report = {
    rows,
    naive,
    targets,
    workbooks,
    ceilingExplanation: ceiling.explanation,
    scale: scalePlan({
      contactsPerClient: ceiling.size.contacts / ceiling.size.clients,
      otherCells: layout.otherCells,
    }),
    notBenchmarked,
    imports,
    totalMs,
    command: 'npm run bench',
  };
  writeMarkdown(path.join(root, 'BENCHMARKS.md'), report);
  log('wrote BENCHMARKS.md');
}

main();
