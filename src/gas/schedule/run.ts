/**
 * The daily run: refresh → pool release → all reports → emails, from the one trigger. The clock is
 * read before each step: a run that would come too close to the 6-minute limit saves where it is
 * and the next run (or Run now) finishes the day's work; a step is either done or not started, so no
 * report is left half-written. Every run leaves its outcome for the Status dialog.
 */
import { type DayKey, today } from '../../core/dates';
import { workbookCellUse } from '../cell-use';
import { type WorkbookContext, workbookContext } from '../context';
import { type Deadline, type MailOutcome, sendDigests } from './mail';
import {
  type RunOutcome,
  type StepName,
  type StepOutcome,
  STEPS,
  loadCheckpoint,
  recordRun,
  saveCheckpoint,
} from './state';
import { withReadMemo } from '../read-memo';
import { runStep } from './steps';
import { SettingsTabMissing } from '../settings-tab';

/** Apps Script stops an execution after 6 minutes. */
const LIMIT_MS = 360_000;
/** No step starts after this: the longest step (a big refresh or the reports) must still fit. */
const STEP_START_MS = LIMIT_MS - 150_000;
/** No email is started after this: saving the ledger and the outcome needs a moment. */
const MESSAGE_START_MS = LIMIT_MS - 30_000;

export function deadlineFrom(startMs: number): Deadline {
  return {
    passed: (kind) => Date.now() - startMs > (kind === 'step' ? STEP_START_MS : MESSAGE_START_MS),
  };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function emptyOutcome(wb: WorkbookContext, day: DayKey, how: RunOutcome['how'], by: string): RunOutcome {
  return {
    at: wb.now.toISOString(),
    day,
    how,
    by,
    steps: [],
    sentCount: 0,
    sent: [],
    alreadySent: 0,
    deferredCount: 0,
    deferred: [],
    quotaHit: false,
    paused: [],
    noAccess: [],
    noEmail: [],
    badAddress: [],
  };
}

function addMail(outcome: RunOutcome, mail: MailOutcome): void {
  outcome.sentCount += mail.sent.length;
  outcome.sent.push(...mail.sent);
  outcome.alreadySent += mail.alreadySent;
  outcome.deferredCount += mail.deferred.length;
  outcome.deferred.push(...mail.deferred.map((d) => ({ to: d.to, kind: d.kind, reason: d.reason })));
  outcome.quotaHit ||= mail.quotaHit;
  outcome.noAccess = mail.noAccess;
  outcome.noEmail = mail.noEmail;
  outcome.badAddress = mail.badAddress;
  outcome.notes = [...(outcome.notes ?? []), ...mail.notes];
}

export interface RunOptions {
  how: RunOutcome['how'];
  by: string;
  /** only these steps (the CLI's digest command runs the emails alone) */
  only?: readonly StepName[];
}

/** Runs what is left of today's steps and records the outcome. Never touches the Ui. */
export function runPipeline(options: RunOptions): RunOutcome {
  const started = Date.now();
  const deadline = deadlineFrom(started);
  const wb = workbookContext();
  const day = today(wb.now, wb.tz);
  const outcome = emptyOutcome(wb, day, options.how, options.by);
  const steps = options.only ?? STEPS;
  const saved = options.only ? null : loadCheckpoint();
  const done = new Set<StepName>(saved && saved.day === day && !saved.complete ? saved.done : []);
  // The steps share what they read of Contacts (read-memo.ts); the checkpoint is saved as before.
  withReadMemo(() => runSteps(steps, done, deadline, outcome, day, options));
  if (!options.only) saveCheckpoint({ day, done: [...done], complete: outcome.paused.length === 0 });
  // How full the file is (a warning at 90 % of Google's cell limit): the outcome is recorded either way.
  try {
    outcome.cellsUsed = workbookCellUse(wb.ss).used;
  } catch {
    // not known this run: the Status dialog says nothing about it
  }
  recordRun(outcome);
  return outcome;
}

function runSteps(
  steps: readonly StepName[],
  done: Set<StepName>,
  deadline: Deadline,
  outcome: RunOutcome,
  day: DayKey,
  options: RunOptions,
): void {
  for (const step of steps) {
    if (done.has(step)) continue;
    if (deadline.passed('step')) {
      outcome.paused = steps.filter((s) => !done.has(s));
      break;
    }
    try {
      if (step === 'mail') {
        const mail = sendDigests(workbookContext(), deadline);
        addMail(outcome, mail);
        outcome.steps.push({ step, ok: mail.errors.length === 0, error: mail.errors.join('; ') || undefined });
        if (mail.timeUp) {
          outcome.paused = ['mail'];
          break;
        }
      } else {
        runStep(step);
        outcome.steps.push({ step, ok: true });
      }
    } catch (err) {
      outcome.steps.push({ step, ok: false, error: errorText(err) } satisfies StepOutcome);
      // The other steps would stop on the same missing tab: the run says it once and stops.
      if (err instanceof SettingsTabMissing) break;
    }
    done.add(step);
    if (!options.only) saveCheckpoint({ day, done: [...done], complete: false });
  }
}
