/**
 * One workbook opened for the local runtime: the workbook's lock taken (workbook-lock.ts), an
 * interrupted earlier save finished or discarded (xlsx/commit.ts), the .xlsx and its sidecar loaded
 * into an emulated spreadsheet, the environment set up (time zone, locale, a fixed clock for --now,
 * who is signed in), the built add-on run on it exactly as Apps Script would, and — only when
 * something changed — everything saved back as one change, with the mail the run sent.
 */
import { sameEmail } from '../core/people';
import { cliText } from './cli/messages';
import { existsSync, statSync } from 'node:fs';
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
import { crashPoint } from './crash-point';
import { recoverInterruptedSave, type FileWrite } from './xlsx/commit';
import { loadWorkbook } from './xlsx/load';
import { saveWorkbook } from './xlsx/save';
import { SidecarError, assertServices, sidecarPath } from './xlsx/sidecar';
import { lockWorkbook, WorkbookBusyError, type WorkbookLock } from './workbook-lock';

/** Whoever creates a workbook when no --user is given: its owner (first editor). */
export const DEFAULT_USER = 'you@example.com';
/** How long a command waits for another process to finish with the workbook. */
export const DEFAULT_WAIT_MS = 60_000;

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
  /** how long to wait for the workbook's lock (default DEFAULT_WAIT_MS) */
  waitMs?: number;
  /** what holds the lock, for the sentence another process shows while waiting ("client-tracker daily") */
  what?: string;
  /** a lock the caller already holds (the playground); the session then leaves releasing it to the caller */
  lock?: WorkbookLock;
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

/** What the saved state looked like when it was loaded or last saved, to tell whether a run changed it. */
interface Baseline {
  writes: number;
  services: string;
  settings: string;
}

export class Session {
  /** sentences about the opening itself (a finished interrupted save, a new time zone) */
  readonly notes: string[] = [];
  private baseline: Baseline;
  private editor = false;
  /** the file did not exist (or is replaced): the first save must write it whatever the run did */
  private unsaved: boolean;

  private constructor(
    readonly workbook: string,
    readonly bundle: Bundle,
    readonly env: EnvironmentState,
    readonly user: string,
    /** true when the file did not exist and an empty spreadsheet was started */
    readonly isNew: boolean,
    readonly lock: WorkbookLock,
    private readonly ownsLock: boolean,
  ) {
    this.baseline = this.snapshot();
    this.unsaved = isNew;
  }

  static async open(opts: OpenOptions): Promise<Session> {
    const bundle = loadBundle(opts.distDir);
    const lock = opts.lock ?? (await takeLock(opts));
    try {
      const recovery = recoverInterruptedSave(opts.workbook, [sidecarPath(opts.workbook)]);
      const session = await Session.load(opts, bundle, lock);
      if (recovery?.finished.length) {
        session.notes.unshift(cliText('recoveredSave', { file: opts.workbook, count: recovery.finished.length }));
      } else if (recovery) {
        session.notes.unshift(cliText('discardedSave', { file: opts.workbook, count: recovery.discarded }));
      }
      return session;
    } catch (error) {
      if (!opts.lock) await lock.release();
      throw error;
    }
  }

  private static async load(opts: OpenOptions, bundle: Bundle, lock: WorkbookLock): Promise<Session> {
    const exists = existsSync(opts.workbook) && !opts.fresh;
    if (!exists && !opts.create && !opts.fresh) throw new WorkbookError(cliText('noWorkbook', { file: opts.workbook }));
    let model: SpreadsheetModel;
    let services: unknown = null;
    if (exists) {
      const loaded = await loadExisting(opts.workbook);
      model = loaded.model;
      services = loaded.sidecar?.services ?? null;
    } else {
      model = newSpreadsheetModel({
        timeZone: opts.tz ?? bundle.manifest.timeZone,
        locale: opts.locale ?? 'en_US',
        name: path.basename(opts.workbook, path.extname(opts.workbook)),
      });
    }
    const fromZone = model.timeZone;
    const clock: Clock = opts.now
      ? new ManualClock(wallTimeIn(opts.now, opts.tz ?? model.timeZone))
      : { now: () => Date.now() };
    const env = createEnvironment({
      spreadsheet: model,
      clock,
      oauthScopes: bundle.manifest.oauthScopes ?? null,
      scriptTimeZone: bundle.manifest.timeZone,
    });
    if (services) {
      try {
        assertServices(opts.workbook, services);
      } catch (error) {
        throw new WorkbookError((error as Error).message);
      }
      importServiceState(env, services);
    }
    assume(env, { mode: opts.mode, readings: opts.readings });
    const owner = model.editors.length === 0;
    const user = opts.user ?? model.editors[0] ?? DEFAULT_USER;
    const session = new Session(opts.workbook, bundle, env, user, !exists, lock, !opts.lock);
    // A new file, or one that never recorded its people (made in Excel): whoever opens it first owns it.
    if (owner) model.editors.push(user);
    else if (!canOpen(model, user)) {
      throw new WorkbookError(
        cliText('notShared', { user, file: opts.workbook, people: [...model.editors, ...model.viewers].join(', ') }),
      );
    }
    session.editor = model.editors.some((e) => sameEmail(e, user));
    if (opts.tz && opts.tz !== fromZone) session.changeTimeZone(opts.tz, exists);
    if (opts.locale && opts.locale !== model.locale) model.locale = opts.locale;
    if (opts.locale) sessionState(env).userLocale = opts.locale;
    return session;
  }

  /**
   * A new time zone for the file, as Sheets changes it: every date keeps its serial number, so its
   * day and time of day stay what they were (the emulator's setSpreadsheetTimeZone does exactly this).
   */
  private changeTimeZone(to: string, existing: boolean): void {
    const from = this.model.timeZone;
    this.asEditor((ss) => ss.setSpreadsheetTimeZone(to));
    if (existing) this.notes.push(cliText('tzChanged', { from, to }));
  }

  /** Runs `body` as this user editing the file by hand (an editor execution with the emulator's SpreadsheetApp). */
  asEditor<T>(body: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => T): T {
    const exec = startExecution(this.env, {
      authMode: 'FULL',
      kind: 'editor',
      activeUser: this.user,
      effectiveUser: this.user,
    });
    try {
      const app = globalsFor(exec).SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      return body(app.getActiveSpreadsheet());
    } finally {
      exec.end();
    }
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

  /** Whether the signed-in user may change the file (an editor when it was opened, not only a viewer). */
  get canEdit(): boolean {
    return this.editor;
  }

  /** Whether anything that is saved changed since the file was loaded or last saved. */
  get changed(): boolean {
    if (this.unsaved) return true;
    const now = this.snapshot();
    return (
      now.writes !== this.baseline.writes ||
      now.settings !== this.baseline.settings ||
      now.services !== this.baseline.services
    );
  }

  /** Mail sent since the file was loaded or last saved, each with its number in the file's mail log. */
  unsavedMail(): { mail: SentMail; number: number }[] {
    const sent = mailState(this.env).sent;
    const saved = (JSON.parse(this.baseline.services) as { mail: { sent: unknown[] } }).mail.sent.length;
    return sent.slice(saved).map((mail, i) => ({ mail, number: saved + i + 1 }));
  }

  /**
   * Saves the workbook and its sidecar, with `alongside` (the outbox's .eml files), as one change —
   * only when something changed; resolves to whether it saved. A viewer's changes are refused.
   */
  async save(alongside: readonly FileWrite[] = []): Promise<boolean> {
    if (!this.changed && alongside.length === 0) return false;
    if (!this.canEdit) throw new WorkbookError(cliText('viewerCannotChange', { user: this.user, file: this.workbook }));
    if (this.lock.compromised) throw new WorkbookError(cliText('lockLost', { file: this.workbook }));
    crashPoint();
    await saveWorkbook(this.workbook, this.model, { services: exportServiceState(this.env) }, alongside);
    this.baseline = this.snapshot();
    this.unsaved = false;
    return true;
  }

  /** Releases the workbook's lock (unless the caller lent it). */
  async close(): Promise<void> {
    if (this.ownsLock) await this.lock.release();
  }

  private snapshot(): Baseline {
    const m = this.env.spreadsheet;
    return {
      writes: this.env.writes.length,
      services: JSON.stringify(exportServiceState(this.env)),
      settings: JSON.stringify([m.timeZone, m.locale, m.name, m.editors, m.viewers]),
    };
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

async function takeLock(opts: OpenOptions): Promise<WorkbookLock> {
  try {
    return await lockWorkbook(opts.workbook, {
      waitMs: opts.waitMs ?? DEFAULT_WAIT_MS,
      what: opts.what ?? 'client-tracker',
    });
  } catch (error) {
    if (!(error instanceof WorkbookBusyError)) throw error;
    const seconds = Math.round(error.waitedMs / 1000);
    const holder = error.holder;
    throw new WorkbookError(
      holder
        ? cliText('workbookBusy', {
            file: opts.workbook,
            what: holder.what,
            pid: holder.pid,
            host: holder.host,
            since: holder.since.replace('T', ' ').slice(0, 19),
            seconds,
          })
        : cliText('workbookBusyUnknown', { file: opts.workbook, lock: `${error.file}.lock`, seconds }),
    );
  }
}

async function loadExisting(file: string): ReturnType<typeof loadWorkbook> {
  try {
    return await loadWorkbook(file);
  } catch (error) {
    if (error instanceof SidecarError) throw new WorkbookError(error.message);
    const text = (error as Error).message;
    // exceljs' own reason ("Corrupted zip?") means nothing to a person: say what the file is not.
    if (text.startsWith(`${file} is not an .xlsx workbook`)) throw new WorkbookError(cliText('notXlsx', { file }));
    throw new WorkbookError(text);
  }
}

// One rule for the same person (src/core/people.ts), re-exported for the local runtime's callers.
export { sameEmail };

/** Whether this person can open the file: an editor or a viewer. */
export function canOpen(model: SpreadsheetModel, user: string): boolean {
  return [...model.editors, ...model.viewers].some((e) => sameEmail(e, user));
}

/** What identifies the saved files' current versions (each save replaces them by a rename). */
export function diskStamp(workbook: string): string {
  return [workbook, sidecarPath(workbook)]
    .map((file) => {
      try {
        const s = statSync(file);
        return `${s.ino}:${s.size}:${s.mtimeMs}`;
      } catch {
        return '-';
      }
    })
    .join('|');
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
