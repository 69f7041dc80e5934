/**
 * Status (stored, computed: Active / Dormant / In pool / Won / Lost) and the follow-up state
 * (never stored, it changes with the clock: overdue / due today / upcoming / unplanned).
 */
import { type DayKey, daysBetween } from './dates';
import type { Stage, Status } from './lists';
import type { Settings } from './settings';
import { NO_FOLLOW_UP_STATUSES, UNPLANNED_STATUSES } from './follow-up-rule';

export interface StatusFacts {
  stage: Stage | null;
  owner: string;
  /** The Status cell as it stands, so a pooled client stays in the pool until claimed. */
  previousStatus: Status | null;
  /** Date of the latest reached contact. */
  lastContact: DayKey | null;
  created: DayKey | null;
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
  if (facts.stage === 'won') return 'won';
  if (facts.stage === 'lost') return 'lost';
  if (facts.owner.trim() === '' && (settings.poolEnabled || facts.previousStatus === 'inPool')) return 'inPool';
  const since = facts.lastContact ?? facts.created;
  if (since !== null && daysBetween(since, today) >= settings.dormantDays) return 'dormant';
  return 'active';
}

export type FollowUpState = 'overdue' | 'dueToday' | 'upcoming' | 'unplanned' | 'none';

/**
 * Overdue when the next follow-up is before today, due today on the day, upcoming after; an Active
 * client with no next step is unplanned. Won, Lost and pool clients have no follow-up state. The
 * lists are core/follow-up-rule.ts's, which the highlighting and the register's state column share.
 */
export function followUpState(status: Status, nextFollowUp: DayKey | null, today: DayKey): FollowUpState {
  if (NO_FOLLOW_UP_STATUSES.includes(status)) return 'none';
  if (nextFollowUp === null) return UNPLANNED_STATUSES.includes(status) ? 'unplanned' : 'none';
  const days = daysBetween(today, nextFollowUp);
  if (days < 0) return 'overdue';
  return days === 0 ? 'dueToday' : 'upcoming';
}

/** Whole days past the next follow-up; 0 when not overdue. */
export function daysOverdue(nextFollowUp: DayKey | null, today: DayKey): number {
  return nextFollowUp === null ? 0 : Math.max(0, daysBetween(nextFollowUp, today));
}
