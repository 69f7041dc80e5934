/**
 * The playground's file picker (docs/import.md, "Import a file… in the playground"): the file the user
 * picked is read by the command line's own reader (src/local/import/read-list.ts: the CSV's encoding
 * by its rule, csv-parse, exceljs) and lands in the workbook as a new tab, the way Sheets' File ▸ Import
 * "Insert new sheet(s)" puts it there with "Convert text to numbers, dates and formulas" unticked:
 * every cell kept as the text the list holds, formatted as plain text. The Import dialog then works on
 * that tab as it works in Sheets. A file that cannot be read is one sentence and no tab.
 */
import type { Lang } from '../../core/i18n';
import { cliTextIn } from '../cli/messages';
import { ListError, readListBytes } from '../import/read-list';
import type { Session } from '../session';

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

/** The list's rows, read in full before anything of the workbook is touched; a sentence in `lang` when it cannot be read. */
export async function readPickedFile(
  fileName: string,
  bytes: Buffer,
  lang: Lang,
): Promise<{ ok: true; rows: string[][]; name: string } | { ok: false; error: string }> {
  const file = fileName.replace(/^.*[\\/]/, '');
  try {
    const list = await readListBytes(bytes, file);
    const rows = list.rows.map((r) => r.map(asText));
    while (rows.length > 0 && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
    if (rows.length === 0) return { ok: false, error: cliTextIn(lang, 'importEmptyList', { file }) };
    return { ok: true, rows, name: list.sheet ?? file.replace(/\.[^.]*$/, '') };
  } catch (error) {
    if (error instanceof ListError) return { ok: false, error: cliTextIn(lang, error.key, error.params) };
    throw error;
  }
}

/** Inserts the rows as a new last tab, every cell plain text, by the user's own hand; the tab's name. */
export function insertListTab(session: Session, wanted: string, rows: readonly string[][]): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const grid = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  return session.asEditor((ss) => {
    const name = tabName(
      ss.getSheets().map((s) => s.getName()),
      wanted,
    );
    const sheet = ss.insertSheet(name, ss.getSheets().length);
    sheet.getRange(1, 1, grid.length, width).setNumberFormat('@').setValues(grid);
    sheet.activate();
    return name;
  });
}
