/**
 * The commands. Each takes the workbook's lock, runs the add-on's own function(s) on it in the
 * emulator, prints what the user would have seen (alerts, toasts; JSON for `call`) and what it did and
 * skipped, and saves only when the run succeeded and changed something: a failure or a read-only call
 * leaves the file untouched. Mail a run sent is written to the outbox in the same change as the
 * workbook and its sidecar (which holds the add-on's send ledger), so a kill never loses or repeats it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { t } from '../../core/i18n';
import type { RunOutcome } from '../../gas/schedule/state';
import { jsonSlot } from '../../gas/schedule/store';
import { writeDemo, DEMO_USER } from '../demo';
import { emlFileName, toEml } from '../eml';
import { propertiesState } from '../emulator/services';
import { startPlayground } from '../playground/server';
import { Session, WorkbookError, sameEmail, type Feedback, type OpenOptions } from '../session';
import type { FileWrite } from '../xlsx/commit';
import { UsageError, type CliOptions, type Command } from './args';
import { cliLang, cliText } from './messages';
import { ENTRY_POINTS, resolveEntry, type FeatureCommand } from './entry-points';
import { runImport } from './import';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** dist/ of the built add-on */
  distDir: string;
}

/** serve's workbook when none is named (.playground/ is ignored by git). */
export const PLAYGROUND_WORKBOOK = path.join('.playground', 'client-tracker.xlsx');
const DEFAULT_PORT = 8080;

/** Runs one command; resolves to the exit code (serve resolves when the server stops). */
export async function runCommand(command: Command, positional: string[], options: CliOptions, io: Io): Promise<number> {
  switch (command) {
    case 'demo':
      return demo(options, io);
    case 'setup':
      return withSession(openOptions(options, io, command, { create: true }), io, (session) =>
        menuCommand(session, options, io, () => session.menu('menuSetup')),
      );
    case 'call':
      return call(positional, options, io);
    case 'serve':
      return serve(options, io);
    case 'share':
      return share(options, io);
    case 'import':
      return runImport(options, io.out, () => Session.open(openOptions(options, io, command)));
    default:
      return withSession(openOptions(options, io, command), io, (session) => feature(session, command, options, io));
  }
}

export function openOptions(
  options: CliOptions,
  io: Io,
  command: Command,
  extra: Partial<OpenOptions> = {},
): OpenOptions {
  if (!options.workbook) throw new UsageError(cliText('needsWorkbook'));
  return {
    workbook: options.workbook,
    distDir: io.distDir,
    now: options.now,
    tz: options.tz,
    locale: options.locale,
    user: options.user,
    waitMs: options.wait === undefined ? undefined : options.wait * 1000,
    what: `client-tracker ${command}`,
    mode: options.mode,
    readings: options.assume,
    ...extra,
  };
}

/** Opens the workbook (its lock held), runs `body`, and releases the lock however `body` ends. */
async function withSession(
  opened: OpenOptions,
  io: Io,
  body: (session: Session) => Promise<number>,
  say: (text: string) => void = io.out,
): Promise<number> {
  const session = await Session.open(opened);
  try {
    for (const note of session.notes) say(note);
    return await body(session);
  } finally {
    await session.close();
  }
}

/** A menu action: its refusal (one sentence, nothing written) is a failure; otherwise save. */
async function menuCommand(session: Session, options: CliOptions, io: Io, body: () => Feedback): Promise<number> {
  const feedback = body();
  if (feedback.refused) throw new WorkbookError(feedback.alerts.join('\n'));
  show(io, feedback);
  if (!(await saveWithOutbox(session, options, io.out))) io.out(cliText('nothingChanged', { file: session.workbook }));
  return 0;
}

function show(io: Io, feedback: Feedback): void {
  for (const alert of feedback.alerts) io.out(alert);
  for (const toast of feedback.toasts) io.out(toast);
}

/**
 * Saves what the run changed together with the .eml file of each message it sent; then says what it
 * wrote. Resolves to whether anything was saved.
 */
async function saveWithOutbox(session: Session, options: CliOptions, say: (text: string) => void): Promise<boolean> {
  const outbox = options.outbox ?? path.join(path.dirname(session.workbook), 'outbox');
  const files: FileWrite[] = [];
  const lines: string[] = [];
  for (const { mail, number } of session.unsavedMail()) {
    const file = path.join(outbox, emlFileName(mail, number - 1));
    files.push({ path: file, content: toEml(mail) });
    lines.push(cliText('mailWritten', { to: mail.to.join(', '), subject: mail.subject, file }));
  }
  const saved = await session.save(files);
  for (const line of lines) say(line);
  return saved;
}

async function demo(options: CliOptions, io: Io): Promise<number> {
  const opened = openOptions(options, io, 'demo', { fresh: true, user: options.user ?? DEMO_USER });
  if (existsSync(opened.workbook) && !options.force) {
    throw new WorkbookError(cliText('demoExists', { file: opened.workbook }));
  }
  return withSession(opened, io, async (session) => {
    const summary = writeDemo(session, () => runFeature(session, 'refresh'));
    await session.save();
    io.out(
      cliText('demoWritten', {
        file: opened.workbook,
        team: summary.team,
        clients: summary.clients,
        contacts: summary.contacts,
      }),
    );
    return 0;
  });
}

/** Runs a feature command's function if this build has it; null when it does not. */
function runFeature(session: Session, command: FeatureCommand): Feedback | null {
  const entry = resolveEntry(session, command);
  if (!entry) return null;
  return entry.kind === 'menu' ? session.menu(entry.functionName) : session.trigger(entry.functionName, entry.runAs);
}

async function feature(session: Session, command: FeatureCommand, options: CliOptions, io: Io): Promise<number> {
  const before = lastRun(session);
  const feedback = runFeature(session, command);
  if (!feedback) {
    const entry = ENTRY_POINTS[command];
    throw new WorkbookError(
      cliText('notAvailable', { command, what: cliText(entry.what), functions: entry.functions.join(' / ') }),
    );
  }
  if (feedback.refused) throw new WorkbookError(feedback.alerts.join('\n'));
  const after = lastRun(session);
  const outcome = after && JSON.stringify(after) !== JSON.stringify(before) ? after : null;
  const failed = outcome?.steps.filter((s) => !s.ok) ?? [];
  const lang = cliLang();
  const failures = failed.map((s) =>
    t(lang, 'schedule.run.failed', { step: t(lang, `schedule.step.${s.step}`), error: s.error ?? '' }),
  );
  if (outcome && outcome.steps.length > 0 && failed.length === outcome.steps.length) {
    throw new WorkbookError(cliText('allStepsFailed', { errors: failures.join(' ') }));
  }
  show(io, feedback);
  if (!(await saveWithOutbox(session, options, io.out))) io.out(cliText('nothingChanged', { file: session.workbook }));
  if (outcome) {
    for (const line of outcomeLines(outcome, session.workbook)) io.out(line);
  } else if ((command === 'digest' || command === 'daily') && feedback.mail.length === 0) {
    io.out(cliText('noEmails'));
  }
  if (failures.length === 0) return 0;
  for (const line of failures) io.err(line);
  io.err(cliText('someStepsFailed'));
  return 1;
}

/** Where the add-on keeps the outcome of its runs (src/gas/schedule/state.ts, HISTORY_KEY). */
const RUN_HISTORY_KEY = 'ct.run.history';

/** The add-on's record of its last scheduled run, read from document properties as its Status dialog does. */
function lastRun(session: Session): RunOutcome | null {
  const store = propertiesState(session.env).document;
  const props = {
    getProperty: (key: string) => store.get(key) ?? null,
    getProperties: () => Object.fromEntries(store),
  } as unknown as GoogleAppsScript.Properties.Properties;
  const runs = jsonSlot<unknown>(props, RUN_HISTORY_KEY, []).value;
  const last: unknown = Array.isArray(runs) ? runs[0] : null;
  return last && typeof last === 'object' && Array.isArray((last as RunOutcome).steps) ? (last as RunOutcome) : null;
}

/** What the run did and what it skipped, and what to do about each person who got no email. */
function outcomeLines(run: RunOutcome, workbook: string): string[] {
  const lang = cliLang();
  const lines: string[] = [];
  const mailed = run.steps.some((s) => s.step === 'mail');
  if (mailed && run.sentCount === 0 && run.alreadySent > 0 && run.deferredCount === 0) {
    lines.push(t(lang, 'schedule.run.nothingNew'));
  } else if (mailed) {
    lines.push(t(lang, 'schedule.run.sent', { count: run.sentCount }));
  }
  if (run.deferredCount > 0) {
    const names = run.deferred.map((d) => `${d.to} (${d.kind})`).join(', ');
    lines.push(
      `${t(lang, 'schedule.run.deferred', { count: run.deferredCount, list: names })} ${cliText('hintDeferred')}`,
    );
  }
  if (run.quotaHit) lines.push(t(lang, 'schedule.run.quota'));
  if (run.paused.length > 0) {
    const steps = run.paused.map((s) => t(lang, `schedule.step.${s}`)).join(', ');
    lines.push(t(lang, 'schedule.run.paused', { steps }));
  }
  if (run.noAccess.length > 0) {
    lines.push(
      `${t(lang, 'schedule.run.noAccess', { list: run.noAccess.join(', ') })} ${cliText('hintNoAccess', { file: workbook })}`,
    );
  }
  if (run.noEmail.length > 0) {
    lines.push(`${t(lang, 'schedule.run.noEmail', { list: run.noEmail.join(', ') })} ${cliText('hintNoEmail')}`);
  }
  if (run.steps.every((s) => s.ok) && run.paused.length === 0) lines.push(t(lang, 'schedule.run.ok'));
  return lines;
}

async function call(positional: string[], options: CliOptions, io: Io): Promise<number> {
  const [functionName, ...json] = positional;
  const args = json.map((text, i) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new UsageError(cliText('badJson', { index: i + 1, text }));
    }
  });
  // stdout is the JSON result alone; everything else the command says goes to stderr.
  return withSession(
    openOptions(options, io, 'call'),
    io,
    async (session) => {
      const { value } = session.client(functionName, args);
      const refusal = refusalOf(value);
      if (!refusal) await saveWithOutbox(session, options, io.err);
      io.out(JSON.stringify(value ?? null, null, 2));
      if (!refusal) return 0;
      io.err(cliText('callRefused', { fn: functionName, problems: refusal }));
      return 1;
    },
    io.err,
  );
}

/** A sidebar write's refusal ({ ok: false, problems }) as one line, or null when the call did not refuse. */
function refusalOf(value: unknown): string | null {
  if (!value || typeof value !== 'object' || (value as { ok?: unknown }).ok !== false) return null;
  const problems = (value as { problems?: unknown }).problems;
  const texts = Array.isArray(problems)
    ? problems.map((p) => String((p as { text?: unknown }).text ?? '')).filter(Boolean)
    : [];
  return texts.join(' ') || JSON.stringify(value);
}

async function share(options: CliOptions, io: Io): Promise<number> {
  if (!options.workbook) throw new UsageError(cliText('shareNeedsWorkbook'));
  return withSession(openOptions(options, io, 'share'), io, async (session) => {
    const model = session.model;
    const file = session.workbook;
    const changing = options.editor.length + options.viewer.length + options.remove.length > 0;
    if (changing && !session.canEdit)
      throw new WorkbookError(cliText('shareOnlyEditors', { file, user: session.user }));
    const without = (list: string[], email: string): string[] => list.filter((e) => !sameEmail(e, email));
    for (const email of options.remove) {
      const isEditor = model.editors.some((e) => sameEmail(e, email));
      if (!isEditor && !model.viewers.some((e) => sameEmail(e, email))) {
        throw new WorkbookError(cliText('shareUnknown', { email, file }));
      }
      if (isEditor && model.editors.length === 1) throw new WorkbookError(cliText('shareLastEditor', { email, file }));
      model.editors = without(model.editors, email);
      model.viewers = without(model.viewers, email);
    }
    for (const email of options.viewer) {
      if (model.editors.some((e) => sameEmail(e, email)) && model.editors.length === 1) {
        throw new WorkbookError(cliText('shareLastEditor', { email, file }));
      }
      model.editors = without(model.editors, email);
      if (!model.viewers.some((e) => sameEmail(e, email))) model.viewers.push(email);
    }
    for (const email of options.editor) {
      model.viewers = without(model.viewers, email);
      if (!model.editors.some((e) => sameEmail(e, email))) model.editors.push(email);
    }
    await session.save();
    io.out(cliText('shareHeading', { file }));
    model.editors.forEach((email, i) => io.out(cliText(i === 0 ? 'shareOwner' : 'shareEditor', { email })));
    for (const email of model.viewers) io.out(cliText('shareViewer', { email }));
    return 0;
  });
}

async function serve(options: CliOptions, io: Io): Promise<number> {
  const workbook = options.workbook ?? PLAYGROUND_WORKBOOK;
  if (!existsSync(workbook)) await demo({ ...options, workbook }, io);
  const opened = openOptions({ ...options, workbook }, io, 'serve');
  const server = await startPlayground(
    { ...opened, outbox: options.outbox ?? path.join(path.dirname(workbook), 'outbox') },
    options.port ?? DEFAULT_PORT,
  );
  for (const note of server.notes) io.out(note);
  io.out(cliText('serving', { url: server.url, file: workbook }));
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
