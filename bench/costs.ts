/**
 * The modelled Apps Script time: Spreadsheet calls × a per-call latency + cells moved × a per-cell
 * cost. Node time says nothing about Apps Script, where every service call is a trip to Google's
 * servers; these constants turn the emulator's counters into seconds a user would wait. Each one is a
 * published measurement (sources below); none of them could be re-measured here, so they are
 * assumptions, stated in BENCHMARKS.md, and easy to change in this one place.
 */

export interface CostSource {
  what: string;
  value: string;
  source: string;
}

/**
 * One Spreadsheet call that reaches the server: 30 ms. A measurement in the Stack Overflow answer to
 * "What is faster: ScriptDb or SpreadsheetApp?" (ScriptDb era, ~2013): 400 row writes each followed by
 * SpreadsheetApp.flush() took almost 12 s, i.e. ~30 ms per round trip. The range published
 * elsewhere is ~1 ms (calls served by Apps Script's look-ahead/write caches) to ~160 ms (an uncached
 * read); see WORST_CALL_MS.
 */
export const CALL_MS = 30;

/**
 * Worst case per call: bugbugnow.net (2019, "GoogleAppsScriptのスプレッドシート処理を高速化する"):
 * 1,000 calls to sheet.getLastRow() in a loop took 160,377 ms, ~160 ms per uncached call.
 * Shown beside the main figure so a reader sees how far the model can swing.
 */
export const WORST_CALL_MS = 160;

/**
 * Reading a cell inside a batch getValues: 0.0125 ms. Same Stack Overflow answer: one setValues of
 * 4,000 cells (400 rows × 10 columns) took under 50 ms when not flushed; used for transfer in both
 * directions before commit.
 */
export const READ_CELL_MS = 0.0125;

/**
 * Writing a cell that is committed: 0.15 ms. Same answer: the 4,000-cell setValues followed by
 * flush() took 610 ms (our writes are flushed when the document lock is released).
 */
export const WRITE_CELL_MS = 0.15;

/** Apps Script's limit for one execution; simple triggers get 30 s. */
export const EXECUTION_LIMIT_MS = 6 * 60_000;

export const COST_SOURCES: readonly CostSource[] = [
  {
    what: 'per Spreadsheet call (modelled)',
    value: `${CALL_MS} ms`,
    source:
      'Stack Overflow answer to "What is faster: ScriptDb or SpreadsheetApp?" (mirror: https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp): 400 row writes each flushed ≈ 12 s',
  },
  {
    what: 'per Spreadsheet call (worst case column)',
    value: `${WORST_CALL_MS} ms`,
    source:
      'https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html: 1,000 getLastRow() calls in a loop = 160,377 ms (1,000 cached getRange().getValue() = 3,064 ms, ~1.5 ms each)',
  },
  {
    what: 'per cell read',
    value: `${READ_CELL_MS} ms`,
    source: 'same Stack Overflow answer: one 4,000-cell setValues < 50 ms before flush',
  },
  {
    what: 'per cell written (committed)',
    value: `${WRITE_CELL_MS} ms`,
    source: 'same Stack Overflow answer: the 4,000-cell setValues + flush() = 610 ms',
  },
  {
    what: 'why calls dominate',
    value: 'principle',
    source:
      'https://developers.google.com/apps-script/guides/support/best-practices ("Use batch operations": read all data with one command, write it with one command)',
  },
];

export interface Moved {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
}

/** Modelled Apps Script milliseconds for the given counters. */
export function modelledMs(moved: Moved, callMs = CALL_MS): number {
  return moved.calls * callMs + moved.cellsRead * READ_CELL_MS + moved.cellsWritten * WRITE_CELL_MS;
}
