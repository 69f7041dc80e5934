/**
 * The playground's file picker (docs/import.md, "Import a file… in the playground"): the file the user
 * picked is read by the command line's own reader (src/local/import/read-list.ts: the CSV's encoding
 * by its rule, csv-parse, exceljs) and lands in the workbook as a new tab, the way Sheets' File ▸ Import
 * "Insert new sheet(s)" puts it there: a CSV with "Convert text to numbers, dates and formulas"
 * unticked (every cell the text the list holds, formatted as plain text); an .xlsx as every one of its
 * tabs, its numbers, yes/no and dates kept as such (Sheets offers no such option for an .xlsx) and the
 * rest as text. The Import dialog then works on the first new tab as it works in Sheets. A file that
 * cannot be read, or is too big, is one sentence and no tab.
 */
import type { Lang } from '../../core/i18n';
import { cliTextIn } from '../cli/messages';
import { ListError, readListTabs } from '../import/read-list';
import type { Session } from '../session';
import { rectA1 } from '../xlsx/a1';

/** The largest file the picker takes (the page checks it before sending, the server again). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** A tab to insert: its wanted name, its cells, and which of them keep the type the file gave them. */
export interface PickedTab {
  name: string;
  rows: unknown[][];
  typed: boolean[][] | null;
}

/** Sheets refuses a tab name longer than this. */
const MAX_TAB_NAME = 100;

/** A cell as plain text: what a text-formatted cell would show for it. */
function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** The new tab's name: the .xlsx tab's or the file's own (without its extension), made unique as Sheets does ("名单 2"). */
function tabName(taken: readonly string[], wanted: string): string {
  const base = wanted.trim().slice(0, MAX_TAB_NAME - 4) || 'Import';
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  let name = base;
  for (let n = 2; lower.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}

/** Trailing rows with nothing in them are not part of the list (Sheets' import drops them too). */
function trimmed(rows: unknown[][]): unknown[][] {
  const out = [...rows];
  while (out.length > 0 && out[out.length - 1].every((c) => asText(c).trim() === '')) out.pop();
  return out;
}

/** The list's tabs, read in full before anything of the workbook is touched; a sentence in `lang` when it cannot be read. */
export async function readPickedFile(
  fileName: string,
  bytes: Buffer,
  lang: Lang,
): Promise<{ ok: true; tabs: PickedTab[] } | { ok: false; error: string }> {
  const file = fileName.replace(/^.*[\\/]/, '');
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: tooBig(lang, file) };
  try {
    const tabs = (await readListTabs(bytes, file))
      .map((list) => {
        const rows = trimmed(list.rows);
        // A CSV comes in as text; an .xlsx keeps its typed cells, the rest as text.
        const cells = list.typed ? rows : rows.map((r) => r.map(asText));
        const name = list.sheet ?? file.replace(/\.[^.]*$/, '');
        return { name, rows: cells, typed: list.typed?.slice(0, cells.length) ?? null };
      })
      .filter((tab) => tab.rows.length > 0);
    if (tabs.length === 0) return { ok: false, error: cliTextIn(lang, 'importEmptyList', { file }) };
    return { ok: true, tabs };
  } catch (error) {
    if (error instanceof ListError) return { ok: false, error: cliTextIn(lang, error.key, error.params) };
    throw error;
  }
}

/** The sentence for a file over MAX_FILE_BYTES. */
export function tooBig(lang: Lang, file: string): string {
  return cliTextIn(lang, 'importFileTooBig', { file, limit: String(MAX_FILE_BYTES / 1024 / 1024) });
}

/** The A1 ranges of the text cells, column by column, one range per run of them down a column. */
function textRuns(height: number, width: number, isText: (y: number, x: number) => boolean): string[] {
  const runs: string[] = [];
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      if (!isText(y, x)) continue;
      const top = y;
      while (y + 1 < height && isText(y + 1, x)) y++;
      runs.push(rectA1({ row: top + 1, col: x + 1, numRows: y - top + 1, numCols: 1 }));
    }
  }
  return runs;
}

/**
 * Inserts each tab as a new last tab, by the user's own hand: text cells formatted as plain text, the
 * cells the file typed with the automatic format (a day written as 2026-02-05 becomes a date, as Sheets
 * keeps it). The first new tab is made active; returns its name.
 */
export function insertListTabs(session: Session, tabs: readonly PickedTab[]): string {
  return session.asEditor((ss) => {
    const names: string[] = [];
    for (const tab of tabs) {
      const width = tab.rows.reduce((w, r) => Math.max(w, r.length), 1);
      const grid = tab.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
      const name = tabName(
        ss.getSheets().map((s) => s.getName()),
        tab.name,
      );
      const sheet = ss.insertSheet(name, ss.getSheets().length);
      if (tab.typed) {
        // Text cells as plain text; the typed ones keep the automatic format, so a day becomes a date.
        const runs = textRuns(grid.length, width, (y, x) => !tab.typed?.[y]?.[x]);
        if (runs.length > 0) sheet.getRangeList(runs).setNumberFormat('@');
      } else sheet.getRange(1, 1, grid.length, width).setNumberFormat('@');
      sheet.getRange(1, 1, grid.length, width).setValues(grid);
      names.push(name);
    }
    ss.getSheetByName(names[0])?.activate();
    return names[0];
  });
}
