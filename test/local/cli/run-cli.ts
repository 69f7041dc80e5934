/**
 * Runs the real command line (`node bin/client-tracker.js …`, the built CLI on the built add-on) in a
 * fresh temporary folder, and reads what it saved with exceljs directly, as Excel would.
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

export const ROOT = path.join(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'client-tracker.js');

/** Builds once when there is no build yet (`npm test` builds before jest). */
export function ensureBuilt(): void {
  if (!fs.existsSync(path.join(ROOT, 'build', 'cli.js')) || !fs.existsSync(path.join(ROOT, 'dist', 'Code.js'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  }
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ct-cli-'));
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(cwd: string, args: string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    // English unless a test asks otherwise, whatever the machine's own language.
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export interface CliProcess extends CliRun {
  /** the signal that ended it, when one did */
  signal: NodeJS.Signals | null;
}

function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env };
}

/** The command line as a child process that runs beside others; resolves when it has ended (and is reaped). */
export function cliAsync(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
}

/** The command line, waited for, with the signal that ended it. */
export function cliSignal(cwd: string, args: string[], env: Record<string, string> = {}): CliProcess {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: cliEnv(env),
    timeout: 300_000,
  });
  return { code: result.status ?? -1, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** A workbook as exceljs reads it. */
/** A `client-tracker serve` started by `serve`: the process, and its URL once it says it listens. */
export interface Served {
  child: ChildProcessWithoutNullStreams;
  url: Promise<string>;
}

/**
 * Starts the playground (`client-tracker serve … --port 0`, any free port) in `dir` with these
 * arguments; `url` resolves when it prints where it listens and rejects, with what it said, if it
 * exits first. The caller kills `child`.
 */
export function serve(dir: string, args: string[], env: Record<string, string> = {}): Served {
  const child = spawn(process.execPath, [BIN, 'serve', ...args, '--port', '0'], {
    cwd: dir,
    env: { ...process.env, ...env },
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /playground on (http:\/\/\S+)/.exec(out);
      if (found) resolve(found[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return { child, url };
}

export async function openXlsx(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

export type Plain = string | number | boolean | Date | null;

/** A cell as the user sees its content: rich text joined, formulas by their result. */
export function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return plain(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return null;
}

/** The rows of a tab as objects keyed by the header row's text. */
export function records(workbook: ExcelJS.Workbook, tab: string): Record<string, Plain>[] {
  const ws = workbook.getWorksheet(tab);
  if (!ws) throw new Error(`no tab ${tab}; have ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  const headers: string[] = [];
  ws.getRow(1).eachCell((cell, col) => (headers[col] = String(plain(cell.value))));
  const out: Record<string, Plain>[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const rec: Record<string, Plain> = {};
    headers.forEach((h, col) => (rec[h] = plain(row.getCell(col).value)));
    if (Object.values(rec).some((v) => v !== null && v !== '')) out.push(rec);
  });
  return out;
}

/** Edits a tab the way a user would in Excel: values under the headers they name, below the last row. */
export async function typeRows(file: string, tab: string, rows: Record<string, ExcelJS.CellValue>[]): Promise<void> {
  const wb = await openXlsx(file);
  const ws = wb.getWorksheet(tab)!;
  const headers = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => headers.set(String(cell.value), col));
  let r = ws.actualRowCount + 1;
  for (const row of rows) {
    for (const [header, value] of Object.entries(row)) ws.getRow(r).getCell(headers.get(header)!).value = value;
    r++;
  }
  await wb.xlsx.writeFile(file);
}

/** Excel's wall clock: the fields as UTC (exceljs' convention). */
export const wall = (y: number, m: number, d: number, h = 0, min = 0): Date => new Date(Date.UTC(y, m - 1, d, h, min));

/** Excel keeps wall-clock date-times (exceljs gives them as the UTC fields of a Date): 'YYYY-MM-DD'. */
export function day(value: Plain): string {
  if (!(value instanceof Date)) throw new Error(`not a date: ${String(value)}`);
  return value.toISOString().slice(0, 10);
}

/**
 * A stand-in add-on: a dist/ folder holding the given Code.js and the real manifest, for commands
 * whose feature (or failure) the real bundle does not have.
 */
export function fakeDist(code: string): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'Code.js'), code);
  fs.copyFileSync(path.join(ROOT, 'appsscript.json'), path.join(dir, 'appsscript.json'));
  return dir;
}
