/**
 * Status (stored, computed: Active / Dormant / In pool / Won / Lost) and the follow-up state
 * (never stored, it changes with the clock: overdue / due today / upcoming / unplanned).
 *
 * followUpState is the one rule for the follow-up state (docs/follow-up-state.md). The reports,
 * emails, sidebar card and CT_STATE call it; the highlighting rules on the Clients tab are generated
 * from the same lists below by core/follow-up-formula.ts, so the sheet and the reports agree.
 */
import { type DayKey, daysBetween } from './dates';
import type { Stage, Status } from './lists';
import type { Settings } from './settings';

export interface StatusFacts {
  stage: Stage | null;
  owner: string;
  /** The Status cell as it stands, so a pooled client stays in the pool until claimed. */
  previousStatus: Status | null;
  /** Date of the latest reached contact. */
  lastContact: DayKey | null;
  created: DayKey | null;
}

/** The stages that decide the Status whatever else the row says: Won and Lost follow the Stage. */
export const STAGES_DECIDING_STATUS = ['won', 'lost'] as const satisfies readonly (Stage & Status)[];

export function decidesStatus(stage: Stage | null): stage is (typeof STAGES_DECIDING_STATUS)[number] {
  return stage !== null && (STAGES_DECIDING_STATUS as readonly Stage[]).includes(stage);
}

/**
 * Won and Lost follow the Stage; a client with no owner is In pool when the pool is on (or it was
 * already released); otherwise Dormant after dormantDays without a reached contact (counted from
 * Created when never reached), else Active.
 */
export function computeStatus(
  facts: StatusFacts,
  settings: Pick<Settings, 'poolEnabled' | 'dormantDays'>,
  today: DayKey,
): Status {
  if (decidesStatus(facts.stage)) return facts.stage;
  if (facts.owner.trim() === '' && (settings.poolEnabled || facts.previousStatus === 'inPool')) return 'inPool';
  const since = facts.lastContact ?? facts.created;
  if (since !== null && daysBetween(since, today) >= settings.dormantDays) return 'dormant';
  return 'active';
}

export type FollowUpState = 'overdue' | 'dueToday' | 'upcoming' | 'unplanned' | 'none';

/**
 * The statuses that follow the lead cadence: only their clients can be overdue, due today, upcoming
 * or unplanned. Won clients have left it (customer care has its own rules: renewals, satisfaction,
 * segments), Lost clients have no follow-up, and a pooled client has nobody to follow it up.
 */
export const CADENCE_STATUSES = ['active', 'dormant'] as const satisfies readonly Status[];
/** Of those, where a client with no next step is unplanned (a Dormant one has gone quiet instead). */
export const UNPLANNED_STATUSES = ['active'] as const satisfies readonly Status[];
/** What a blank Status cell stands for: a client typed in before any refresh or onEdit computed it. */
export const BLANK_STATUS: Status = 'active';

export function followsCadence(status: Status): boolean {
  return (CADENCE_STATUSES as readonly Status[]).includes(status);
}

/**
 * The status the follow-up state is judged on when all there is are the Stage and Status cells (the
 * highlighting, CT_STATE): a Stage of Won or Lost decides, as in computeStatus, even before the
 * Status cell has been recomputed (a Stage typed in the mobile app, say); else the Status cell; a
 * blank one is BLANK_STATUS. null when the Status cell holds something that is no status.
 */
export function statusFromCells(stage: Stage | null, status: Status | null, statusBlank: boolean): Status | null {
  if (decidesStatus(stage)) return stage;
  if (status !== null) return status;
  return statusBlank ? BLANK_STATUS : null;
}

/**
 * Overdue when the next follow-up is before today, due today on the day, upcoming after; an Active
 * client with no next step is unplanned. Clients outside the lead cadence (Won, Lost, In pool) have
 * no follow-up state at all.
 */
export function followUpState(status: Status, nextFollowUp: DayKey | null, today: DayKey): FollowUpState {
  if (!followsCadence(status)) return 'none';
  if (nextFollowUp === null) return (UNPLANNED_STATUSES as readonly Status[]).includes(status) ? 'unplanned' : 'none';
  const days = daysBetween(today, nextFollowUp);
  if (days < 0) return 'overdue';
  return days === 0 ? 'dueToday' : 'upcoming';
}

/** Whole days past the next follow-up when the client is overdue (followUpState); 0 otherwise. */
export function daysOverdue(status: Status, nextFollowUp: DayKey | null, today: DayKey): number {
  if (nextFollowUp === null || followUpState(status, nextFollowUp, today) !== 'overdue') return 0;
  return daysBetween(nextFollowUp, today);
}
