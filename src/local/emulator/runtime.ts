/**
 * The emulator's execution machinery, shared by every emulated service:
 * an injectable clock, per-method call counters, execution contexts with Apps Script's
 * authorization modes, the manifest's OAuth scopes, and a record of every write.
 *
 * Sources: https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 * (what each AuthMode may touch), https://developers.google.com/apps-script/guides/triggers#restrictions
 * (simple triggers: 30 s, no services that need authorization),
 * https://developers.google.com/apps-script/guides/services/quotas (6 min per execution).
 */
import type { SpreadsheetModel } from './model';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** How an execution started; decides the time limit and, with the auth mode, what it may touch. */
export type ExecutionKind =
  | 'simpleTrigger' // onOpen / onEdit / onInstall run as simple triggers
  | 'menu' // a menu item click
  | 'scriptRun' // google.script.run from a sidebar or dialog
  | 'timeDriven' // an installable time-driven trigger
  | 'customFunction' // a formula in a cell
  | 'editor'; // run from the script editor or a test harness

/** Things a service call may need; the table below says which auth modes grant them. */
export type Capability =
  | 'document.read'
  | 'document.write'
  | 'ui.menu' // building add-on menus (allowed even in NONE)
  | 'ui.show' // sidebars, dialogs, alert, prompt
  | 'ui.toast'
  | 'properties.read'
  | 'properties.write'
  | 'cache'
  | 'lock'
  | 'mail'
  | 'triggers'
  | 'session.user'
  | 'utilities'
  | 'html';

const GRANTS: Record<AuthModeName, ReadonlySet<Capability>> = {
  NONE: new Set<Capability>(['ui.menu', 'utilities', 'html']),
  LIMITED: new Set<Capability>([
    'document.read',
    'document.write',
    'ui.menu',
    'ui.toast',
    'properties.read',
    'properties.write',
    'cache',
    'lock',
    'utilities',
    'html',
    'session.user',
  ]),
  CUSTOM_FUNCTION: new Set<Capability>(['document.read', 'properties.read', 'cache', 'lock', 'utilities', 'html']),
  FULL: new Set<Capability>([
    'document.read',
    'document.write',
    'ui.menu',
    'ui.show',
    'ui.toast',
    'properties.read',
    'properties.write',
    'cache',
    'lock',
    'mail',
    'triggers',
    'session.user',
    'utilities',
    'html',
  ]),
};

/** The OAuth scope each capability needs when the manifest lists scopes explicitly. */
export const SCOPE_FOR: Partial<Record<Capability, string>> = {
  'document.read': 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'document.write': 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'ui.show': 'https://www.googleapis.com/auth/script.container.ui',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
  'session.user': 'https://www.googleapis.com/auth/userinfo.email',
};

/** Scopes that also satisfy a narrower one. */
const BROADER_SCOPES: Record<string, string[]> = {
  'https://www.googleapis.com/auth/spreadsheets.currentonly': ['https://www.googleapis.com/auth/spreadsheets'],
};

export interface Clock {
  /** epoch milliseconds */
  now(): number;
  /** a manual clock moves forward when the script waits (Utilities.sleep, lock waits, modelled latency) */
  advance?(ms: number): void;
}

export class ManualClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export const systemClock: Clock = { now: () => Date.now() };

/** An Apps Script exception: V8 Apps Script shows these as "Exception: <message>". */
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Counts service calls per method ("Range.getValues") plus cells moved. */
export class CallCounter {
  readonly calls = new Map<string, number>();
  cellsRead = 0;
  cellsWritten = 0;

  count(method: string): void {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
  }

  /** Total calls whose method name starts with one of the prefixes (all calls when none given). */
  total(...prefixes: string[]): number {
    let n = 0;
    for (const [method, c] of this.calls) {
      if (prefixes.length === 0 || prefixes.some((p) => method.startsWith(p))) n += c;
    }
    return n;
  }

  /** Spreadsheet service calls: the ones that cost a round trip in real Apps Script. */
  spreadsheetCalls(): number {
    return this.total(
      'SpreadsheetApp.',
      'Spreadsheet.',
      'Sheet.',
      'Range.',
      'RangeList.',
      'NamedRange.',
      'EmbeddedChart',
      'Protection.',
      'DeveloperMetadata',
    );
  }

  snapshot(): { calls: Record<string, number>; cellsRead: number; cellsWritten: number; spreadsheetCalls: number } {
    return {
      calls: Object.fromEntries([...this.calls].sort(([a], [b]) => a.localeCompare(b))),
      cellsRead: this.cellsRead,
      cellsWritten: this.cellsWritten,
      spreadsheetCalls: this.spreadsheetCalls(),
    };
  }

  reset(): void {
    this.calls.clear();
    this.cellsRead = 0;
    this.cellsWritten = 0;
  }
}

export interface WriteRecord {
  executionId: number;
  method: string;
  sheet: string | null;
  lockHeld: boolean;
}

export interface ExecutionOptions {
  authMode: AuthModeName;
  kind: ExecutionKind;
  /** '' models a hidden identity (simple triggers, consumer accounts across domains) */
  activeUser?: string;
  /** the account the code runs as; for installable triggers, the trigger's creator */
  effectiveUser?: string;
  /** ms; defaults: 30 s for simple triggers and custom functions, 6 min otherwise */
  timeLimitMs?: number;
}

/** A hook that tests use to slip another execution's work in between two calls of this one. */
export type CallHook = (exec: Execution, method: string) => void;

/** State that outlives an execution and that the services share; services hang their own state here. */
export interface EnvironmentState {
  spreadsheet: SpreadsheetModel;
  clock: Clock;
  /** OAuth scopes from appsscript.json; null = not declared (Apps Script infers them) */
  oauthScopes: string[] | null;
  /** added to the clock on every counted call, to model real per-call latency (0 = off) */
  callLatencyMs: number;
  /** cumulative over all executions */
  counters: CallCounter;
  writes: WriteRecord[];
  /** service-owned state, keyed by service name (properties stores, triggers, mail, locks, caches, ui) */
  services: Map<string, unknown>;
  hooks: CallHook[];
  nextExecutionId: number;
}

export class Execution {
  readonly id: number;
  readonly counters = new CallCounter();
  readonly startedAt: number;
  readonly timeLimitMs: number;
  /** set by LockService while this execution holds the document lock */
  holdsDocumentLock = false;
  private ended = false;

  constructor(
    readonly env: EnvironmentState,
    readonly options: ExecutionOptions,
  ) {
    this.id = env.nextExecutionId++;
    this.startedAt = env.clock.now();
    this.timeLimitMs =
      options.timeLimitMs ?? (options.kind === 'simpleTrigger' || options.kind === 'customFunction' ? 30_000 : 360_000);
  }

  get authMode(): AuthModeName {
    return this.options.authMode;
  }

  get activeUser(): string {
    return this.options.activeUser ?? '';
  }

  get effectiveUser(): string {
    return this.options.effectiveUser ?? this.options.activeUser ?? '';
  }

  /**
   * Every emulated service method starts with this: counts the call, models its latency, enforces the
   * execution time limit, the auth mode and the manifest's scopes, then runs the test hooks.
   */
  call(method: string, needs: Capability): void {
    if (this.ended) throw new AppsScriptException(`${method}: this execution has ended.`);
    this.enforceTimeLimit();
    this.require(method, needs);
    this.counters.count(method);
    this.env.counters.count(method);
    if (this.env.callLatencyMs > 0) this.env.clock.advance?.(this.env.callLatencyMs);
    for (const hook of [...this.env.hooks]) hook(this, method);
  }

  /** Throws the documented permission error if the mode or the manifest does not allow it. */
  require(method: string, needs: Capability): void {
    const scope = SCOPE_FOR[needs];
    if (needs === 'ui.show' && this.options.kind === 'timeDriven') {
      throw new AppsScriptException('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    if (!GRANTS[this.authMode].has(needs)) {
      throw new AppsScriptException(
        `You do not have permission to call ${method}.${scope ? ` Required permissions: ${scope}` : ''}`,
      );
    }
    if (scope && this.env.oauthScopes) {
      const ok = [scope, ...(BROADER_SCOPES[scope] ?? [])].some((s) => this.env.oauthScopes?.includes(s));
      if (!ok)
        throw new AppsScriptException(`You do not have permission to call ${method}. Required permissions: ${scope}`);
    }
  }

  /** Cells moved, for the benchmark's modelled time. */
  countCells(read: number, written: number): void {
    this.counters.cellsRead += read;
    this.counters.cellsWritten += written;
    this.env.counters.cellsRead += read;
    this.env.counters.cellsWritten += written;
  }

  /** Called by every write method so tests can prove no write ran without the document lock. */
  recordWrite(method: string, sheet: string | null): void {
    this.env.writes.push({ executionId: this.id, method, sheet, lockHeld: this.holdsDocumentLock });
  }

  elapsedMs(): number {
    return this.env.clock.now() - this.startedAt;
  }

  enforceTimeLimit(): void {
    if (this.elapsedMs() > this.timeLimitMs) {
      throw new AppsScriptException('Exceeded maximum execution time');
    }
  }

  /** The end of the script: locks are released (LockService registers its cleanup here). */
  end(): void {
    if (this.ended) return;
    for (const fn of this.cleanups) fn();
    this.holdsDocumentLock = false;
    this.ended = true;
  }

  readonly cleanups: Array<() => void> = [];

  get hasEnded(): boolean {
    return this.ended;
  }
}
