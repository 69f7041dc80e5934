/**
 * What the schedule remembers between executions, in document properties (shared by everyone who
 * opens the file, unlike triggers, which only their creator can see): who runs the daily run and
 * since when, where an unfinished run stopped, and the outcome of the last runs.
 */
import type { DayKey } from '../../core/dates';
import type { DeferReason } from './ledger';
import { jsonSlot } from './store';

const SCHEDULE_KEY = 'ct.schedule';
const CHECKPOINT_KEY = 'ct.run.checkpoint';
const HISTORY_KEY = 'ct.run.history';
/** Runs kept for the Status dialog. */
const KEEP_RUNS = 10;
/** Names kept per list in one run's outcome (the counts stay exact). */
const KEEP_NAMES = 25;

export interface ScheduleRecord {
  on: boolean;
  /** whose account runs it (the trigger's creator; mail goes out from it) */
  owner: string;
  /** ISO instant it was turned on */
  since: string;
  hour: number;
  tz: string;
  /** who turned it off, when off */
  offBy?: string;
  /** the unique ID of the owner's trigger: the only one that runs as the schedule */
  triggerId?: string;
}

export type StepName = 'refresh' | 'poolRelease' | 'reports' | 'mail';
export const STEPS: readonly StepName[] = ['refresh', 'poolRelease', 'reports', 'mail'];

export interface Checkpoint {
  day: DayKey;
  done: StepName[];
  complete: boolean;
}

export interface StepOutcome {
  step: StepName;
  ok: boolean;
  error?: string;
}

export interface RunOutcome {
  /** ISO instant */
  at: string;
  day: DayKey;
  how: 'timeDriven' | 'manual';
  by: string;
  steps: StepOutcome[];
  sentCount: number;
  sent: string[];
  alreadySent: number;
  deferredCount: number;
  deferred: { to: string; kind: string; reason: DeferReason }[];
  quotaHit: boolean;
  /** steps left for the next run when it stopped before the time limit */
  paused: StepName[];
  noAccess: string[];
  noEmail: string[];
  /** names whose Email cell is not one plain address (absent in runs recorded before it existed) */
  badAddress?: string[];
  /** sentences: handovers typed into the sheet, Team rows waiting for confirmation (absent in runs recorded before) */
  notes?: string[];
  /** cells the file used of Google's limit when the run ended (absent in runs recorded before it existed) */
  cellsUsed?: number;
}

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function loadSchedule(): ScheduleRecord | null {
  return jsonSlot<ScheduleRecord | null>(props(), SCHEDULE_KEY, null).value;
}

export function saveSchedule(record: ScheduleRecord): void {
  jsonSlot<ScheduleRecord | null>(props(), SCHEDULE_KEY, null).save(record);
}

export function loadCheckpoint(): Checkpoint | null {
  return jsonSlot<Checkpoint | null>(props(), CHECKPOINT_KEY, null).value;
}

export function saveCheckpoint(checkpoint: Checkpoint): void {
  jsonSlot<Checkpoint | null>(props(), CHECKPOINT_KEY, null).save(checkpoint);
}

export function loadHistory(): RunOutcome[] {
  const runs = jsonSlot<RunOutcome[]>(props(), HISTORY_KEY, []).value;
  return Array.isArray(runs) ? runs : [];
}

/** Adds a run at the front, keeping the last few, each with its name lists cut short. */
export function recordRun(outcome: RunOutcome): void {
  const slot = jsonSlot<RunOutcome[]>(props(), HISTORY_KEY, []);
  const trimmed: RunOutcome = {
    ...outcome,
    sent: outcome.sent.slice(0, KEEP_NAMES),
    deferred: outcome.deferred.slice(0, KEEP_NAMES),
    noAccess: outcome.noAccess.slice(0, KEEP_NAMES),
    noEmail: outcome.noEmail.slice(0, KEEP_NAMES),
    badAddress: (outcome.badAddress ?? []).slice(0, KEEP_NAMES),
    notes: (outcome.notes ?? []).slice(0, KEEP_NAMES),
    steps: outcome.steps.map((s) => (s.error ? { ...s, error: s.error.slice(0, 300) } : s)),
  };
  const previous = Array.isArray(slot.value) ? slot.value : [];
  slot.save([trimmed, ...previous].slice(0, KEEP_RUNS));
}
