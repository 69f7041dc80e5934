/**
 * Where new client IDs come from: Client Tracker's own (C-…), or, with Settings ▸ Client number
 * prefix, numbers in order (KH-0001, or KH2026-0001 restarting each year). The highest number ever
 * given is kept in document properties, so a number is never used twice even after its row is
 * deleted. Every caller (Add client, onEdit on a typed row, Refresh) holds the document lock from
 * reading it to saving it: two people adding at once never get the same number.
 */
import { today } from '../core/dates';
import { type IdGenerator, idGenerator, numberSeries, sequentialIds } from '../core/ids';
import type { Settings } from '../core/settings';
import type { WorkbookContext } from './context';

const HIGHEST_KEY = 'ct.ids.highest.';

export interface ClientIdSource {
  /** A generator that never repeats `existing` (every ID of the Clients tab, read under the lock). */
  generator(existing: Iterable<string>): IdGenerator;
  /** Stores the highest number given, after the IDs were written. */
  save(): void;
}

export function clientIdSource(
  settings: Pick<Settings, 'clientIdPrefix' | 'clientIdYearly'>,
  ctx: Pick<WorkbookContext, 'now' | 'tz'>,
): ClientIdSource {
  if (settings.clientIdPrefix === '') {
    return { generator: (existing) => idGenerator('C', existing, ctx.now), save: () => undefined };
  }
  const year = Number(today(ctx.now, ctx.tz).slice(0, 4));
  const series = numberSeries({ prefix: settings.clientIdPrefix, yearly: settings.clientIdYearly }, year);
  const key = HIGHEST_KEY + series.toUpperCase();
  const props = PropertiesService.getDocumentProperties();
  const stored = Number(props.getProperty(key) ?? '0');
  let made: ReturnType<typeof sequentialIds> | null = null;
  return {
    generator(existing) {
      made = sequentialIds(series, existing, stored);
      return made;
    },
    save() {
      if (made !== null && made.highest > stored) props.setProperty(key, String(made.highest));
    },
  };
}
