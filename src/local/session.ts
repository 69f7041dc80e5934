/**
 * One workbook opened for the local runtime: the .xlsx and its sidecar loaded into an emulated
 * spreadsheet, the environment set up (time zone, locale, a fixed clock for --now, who is signed in),
 * the built add-on run on it exactly as Apps Script would, and everything saved back atomically.
 */
import { cliText } from './cli/messages';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createEnvironment, globalsFor, ManualClock, startExecution, type EnvironmentState } from './emulator';
import { newSpreadsheetModel, type SpreadsheetModel } from './emulator/model';
import type { Clock } from './emulator/runtime';
import { type Assumptions, type DeploymentMode, assume } from './emulator/readings';
import {
  exportServiceState,
  importServiceState,
  mailState,
  sessionState,
  uiState,
  type MenuRecord,
  type SentMail,
} from './emulator/services';
import type { ShownRecord } from './emulator/services/ui';
import { zonedDate } from './emulator/spreadsheet';
import type { ToastRecord } from './emulator/spreadsheet';
import { callFromClient, loadBundle, run, type Bundle } from './runner';
import type { WallTime } from './cli/args';
import { loadWorkbook } from './xlsx/load';
import { saveWorkbook } from './xlsx/save';

/** Whoever runs the CLI on a workbook with no editors recorded yet. */
export const DEFAULT_USER = 'you@example.com';

export interface OpenOptions {
  workbook: string;
  /** the built add-on (dist/) */
  distDir: string;
  now?: WallTime;
  tz?: string;
  locale?: string;
  user?: string;
  /** start a new, empty spreadsheet when the file does not exist (demo, setup) */
  create?: boolean;
  /** start a new, empty spreadsheet even if the file exists (demo --force) */
  fresh?: boolean;
  /** bound script or editor add-on (default: what the sidecar recorded, else add-on) */
  mode?: DeploymentMode;
  /** answers to questions the reference leaves open, for this run only (emulator/readings.ts) */
  readings?: Assumptions;
}

/** What one execution showed the user. */
export interface Feedback {
  /** alert and prompt dialogs: title and text */
  alerts: string[];
  toasts: string[];
  /** sidebars and dialogs opened */
  shown: ShownRecord[];
  /** mail sent */
  mail: SentMail[];
  /** whether the run wrote to the spreadsheet */
  wrote: boolean;
  /**
   * The run refused with one sentence and wrote nothing: the add-on's menu actions catch a UserError
   * and show just its sentence, in an alert without a title (src/gas/problems.ts reportInAlert), where a
   * finished action shows a titled report.
   */
  refused: boolean;
}

/** A failure a person caused or can fix: one sentence, exit code 1, the workbook left as it was. */
export class WorkbookError extends Error {}

export class Session {
  private constructor(
    readonly workbook: string,
    readonly bundle: Bundle,
    readonly env: EnvironmentState,
    readonly user: string,
    /** true when the file did not exist and an empty spreadsheet was started */
    readonly isNew: boolean,
  ) {}

  static async open(opts: OpenOptions): Promise<Session> {
    const bundle = loadBundle(opts.distDir);
    const exists = existsSync(opts.workbook) && !opts.fresh;
    if (!exists && !opts.create && !opts.fresh) throw new WorkbookError(cliText('noWorkbook', { file: opts.workbook }));
    let model: SpreadsheetModel;
    let services: unknown = null;
    if (exists) {
      const loaded = await loadExisting(opts.workbook);
      model = loaded.model;
      services = loaded.sidecar?.services ?? null;
      if (opts.tz) model.timeZone = opts.tz;
    } else {
      model = newSpreadsheetModel({
        timeZone: opts.tz ?? bundle.manifest.timeZone,
        locale: opts.locale ?? 'en_US',
        name: path.basename(opts.workbook, path.extname(opts.workbook)),
      });
    }
    if (opts.locale) model.locale = opts.locale;
    const clock: Clock = opts.now ? new ManualClock(wallTimeIn(opts.now, model.timeZone)) : { now: () => Date.now() };
    const env = createEnvironment({
      spreadsheet: model,
      clock,
      oauthScopes: bundle.manifest.oauthScopes ?? null,
      scriptTimeZone: bundle.manifest.timeZone,
    });
    if (services) importServiceState(env, services);
    assume(env, { mode: opts.mode, readings: opts.readings });
    if (opts.locale) sessionState(env).userLocale = opts.locale;
    const user = opts.user ?? model.editors[0] ?? DEFAULT_USER;
    if (!model.editors.includes(user)) model.editors.push(user);
    return new Session(opts.workbook, bundle, env, user, !exists);
  }

  get model(): SpreadsheetModel {
    return this.env.spreadsheet;
  }

  /** Whether the bundle defines this top-level function (later features add theirs). */
  has(functionName: string): boolean {
    return exposedFunctions(this.bundle).has(functionName);
  }

  /** Opening the file: onOpen as a simple trigger builds the add-on menu. */
  openFile(): Feedback {
    return this.observe(() => {
      if (this.has('onOpen')) {
        run(
          this.bundle,
          this.env,
          { authMode: 'LIMITED', kind: 'simpleTrigger', activeUser: '', effectiveUser: this.user },
          'onOpen',
          () => [{ authMode: 'LIMITED', source: undefined, user: { getEmail: () => '' } }],
        );
      }
    }).feedback;
  }

  /** The menus onOpen built (openFile first). */
  menus(): MenuRecord[] {
    return uiState(this.env).menus;
  }

  /** A menu item clicked by the signed-in user. */
  menu(functionName: string): Feedback {
    return this.observe(() =>
      run(
        this.bundle,
        this.env,
        { authMode: 'FULL', kind: 'menu', activeUser: this.user, effectiveUser: this.user },
        functionName,
      ),
    ).feedback;
  }

  /** A time-driven trigger firing: runs as the account that created it, with nobody at the screen. */
  trigger(functionName: string, creator: string): Feedback {
    const event = { authMode: 'FULL', triggerUid: '', year: 0 };
    return this.observe(() =>
      run(
        this.bundle,
        this.env,
        { authMode: 'FULL', kind: 'timeDriven', activeUser: creator, effectiveUser: creator },
        functionName,
        () => [event],
      ),
    ).feedback;
  }

  /** google.script.run from the sidebar: JSON-like arguments in, a JSON-like copy of the result out. */
  client(functionName: string, args: unknown[]): { value: unknown; feedback: Feedback } {
    return this.observe(() => callFromClient(this.bundle, this.env, this.user, functionName, args));
  }

  /** Writes the workbook and its sidecar (both atomically: a temporary file, then a rename). */
  async save(): Promise<void> {
    await fs.mkdir(path.dirname(path.resolve(this.workbook)), { recursive: true });
    await saveWorkbook(this.workbook, this.model, { services: exportServiceState(this.env) });
  }

  private observe<T>(body: () => T): { value: T; feedback: Feedback } {
    const ui = uiState(this.env);
    const toasts = (): ToastRecord[] => (this.env.services.get('toasts') as ToastRecord[] | undefined) ?? [];
    const mark = { dialogs: ui.dialogs.length, shown: ui.shown.length, toasts: toasts().length };
    const mail = mailState(this.env).sent.length;
    const writes = this.env.writes.length;
    const value = body();
    const dialogs = ui.dialogs.slice(mark.dialogs);
    const wrote = this.env.writes.length !== writes;
    return {
      value,
      feedback: {
        alerts: dialogs.map((d) => [d.title, d.prompt].filter(Boolean).join('\n')),
        toasts: toasts()
          .slice(mark.toasts)
          .map((t) => [t.title, t.message].filter(Boolean).join(': ')),
        shown: ui.shown.slice(mark.shown),
        mail: mailState(this.env).sent.slice(mail),
        wrote,
        refused: !wrote && dialogs.length > 0 && dialogs.every((d) => d.kind === 'alert' && d.title === ''),
      },
    };
  }
}

async function loadExisting(file: string): ReturnType<typeof loadWorkbook> {
  try {
    return await loadWorkbook(file);
  } catch (error) {
    const text = (error as Error).message;
    // exceljs' own reason ("Corrupted zip?") means nothing to a person: say what the file is not.
    if (text.startsWith(`${file} is not an .xlsx workbook`)) throw new WorkbookError(cliText('notXlsx', { file }));
    throw new WorkbookError(text);
  }
}

/** The instant the workbook's clock shows this wall-clock time. */
export function wallTimeIn(t: WallTime, timeZone: string): number {
  return zonedDate(timeZone, t.year, t.month, t.day, t.hour, t.minute, t.second).getTime();
}

const exposures = new WeakMap<Bundle, Set<string>>();

/** The bundle's top-level functions, found the way Apps Script finds them: by running the file. */
export function exposedFunctions(bundle: Bundle): Set<string> {
  let names = exposures.get(bundle);
  if (!names) {
    const env = createEnvironment();
    const exec = startExecution(env, { authMode: 'NONE', kind: 'editor' });
    try {
      const globals = globalsFor(exec);
      const context = vm.createContext({ ...globals, console });
      bundle.script.runInContext(context);
      const scope = context as Record<string, unknown>;
      names = new Set(Object.keys(scope).filter((k) => typeof scope[k] === 'function' && !(k in globals)));
    } finally {
      exec.end();
    }
    exposures.set(bundle, names);
  }
  return names;
}
