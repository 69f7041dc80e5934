/**
 * Runs the built add-on (dist/Code.js, exactly what clasp pushes) inside node:vm with the emulator's
 * services as globals — one fresh global scope per execution, as Apps Script loads the script anew
 * for every run. The CLI, the playground, the benchmark and the bundle tests all go through here.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { globalsFor, startExecution, type EnvironmentState, type ExecutionOptions, type Execution } from './emulator';
import { htmlFiles } from './emulator/services';
import { customFunctionArgument, customFunctionResult } from './emulator/custom-function-dates';

export interface Bundle {
  script: vm.Script;
  /** dist/*.html by file name without extension, for HtmlService.createHtmlOutputFromFile */
  html: Map<string, string>;
  manifest: { timeZone: string; oauthScopes?: string[] };
  /** the source, for tests that inspect the built file */
  source: string;
}

/**
 * The built-ins the script reads in its loops, handed to it as parameters of a function around the
 * bundle. node:vm puts an interceptor on a context's global object, so every read of a global name
 * (Date, Math, even undefined) in the script goes through it: 10 to 30 times slower than in Apps
 * Script's V8, which made the benchmark's Node time mostly that (docs/scale.md, "Node time"). The
 * values are the context's own (its Date is the clock's), so nothing the script sees changes; the
 * services stay globals, read as Apps Script would (some refuse to load in some auth modes).
 */
const BUILT_INS = [
  'Date',
  'Math',
  'Number',
  'String',
  'Boolean',
  'Object',
  'Array',
  'JSON',
  'Map',
  'Set',
  'WeakMap',
  'RegExp',
  'Error',
  'TypeError',
  'RangeError',
  'Symbol',
  'Intl',
  'Reflect',
  'Promise',
  'Uint8Array',
  'isNaN',
  'isFinite',
  'parseInt',
  'parseFloat',
  'encodeURIComponent',
  'decodeURIComponent',
  'undefined',
  'NaN',
  'Infinity',
];

/**
 * The script inside a function whose parameters are BUILT_INS. Its first line is the file's first
 * line, so line numbers in stacks are the file's. A top-level function is a global in Apps Script; in
 * the function it is a local, so each one written at the start of a line (`function name(`: how
 * gas-webpack-plugin writes its stubs, and how a hand-written script is laid out) is put on the global
 * object afterwards, unless the script put one there itself (the bundle assigns every exposure: a
 * stub never replaces it). A line that starts `function` inside another function (the bundle's
 * modules are written without indentation) names nothing at the top: `typeof` skips it.
 */
export function wrapBundle(source: string): string {
  const args = BUILT_INS.map((name) => `globalThis.${name}`).join(', ');
  const names = [...source.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]);
  const exports = [...new Set(names)]
    .map((n) => `if (typeof ${n} === 'function' && !Object.hasOwn(globalThis, '${n}')) globalThis.${n} = ${n};`)
    .join('\n');
  return `(function (${BUILT_INS.join(', ')}) {${source}\n;${exports}\n}).call(globalThis, ${args});`;
}

export function loadBundle(distDir: string): Bundle {
  const codePath = path.join(distDir, 'Code.js');
  if (!fs.existsSync(codePath)) throw new Error(`${codePath} is missing: run "npm run build" first.`);
  const source = fs.readFileSync(codePath, 'utf8');
  const html = new Map<string, string>();
  for (const f of fs.readdirSync(distDir)) {
    if (f.endsWith('.html')) html.set(f.slice(0, -5), fs.readFileSync(path.join(distDir, f), 'utf8'));
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'appsscript.json'), 'utf8')) as Bundle['manifest'];
  return { script: new vm.Script(wrapBundle(source), { filename: 'Code.js' }), html, manifest, source };
}

export interface RunResult<T = unknown> {
  value: T;
  execution: Execution;
}

/** Runs one top-level function of the bundle as one Apps Script execution. */
export function run<T = unknown>(
  bundle: Bundle,
  env: EnvironmentState,
  options: ExecutionOptions,
  functionName: string,
  args: (exec: Execution, globals: Record<string, unknown>) => unknown[] = () => [],
): RunResult<T> {
  const files = htmlFiles(env);
  for (const [name, content] of bundle.html) files.set(name, content);
  const exec = startExecution(env, options);
  try {
    const globals = globalsFor(exec);
    const context = vm.createContext({ ...globals, console, Date: clockDate(env.clock) });
    bundle.script.runInContext(context);
    const fn = (context as Record<string, unknown>)[functionName];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${functionName}`);
    const value = (fn as (...a: unknown[]) => unknown)(...args(exec, globals)) as T;
    return { value, execution: exec };
  } finally {
    exec.end();
  }
}

/**
 * The script's Date: the host Date (so Dates from the emulated services pass `instanceof Date` in the
 * script), except that "now" — `new Date()`, `Date()` and `Date.now()` — reads the environment's clock.
 */
export function clockDate(clock: { now(): number }): DateConstructor {
  // A plain function rather than a Proxy of Date: the script runs `instanceof Date` and `new Date(ms)`
  // millions of times in a big refresh, and a Proxy's traps made those the emulator's slowest lines.
  // `arguments` rather than a rest parameter: `new Date(ms)` then allocates nothing but the Date.
  function ClockDate(this: unknown): Date | string {
    if (new.target === undefined) return new Date(clock.now()).toString();
    /* eslint-disable prefer-rest-params */
    if (arguments.length === 1) return new Date(arguments[0] as string);
    if (arguments.length === 0) return new Date(clock.now());
    return new Date(...(Array.from(arguments) as [string]));
    /* eslint-enable prefer-rest-params */
  }
  Object.setPrototypeOf(ClockDate, Date);
  Object.defineProperty(ClockDate, 'prototype', { value: Date.prototype });
  Object.defineProperty(ClockDate, 'now', { value: () => clock.now() });
  return ClockDate as unknown as DateConstructor;
}

/**
 * google.script.run semantics: private names (trailing _) are refused; arguments and the result cross
 * as JSON-like copies; a result containing a Date arrives as null (the documented failure mode).
 * Sources: https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values
 */
export function callFromClient(
  bundle: Bundle,
  env: EnvironmentState,
  user: string,
  functionName: string,
  args: unknown[],
): unknown {
  if (functionName.endsWith('_')) throw new Error(`Script function not found: ${functionName}`);
  const copies = args.map((a) => (a === undefined ? null : (JSON.parse(JSON.stringify(a)) as unknown)));
  const { value } = run(
    bundle,
    env,
    { authMode: 'FULL', kind: 'scriptRun', activeUser: user, effectiveUser: user },
    functionName,
    () => copies,
  );
  return crossesToClient(value) ? (value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown)) : null;
}

function crossesToClient(value: unknown): boolean {
  if (value instanceof Date || typeof value === 'function') return false;
  if (Array.isArray(value)) return value.every(crossesToClient);
  if (value && typeof value === 'object') return Object.values(value).every(crossesToClient);
  return true;
}

/**
 * A custom function as a formula cell runs it: in AuthMode.CUSTOM_FUNCTION, the cells' values converted
 * to arguments and the result back to a cell value the way the environment's reading of
 * customFunctionDates says (emulator/custom-function-dates.ts).
 */
export function callCustomFunction(bundle: Bundle, env: EnvironmentState, name: string, cells: unknown[]): unknown {
  const args = cells.map((c) => customFunctionArgument(env, c));
  const { value } = run(bundle, env, { authMode: 'CUSTOM_FUNCTION', kind: 'customFunction' }, name, () => args);
  return customFunctionResult(env, value);
}
