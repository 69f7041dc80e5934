/**
 * The issue's targets, evaluated from the measurements. They are reported, never asserted: a MISS is
 * a finding for the lead, not a failed build. An entry point that is not built yet makes its target
 * "not built yet" rather than a pass.
 */
import { EXECUTION_LIMIT_MS } from './costs';
import type { Measurement } from './measure';

export interface Row {
  size: string;
  entry: string;
  group: string;
  /** the exposed function that ran; null when the bundle has none of the names */
  fn: string | null;
  /** it refreshes the register in the same execution */
  refreshes?: boolean;
  m: Measurement | null;
}

export interface NaiveRow {
  what: 'refresh' | 'overdue report';
  m: Measurement;
  /** ours, for the ratio */
  ours: Row | null;
}

export type Verdict = 'PASS' | 'MISS' | 'not built yet';

export interface TargetResult {
  target: string;
  measured: string;
  verdict: Verdict;
}

const ok = (r: Row | undefined | null): r is Row & { m: Measurement } => !!r && r.m !== null && r.m.outcome === 'ok';
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const n = (x: number) => x.toLocaleString('en-US');

function find(rows: readonly Row[], size: string, entry: string): Row | undefined {
  return rows.find((r) => r.size === size && r.entry === entry);
}

function callsIdentical(rows: readonly Row[]): TargetResult {
  const target = 'Spreadsheet calls per operation identical at 1,000 and 50,000 clients';
  const small = rows.filter((r) => r.size === '1,000' && ok(r));
  const compared: string[] = [];
  const differ: string[] = [];
  for (const a of small) {
    const b = find(rows, '50,000', a.entry);
    if (!ok(b)) continue;
    compared.push(a.entry);
    if (a.m!.calls !== b.m.calls) differ.push(`${a.entry}: ${n(a.m!.calls)} → ${n(b.m.calls)}`);
  }
  if (compared.length === 0) return { target, measured: 'no entry point ran at both sizes', verdict: 'not built yet' };
  return {
    target,
    measured: differ.length === 0 ? `${compared.length} entry points, all equal` : differ.join('; '),
    verdict: differ.length === 0 ? 'PASS' : 'MISS',
  };
}

/** Refresh plus all reports: the "all reports" entry when built, else the single reports. */
function refreshAndReports(rows: readonly Row[], size: string): { parts: Row[]; missing: string[] } {
  const refresh = find(rows, size, 'refresh');
  const all = find(rows, size, 'all reports');
  // One execution that does both (reading the workbook once) is what a user runs for both.
  if (all?.fn && all.refreshes) return { parts: [all], missing: [] };
  const singles = rows.filter((r) => r.size === size && r.group === 'report' && r.fn !== null);
  const reports = all && all.fn ? [all] : singles;
  const missing: string[] = [];
  if (!refresh?.fn) missing.push('refresh');
  if (reports.length === 0) missing.push('reports');
  return { parts: [...(refresh?.fn ? [refresh] : []), ...reports], missing };
}

function bigRun(rows: readonly Row[]): TargetResult[] {
  const { parts, missing } = refreshAndReports(rows, '50,000');
  const what = `refresh + all reports at 50,000 clients / 250,000 contacts`;
  if (missing.length > 0 && parts.length === 0) {
    return [
      { target: `${what}: < 3 s Node`, measured: `${missing.join(', ')} not built yet`, verdict: 'not built yet' },
      { target: `${what}: modelled < 60 s`, measured: `${missing.join(', ')} not built yet`, verdict: 'not built yet' },
    ];
  }
  const failed = parts.filter((p) => !ok(p));
  const wall = parts.reduce((t, p) => t + (p.m?.wallMs ?? 0), 0);
  const model = parts.reduce((t, p) => t + (p.m?.modelledMs ?? 0), 0);
  const note = [
    parts.length === 1 && parts[0].refreshes
      ? `(${parts[0].entry}: refresh and reports in one execution, on a register refreshed earlier in the run)`
      : `(${parts.map((p) => p.entry).join(' + ')})`,
    missing.length ? `; ${missing.join(', ')} not built yet` : '',
    failed.length ? `; failed: ${failed.map((f) => `${f.entry}: ${f.m?.outcome}`).join('; ')}` : '',
  ].join('');
  const verdict = (pass: boolean): Verdict =>
    missing.length ? 'not built yet' : pass && failed.length === 0 ? 'PASS' : 'MISS';
  const before = previousLayout(rows, '50,000', parts);
  const vs = (ours: number, of: (m: Measurement) => number): string =>
    before ? `; ${before.label}: ${s(before.sum(of))}, ours ÷ that = ${(ours / before.sum(of)).toFixed(2)}` : '';
  return [
    {
      target: `${what}: < 3 s Node`,
      measured: `${s(wall)} ${note}${vs(wall, (m) => m.wallMs)}`,
      verdict: verdict(wall < 3000),
    },
    {
      target: `${what}: modelled < 60 s`,
      measured: `${s(model)} ${note}${vs(model, (m) => m.modelledMs)}`,
      verdict: verdict(model < 60_000),
    },
  ];
}

/**
 * The same work done the way it was done before one execution did it all, measured in the same run,
 * so a time can be read as a ratio on a machine whose speed varies: the refresh, then each report in
 * an execution of its own. Null when the run has no such rows, or when ours is already that.
 */
function previousLayout(
  rows: readonly Row[],
  size: string,
  ours: readonly Row[],
): { label: string; sum: (of: (m: Measurement) => number) => number } | null {
  if (ours.length !== 1 || !ours[0].refreshes) return null;
  const refresh = find(rows, size, 'refresh');
  const singles = rows.filter((r) => r.size === size && r.group === 'report');
  const parts = [refresh, ...singles];
  if (singles.length === 0 || !parts.every(ok)) return null;
  return {
    label: `the refresh and the ${singles.length} reports each in its own execution, in this run`,
    sum: (of) => parts.reduce((t, p) => t + of(p!.m!), 0),
  };
}

function ceiling(rows: readonly Row[]): TargetResult {
  const target = 'ceiling case completes within one modelled 6-minute execution, or resumes correctly';
  const daily = find(rows, 'ceiling', 'daily run (+ digests)');
  const { parts, missing } = refreshAndReports(rows, 'ceiling');
  const runs = daily?.fn ? [daily] : parts;
  if (runs.length === 0)
    return { target, measured: 'refresh, reports and daily run not built yet', verdict: 'not built yet' };
  const heap = Math.max(...rows.filter((r) => r.size === 'ceiling' && r.m).map((r) => r.m!.peakHeapMb));
  const scriptHeap = Math.max(...rows.filter((r) => r.size === 'ceiling' && r.m).map((r) => r.m!.heapGrowthMb));
  const lines = runs.map((r) => {
    const m = r.m!;
    const execs = m.executions > 1 ? ` in ${m.executions} executions` : '';
    return `${r.entry}: ${m.outcome === 'ok' ? s(m.modelledMs) : m.outcome}${execs}`;
  });
  // A daily run may catch a failing step and still end "ok": any failure at the ceiling counts.
  const failed = rows.filter((r) => r.size === 'ceiling' && r.m && r.m.outcome !== 'ok');
  if (failed.length)
    lines.push(`failed at the ceiling: ${failed.map((f) => `${f.entry} (${f.m?.outcome})`).join('; ')}`);
  const pass =
    failed.length === 0 && runs.every((r) => ok(r) && (r.m.executions > 1 || r.m.modelledMs <= EXECUTION_LIMIT_MS));
  const pending = !daily?.fn ? `; daily run not built yet${missing.length ? `, nor ${missing.join(', ')}` : ''}` : '';
  return {
    target,
    measured: `${lines.join('; ')}; peak heap ${heap.toFixed(0)} MB (the script's own, apart from the workbook: ${scriptHeap.toFixed(0)} MB)${pending}`,
    verdict: pass ? 'PASS' : 'MISS',
  };
}

function search(rows: readonly Row[]): TargetResult {
  const target = 'searchClients at 50,000 clients: < 50 ms Node and < 20 KB';
  const first = find(rows, '50,000', 'searchClients (first)');
  const next = find(rows, '50,000', 'searchClients (next key)');
  if (!first?.fn) return { target, measured: 'searchClients not built yet', verdict: 'not built yet' };
  const fmt = (r: Row | undefined) =>
    ok(r)
      ? `${r.m.wallMs.toFixed(1)} ms, ${((r.m.responseBytes ?? 0) / 1024).toFixed(1)} KB`
      : (r?.m?.outcome ?? 'did not run');
  const pass = [first, next].every((r) => ok(r) && r.m.wallMs < 50 && (r.m.responseBytes ?? 0) < 20 * 1024);
  const cold = find(rows, '50,000', 'searchClients (no index cached)');
  const opened = find(rows, '50,000', 'sidebar opens (no index cached)');
  // As a ratio in one run: the first keystroke against one that builds its own index, as every
  // person did before the index was shared (a machine's load slows both alike).
  const vs =
    ok(first) && ok(cold)
      ? ` (first keystroke ÷ that = ${(first.m.wallMs / Math.max(cold.m.wallMs, 0.1)).toFixed(2)})`
      : '';
  const context = [
    opened?.fn ? `; opening the sidebar with no index cached (it builds one): ${fmt(opened)}` : '',
    cold?.fn ? `; a keystroke that finds no index: ${fmt(cold)}${vs}` : '',
  ].join('');
  return {
    target,
    measured: `first keystroke after the sidebar opened ${fmt(first)}; next keystroke ${fmt(next)}${context}`,
    verdict: pass ? 'PASS' : 'MISS',
  };
}

function ratio(naive: readonly NaiveRow[]): TargetResult {
  const target = 'naive baseline calls ÷ ours at 10,000 clients (expect thousands)';
  if (naive.length === 0) return { target, measured: 'naive baseline did not run', verdict: 'MISS' };
  const parts = naive.map((r) => {
    if (!ok(r.ours)) return { text: `${r.what}: naive ${n(r.m.calls)} calls, ours not built yet`, ratio: null };
    const x = r.m.calls / Math.max(1, r.ours.m.calls);
    return { text: `${r.what}: ${n(r.m.calls)} ÷ ${n(r.ours.m.calls)} = ${n(Math.round(x))}×`, ratio: x };
  });
  const ratios = parts.map((p) => p.ratio);
  const verdict: Verdict = ratios.some((x) => x === null)
    ? 'not built yet'
    : ratios.every((x) => (x ?? 0) >= 1000)
      ? 'PASS'
      : 'MISS';
  return { target, measured: parts.map((p) => p.text).join('; '), verdict };
}

/** The sidebar's actions a salesperson waits for after every call. */
export const SIDEBAR_ACTIONS = ['getClientCard', 'logContact', 'addClient', 'claimClient', 'reassignClient'];

/**
 * < 1.5 s modelled at the ceiling, and cells read that do not grow with the book: equal at 10,000
 * and 50,000 clients (five contacts each at both sizes, so the client's own history is the same size).
 */
function sidebarActions(rows: readonly Row[]): TargetResult {
  const target = 'sidebar actions at the ceiling: < 1.5 s modelled, cells read equal at 10,000 and 50,000 clients';
  const parts: string[] = [];
  let pass = true;
  for (const entry of SIDEBAR_ACTIONS) {
    const top = find(rows, 'ceiling', entry);
    if (!ok(top)) {
      parts.push(`${entry}: ${top?.m?.outcome ?? 'did not run'}`);
      pass = false;
      continue;
    }
    const a = find(rows, '10,000', entry);
    const b = find(rows, '50,000', entry);
    const cells = ok(a) && ok(b) ? `, cells ${n(a.m.cellsRead)} → ${n(b.m.cellsRead)}` : '';
    if (top.m.modelledMs >= 1500 || (ok(a) && ok(b) && a.m.cellsRead !== b.m.cellsRead)) pass = false;
    parts.push(`${entry} ${s(top.m.modelledMs)} (${n(top.m.calls)} calls${cells})`);
  }
  return { target, measured: parts.join('; '), verdict: pass ? 'PASS' : 'MISS' };
}

export function evaluateTargets(rows: readonly Row[], naive: readonly NaiveRow[]): TargetResult[] {
  return [callsIdentical(rows), ...bigRun(rows), ceiling(rows), search(rows), sidebarActions(rows), ratio(naive)];
}
