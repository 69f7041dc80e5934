/**
 * Readings the reference does not settle: for each behaviour of Google's that no page documents and
 * nothing here could check against live Apps Script, the emulator implements every plausible answer
 * and a workbook (an environment) runs under one of them. The product must pass under all of them;
 * tests and the CLI (`--mode`, `--assume name=value`) choose. docs/google-readings.md lists them with
 * what the product does about each.
 *
 * "kind" is the answer under which careless code happens to work; "unkind" the one that breaks it.
 */
import type { EnvironmentState, Execution } from './runtime';

/** How the script is deployed: bound to one spreadsheet, or an editor add-on installed by the user. */
export type DeploymentMode = 'bound' | 'addon';
export const DEPLOYMENT_MODES: readonly DeploymentMode[] = ['bound', 'addon'];

export interface ReadingDef {
  /** every answer the emulator implements, the kind one first */
  values: readonly string[];
  kind: string;
  unkind: string;
  /** what the emulator answers unless told otherwise (its answer before the switch existed) */
  initial: string;
  /** one line: the question */
  question: string;
  /** where the question comes from (the reference page that leaves it open, or the report that raises it) */
  source: string;
}

/** The table: one row per open question. Adding a reading is one row here plus its use in a service. */
export const READINGS = {
  apostropheInPlainText: {
    initial: 'stripped',
    values: ['stripped', 'kept'],
    kind: 'stripped',
    unkind: 'kept',
    question:
      'setValue("\'text") into a cell formatted as plain text (@): is the leading apostrophe dropped or kept as a character?',
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String)',
  },
  formulaInPlainText: {
    initial: 'formula',
    values: ['formula', 'text'],
    kind: 'text',
    unkind: 'formula',
    question: 'setValue("=…") into a cell formatted as plain text (@): a formula, or the text as typed?',
    source: 'https://github.com/burnash/gspread/issues/231',
  },
  customFunctionDates: {
    initial: 'spreadsheetZone',
    values: ['spreadsheetZone', 'scriptZone'],
    kind: 'spreadsheetZone',
    unkind: 'scriptZone',
    question:
      "A date cell passed to (or returned by) a custom function: converted at midnight in the spreadsheet's time zone or in the script's (appsscript.json)?",
    source: 'https://developers.google.com/apps-script/guides/sheets/functions#arguments',
  },
  scheduledRunDocument: {
    initial: 'available',
    values: ['available', 'missing'],
    kind: 'available',
    unkind: 'missing',
    question:
      "An editor add-on's time-driven run: are the active spreadsheet, document properties and the document lock there? (a bound script always has them)",
    source: 'https://developers.google.com/workspace/add-ons/concepts/editor-triggers',
  },
  mobileOnEdit: {
    initial: 'fires',
    values: ['fires', 'silent'],
    kind: 'fires',
    unkind: 'silent',
    question: 'A cell typed in the Sheets mobile app: does onEdit run?',
    source: 'https://developers.google.com/apps-script/guides/triggers#onedite',
  },
  userTriggersListClock: {
    initial: 'yes',
    values: ['yes', 'no'],
    kind: 'yes',
    unkind: 'no',
    question: 'ScriptApp.getUserTriggers(spreadsheet): are time-driven (clock) triggers in the list?',
    source: 'https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)',
  },
  rulesFollowAppendedRows: {
    initial: 'fixed',
    values: ['grow', 'fixed'],
    kind: 'grow',
    unkind: 'fixed',
    question:
      "Rows added below the grid's last row (insertRowsAfter(maxRows)): do conditional-format and protected ranges ending at that row grow over them?",
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)',
  },
} as const satisfies Record<string, ReadingDef>;

export type ReadingName = keyof typeof READINGS;
export type ReadingValue<N extends ReadingName> = (typeof READINGS)[N]['values'][number];
export type Readings = { [N in ReadingName]: ReadingValue<N> };
export type Assumptions = Partial<Readings>;

export const READING_NAMES = Object.keys(READINGS) as ReadingName[];

/** What an environment runs under: a deployment mode and one answer per reading. */
export interface ReadingsState {
  mode: DeploymentMode;
  values: Readings;
}

function initialReadings(): Readings {
  return Object.fromEntries(READING_NAMES.map((n) => [n, READINGS[n].initial])) as Readings;
}

/** Every reading at its kind answer. */
export function kindReadings(): Readings {
  return Object.fromEntries(READING_NAMES.map((n) => [n, READINGS[n].kind])) as Readings;
}

/** Every reading at its unkind answer. */
export function unkindReadings(): Readings {
  return Object.fromEntries(READING_NAMES.map((n) => [n, READINGS[n].unkind])) as Readings;
}

export function readingsState(env: EnvironmentState): ReadingsState {
  let state = env.services.get('readings') as ReadingsState | undefined;
  if (!state) {
    state = { mode: 'addon', values: initialReadings() };
    env.services.set('readings', state);
  }
  return state;
}

/** The answer this environment gives to one open question. */
export function reading<N extends ReadingName>(env: EnvironmentState, name: N): ReadingValue<N> {
  return readingsState(env).values[name];
}

export function isAddOn(env: EnvironmentState): boolean {
  return readingsState(env).mode === 'addon';
}

/** Sets the mode and/or some readings; the others keep theirs. */
export function assume(env: EnvironmentState, opts: { mode?: DeploymentMode; readings?: Assumptions }): void {
  const state = readingsState(env);
  if (opts.mode) state.mode = opts.mode;
  for (const [name, value] of Object.entries(opts.readings ?? {})) {
    checkReading(name, String(value));
    (state.values as Record<string, string>)[name] = String(value);
  }
}

/** Throws a one-sentence error for an unknown name or value. */
export function checkReading(name: string, value: string): asserts name is ReadingName {
  const def = (READINGS as Record<string, ReadingDef>)[name];
  if (!def) throw new Error(`Unknown reading "${name}"; the readings are ${READING_NAMES.join(', ')}.`);
  if (!def.values.includes(value)) {
    throw new Error(`Reading ${name} takes ${def.values.join(' or ')}, not "${value}".`);
  }
}

/** "name=value" (or a bare name: its unkind answer), as the CLI's --assume takes it. */
export function parseAssumption(text: string): Assumptions {
  const eq = text.indexOf('=');
  const name = (eq < 0 ? text : text.slice(0, eq)).trim();
  const def = (READINGS as Record<string, ReadingDef>)[name];
  const value = eq < 0 ? (def?.unkind ?? '') : text.slice(eq + 1).trim();
  checkReading(name, value);
  return { [name]: value } as Assumptions;
}

/** A label for a set of assumptions: "all kind", "apostropheInPlainText=kept", "all unkind". */
export function describeAssumptions(mode: DeploymentMode, readings: Assumptions): string {
  const parts = Object.entries(readings).map(([n, v]) => `${n}=${String(v)}`);
  return `${mode}${parts.length ? ` ${parts.join(' ')}` : ''}`;
}

/**
 * Whether this execution runs without its document: an add-on's time-driven run under
 * scheduledRunDocument=missing (getActiveSpreadsheet, getDocumentProperties, getDocumentLock and
 * getDocumentCache then answer null).
 */
export function withoutDocument(exec: Execution): boolean {
  return (
    exec.options.kind === 'timeDriven' && isAddOn(exec.env) && reading(exec.env, 'scheduledRunDocument') === 'missing'
  );
}
