/**
 * A sidebar page stays open across a deploy: the user may save a contact from a page served by the
 * version before. Until 2026-12 the page sent three fields of the entry under their own names —
 * `nextDate`, `stage` and `gradeOverride` — where the entry now uses the Contacts columns' keys
 * (`nextFollowUp`, `stageAfter`, `gradeAfter`). For one release the server reads the former names too,
 * so such a save keeps its next step, stage and grade instead of losing them without a word; the
 * problems it answers already name the columns, which those pages understand. Remove this with the
 * release after next, when no page of the former version can still be open.
 */
import type { LogContactEntry } from '../contract/types';

const FORMER_NAMES = { nextDate: 'nextFollowUp', stage: 'stageAfter', gradeOverride: 'gradeAfter' } as const;

/** The entry with a former name's value under today's key (a value sent under today's key wins). */
export function entryFromEarlierPage(entry: LogContactEntry): LogContactEntry {
  if (entry === null || typeof entry !== 'object') return entry;
  const given = entry as unknown as Record<string, unknown>;
  if (!Object.keys(FORMER_NAMES).some((former) => former in given)) return entry;
  const out: Record<string, unknown> = { ...given };
  for (const [former, today] of Object.entries(FORMER_NAMES)) {
    if (!(former in out)) continue;
    if (out[today] === undefined) out[today] = out[former];
    delete out[former];
  }
  return out as unknown as LogContactEntry;
}
