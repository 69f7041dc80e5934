/**
 * The commands. Each opens the workbook, runs the add-on's own function(s) on it in the emulator,
 * prints what the user would have seen (alerts, toasts; JSON for `call`), and saves only when the run
 * succeeded: a failure leaves the workbook exactly as it was.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { writeDemo, DEMO_USER } from '../demo';
import { emlFileName, toEml } from '../eml';
import { startPlayground } from '../playground/server';
import { Session, WorkbookError, type Feedback, type OpenOptions } from '../session';
import { UsageError, type CliOptions, type Command } from './args';
import { cliText } from './messages';
import { ENTRY_POINTS, resolveEntry, type FeatureCommand } from './entry-points';

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
      return menuCommand(options, io, { create: true }, (session) => session.menu('menuSetup'));
    case 'call':
      return call(positional, options, io);
    case 'serve':
      return serve(options, io);
    default:
      return feature(command, options, io);
  }
}

function openOptions(options: CliOptions, io: Io, extra: Partial<OpenOptions> = {}): OpenOptions {
  if (!options.workbook) throw new UsageError(cliText('needsWorkbook'));
  return {
    workbook: options.workbook,
    distDir: io.distDir,
    now: options.now,
    tz: options.tz,
    locale: options.locale,
    user: options.user,
    mode: options.mode,
    readings: options.assume,
    ...extra,
  };
}

/** Open, run, save: the run's own errors propagate and nothing is saved. */
async function withSession(
  options: CliOptions,
  io: Io,
  extra: Partial<OpenOptions>,
  body: (session: Session) => void | Promise<void>,
): Promise<number> {
  const session = await Session.open(openOptions(options, io, extra));
  await body(session);
  await session.save();
  return 0;
}

/** A menu action: its refusal (one sentence, nothing written) is a failure; otherwise save. */
async function menuCommand(
  options: CliOptions,
  io: Io,
  extra: Partial<OpenOptions>,
  body: (session: Session) => Feedback,
): Promise<number> {
  const session = await Session.open(openOptions(options, io, extra));
  const feedback = body(session);
  if (feedback.refused) throw new WorkbookError(feedback.alerts.join('\n'));
  show(io, feedback);
  await session.save();
  return 0;
}

function show(io: Io, feedback: Feedback): void {
  for (const alert of feedback.alerts) io.out(alert);
  for (const toast of feedback.toasts) io.out(toast);
}

async function demo(options: CliOptions, io: Io): Promise<number> {
  const opened = openOptions(options, io, { fresh: true, user: options.user ?? DEMO_USER });
  if (existsSync(opened.workbook) && !options.force) {
    throw new WorkbookError(cliText('demoExists', { file: opened.workbook }));
  }
  const session = await Session.open(opened);
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
}

/** Runs a feature command's function if this build has it; null when it does not. */
function runFeature(session: Session, command: FeatureCommand): Feedback | null {
  const entry = resolveEntry(session, command);
  if (!entry) return null;
  return entry.kind === 'menu' ? session.menu(entry.functionName) : session.trigger(entry.functionName, entry.runAs);
}

async function feature(command: FeatureCommand, options: CliOptions, io: Io): Promise<number> {
  const session = await Session.open(openOptions(options, io));
  const feedback = runFeature(session, command);
  if (!feedback) {
    const entry = ENTRY_POINTS[command];
    throw new WorkbookError(
      cliText('notAvailable', { command, what: cliText(entry.what), functions: entry.functions.join(' / ') }),
    );
  }
  if (feedback.refused) throw new WorkbookError(feedback.alerts.join('\n'));
  show(io, feedback);
  if (command === 'digest' || command === 'daily') await writeOutbox(session, feedback, options, io);
  await session.save();
  return 0;
}

async function writeOutbox(session: Session, feedback: Feedback, options: CliOptions, io: Io): Promise<void> {
  const outbox = options.outbox ?? path.join(path.dirname(session.workbook), 'outbox');
  if (feedback.mail.length === 0) {
    io.out(cliText('noEmails'));
    return;
  }
  await fs.mkdir(outbox, { recursive: true });
  for (const [i, mail] of feedback.mail.entries()) {
    const file = path.join(outbox, emlFileName(mail, i));
    await fs.writeFile(file, toEml(mail));
    io.out(`${mail.to.join(', ')}: ${mail.subject} → ${file}`);
  }
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
  return withSession(options, io, {}, (session) => {
    const { value } = session.client(functionName, args);
    io.out(JSON.stringify(value ?? null, null, 2));
  });
}

async function serve(options: CliOptions, io: Io): Promise<number> {
  const workbook = options.workbook ?? PLAYGROUND_WORKBOOK;
  if (!existsSync(workbook)) await demo({ ...options, workbook }, io);
  const server = await startPlayground({ ...openOptions({ ...options, workbook }, io) }, options.port ?? DEFAULT_PORT);
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
