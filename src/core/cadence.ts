/**
 * Follow-up cadence (不同级别客户跟进频率): each grade has an interval; a reached contact with no
 * next date given proposes date + interval, and a contact far sooner than the interval is over-calling.
 */
import { type DayKey, addDays, addWorkingDays, daysBetween } from './dates';
import { type Message, message } from './i18n';
import type { Grade } from './lists';
import { type Settings, intervalFor } from './settings';

/** The proposed next follow-up after a contact on `from`: from + the grade's interval (Monday instead of a weekend when set). */
export function proposeNextFollowUp(from: DayKey, grade: Grade, settings: Settings): DayKey {
  return addDays(from, intervalFor(settings, grade), settings.skipWeekends);
}

/**
 * The proposed retry after an attempt that did not reach the client: Settings' retry days later, in
 * working days when Settings skips weekends (a Friday's no answer with 1 day is retried on Monday).
 */
export function proposeRetry(from: DayKey, settings: Pick<Settings, 'retryDays' | 'skipWeekends'>): DayKey {
  return settings.skipWeekends ? addWorkingDays(from, settings.retryDays) : addDays(from, settings.retryDays);
}

/**
 * A warning when a client is reached again sooner than overCallFactor × interval after the previous
 * reached contact; null when the pace is fine or the warning is off (factor 0).
 */
export function overCallingWarning(
  previousReached: DayKey | null,
  thisContact: DayKey,
  grade: Grade,
  settings: Settings,
): Message | null {
  if (previousReached === null || settings.overCallFactor <= 0) return null;
  const interval = intervalFor(settings, grade);
  const days = daysBetween(previousReached, thisContact);
  if (days < 0 || days >= settings.overCallFactor * interval) return null;
  return message('cadence.overCalling', { days, grade, interval });
}
