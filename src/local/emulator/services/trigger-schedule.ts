/**
 * When time-driven triggers fire, so the local runtime can run them for a stretch of emulated time.
 *
 * Source: https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers
 * (a trigger set for an hour fires somewhere inside that hour and keeps that slot). Each trigger gets a
 * stable minute inside its hour from its id; nearMinute(m) pins the minute; atDate fires in the first
 * 15 minutes after midnight. A daily trigger without atHour keeps the hour it was created in.
 */
import type { EnvironmentState } from '../runtime';
import { triggerState, WEEK_DAYS, type ClockSchedule, type TriggerRecord } from './triggers';
import { dayNumber, localParts, localToInstant, resolveZone, type Zone } from './zone';

export interface DueTrigger {
  trigger: TriggerRecord;
  /** epoch ms of the firing */
  at: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A stable pseudo-random number in [0, range) from the trigger id (FNV-1a). */
function slot(id: string, range: number): number {
  let h = 0x811c9dc5;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h % range;
}

function localFirings(t: TriggerRecord, s: ClockSchedule, zone: Zone, fromMs: number, toMs: number): number[] {
  const created = localParts(t.createdAt, zone);
  const createdDay = dayNumber(created.year, created.month, created.day);
  const minute = s.minute ?? slot(t.id, 60);
  const hour = s.hour ?? created.hour;
  const weekDay = s.weekDay === null ? created.weekday : WEEK_DAYS.indexOf(s.weekDay);
  const firstWeekly = createdDay + ((weekDay - created.weekday + 7) % 7);
  const start = localParts(Math.max(fromMs, t.createdAt) - DAY, zone);
  const out: number[] = [];
  for (let d = dayNumber(start.year, start.month, start.day); d * DAY <= toMs + 2 * DAY; d++) {
    const date = new Date(d * DAY);
    const wall = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    const interval = s.interval ?? 1;
    if (s.recurrence === 'hours') {
      for (let h = 0; h < 24; h += interval) out.push(localToInstant({ ...wall, hour: h, minute }, zone));
      continue;
    }
    const due =
      (s.recurrence === 'days' && (d - createdDay) % interval === 0) ||
      (s.recurrence === 'weeks' && d >= firstWeekly && (d - firstWeekly) % (7 * interval) === 0) ||
      (s.recurrence === 'monthDay' && wall.day === s.monthDay);
    if (due) out.push(localToInstant({ ...wall, hour, minute }, zone));
  }
  return out;
}

function firings(t: TriggerRecord, fromMs: number, toMs: number): number[] {
  const s = t.schedule;
  if (!s) return [];
  const zone = resolveZone(s.timeZone) ?? (resolveZone('GMT') as Zone);
  if (s.recurrence === 'once') {
    if (s.atMs !== null) return [s.atMs];
    if (!s.atDate) return [];
    return [localToInstant({ ...s.atDate, hour: s.hour ?? 0, minute: s.minute ?? slot(t.id, 15) }, zone)];
  }
  if (s.recurrence === 'minutes') {
    const period = (s.interval ?? 1) * MINUTE;
    const offset = slot(t.id, period);
    const out: number[] = [];
    for (let at = Math.floor((fromMs - offset) / period) * period + offset; at < toMs; at += period) out.push(at);
    return out;
  }
  return localFirings(t, s, zone, fromMs, toMs);
}

/** Time-driven triggers that fire in [fromMs, toMs), in firing order; never before a trigger was created. */
export function dueTimeDrivenTriggers(env: EnvironmentState, fromMs: number, toMs: number): DueTrigger[] {
  const due: DueTrigger[] = [];
  for (const trigger of triggerState(env).triggers) {
    if (trigger.eventType !== 'CLOCK') continue;
    for (const at of firings(trigger, fromMs, toMs)) {
      if (at >= fromMs && at < toMs && at >= trigger.createdAt) due.push({ trigger, at });
    }
  }
  return due.sort((a, b) => a.at - b.at || a.trigger.id.localeCompare(b.trigger.id));
}
