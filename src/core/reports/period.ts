/** The periods reports cover: a month 'YYYY-MM' as its first and last day. */
import { type DayKey, type DayRange, addDays } from '../dates';

export type MonthKey = string;

export function monthOf(day: DayKey): MonthKey {
  return day.slice(0, 7);
}

export function monthRange(month: MonthKey): DayRange {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const first = `${month}-01`;
  return { from: first, to: addDays(first, days - 1) };
}

export function nextMonth(month: MonthKey): MonthKey {
  return monthOf(addDays(monthRange(month).to, 1));
}
