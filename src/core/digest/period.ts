/** The windows the summaries cover and the periods their message keys name. */
import { type DayKey, type DayRange, addDays, weekday } from '../dates';
import type { Settings } from '../settings';

/** The weekly summary covers the seven days before the run day. */
export function weekWindow(today: DayKey): DayRange {
  return { from: addDays(today, -7), to: addDays(today, -1) };
}

/** The monthly report covers the month before the run day: from the same date a month earlier. */
export function monthWindow(today: DayKey): DayRange {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const d = Number(today.slice(8, 10));
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  const lastOfPrev = new Date(Date.UTC(py, pm, 0)).getUTCDate();
  const from = `${String(py).padStart(4, '0')}-${String(pm).padStart(2, '0')}-${String(Math.min(d, lastOfPrev)).padStart(2, '0')}`;
  return { from, to: addDays(today, -1) };
}

export type DigestKind = 'daily' | 'weekly' | 'monthly';

export interface Periods {
  daily: string;
  /** null when today is not the weekly summary day */
  weekly: string | null;
  /** null when today is not the monthly report day */
  monthly: string | null;
}

/** Which emails are due today: the daily list always, the summaries on their Settings days. */
export function periodsFor(today: DayKey, settings: Pick<Settings, 'weeklyDay' | 'monthlyDay'>): Periods {
  return {
    daily: today,
    weekly: weekday(today) === settings.weeklyDay ? today : null,
    monthly: Number(today.slice(8, 10)) === settings.monthlyDay ? today.slice(0, 7) : null,
  };
}
