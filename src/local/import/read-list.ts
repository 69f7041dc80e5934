/**
 * A list file read into rows of cells, as the import maps them (docs/import.md): a CSV through
 * csv-parse, its encoding found by a plain rule — a byte-order mark says UTF-8, UTF-16 LE or UTF-16 BE;
 * without one, bytes that are valid UTF-8 are UTF-8, and anything else is GB18030 (the superset of
 * GBK that Chinese Excel saves "CSV" in), decoded by iconv-lite — or an .xlsx through exceljs (a tab
 * by name, else the first). A file that cannot be read ends in one sentence (ListError).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { type CliMessage, cliText } from '../cli/messages';

/** A list that cannot be read: its sentence in the command line's language, and the key to say it in another. */
export class ListError extends Error {
  constructor(
    readonly key: CliMessage,
    readonly params: Record<string, string>,
  ) {
    super(cliText(key, params));
  }
}

export type ListEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface ListFile {
  rows: unknown[][];
  /** for a CSV: the encoding it was read in */
  encoding?: ListEncoding;
  /** for an .xlsx: the tab read */
  sheet?: string;
  /**
   * for an .xlsx: which cells the file types as a number, yes/no or date. Sheets keeps those types
   * when it imports an .xlsx (its "Convert text to numbers, dates and formulas" is for CSV and text
   * files only); every other cell is text.
   */
  typed?: boolean[][];
}

/** The encoding of a CSV's bytes, by the rule above. */
export function detectEncoding(bytes: Buffer): { encoding: ListEncoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'gb18030', bom: 0 };
  }
}

export function decodeCsv(bytes: Buffer): { text: string; encoding: ListEncoding } {
  const { encoding, bom } = detectEncoding(bytes);
  return { text: iconv.decode(bytes.subarray(bom), encoding), encoding };
}

/** Tab-separated when the first line has tabs and no commas (what "Unicode text" exports are). */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

export function parseCsv(bytes: Buffer, file: string): ListFile {
  const { text, encoding } = decodeCsv(bytes);
  // A text file has no NUL: one that does is binary (or UTF-16 without its mark), not a list.
  if (text.includes('\u0000')) throw new ListError('importNotText', { file });
  try {
    const rows = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: false,
    }) as string[][];
    return { rows, encoding };
  } catch (error) {
    throw new ListError('importBadCsv', { file, reason: (error as Error).message });
  }
}

/** A cell as the list shows it: its text, number, yes/no, or day (YYYY-MM-DD; exceljs gives a date's wall time in UTC). */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellValue((value as { result?: ExcelJS.CellValue }).result ?? '');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return String(value.error);
  return '';
}

async function loadXlsx(bytes: Buffer, file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ListError('importNotXlsx', { file });
  }
  return workbook;
}

/** Whether exceljs holds the cell as a number, yes/no or date (a formula by its result). */
function isTyped(value: ExcelJS.CellValue): boolean {
  if (value instanceof Date) return !isNaN(value.getTime());
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value))
    return isTyped((value as { result?: ExcelJS.CellValue }).result ?? '');
  return false;
}

function tabOf(worksheet: ExcelJS.Worksheet): ListFile {
  const rows: unknown[][] = [];
  const typed: boolean[][] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: unknown[] = [];
    const kinds: boolean[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
      kinds[col - 1] = isTyped(cell.value);
    });
    rows[number - 1] = Array.from(cells, (v) => v ?? '');
    typed[number - 1] = Array.from(kinds, (k) => k ?? false);
  });
  return {
    rows: Array.from(rows, (r) => r ?? []),
    typed: Array.from(typed, (r) => r ?? []),
    sheet: worksheet.name,
  };
}

/** An .xlsx's bytes, one tab (by name, else the first); `file` is the name its sentences give. */
export async function readXlsx(bytes: Buffer, file: string, sheet?: string): Promise<ListFile> {
  const workbook = await loadXlsx(bytes, file);
  const names = workbook.worksheets.map((w) => w.name);
  const worksheet = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet);
  if (worksheet === undefined) {
    throw new ListError('importNoSheet', { file, sheet: sheet ?? '', sheets: names.join(', ') });
  }
  return tabOf(worksheet);
}

/** Reads a list file: the command line's reading (its bytes through readListBytes). */
export async function readList(file: string, sheet?: string): Promise<ListFile> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new ListError('importNoFile', { file });
  }
  return readListBytes(bytes, file, sheet);
}

/** An .xlsx by its content (a zip) or its name; anything else is read as CSV. */
function isXlsx(bytes: Buffer, file: string): boolean {
  return (bytes[0] === 0x50 && bytes[1] === 0x4b) || path.extname(file).toLowerCase() === '.xlsx';
}

/**
 * A list's bytes, as the command line and the playground's file picker both read them: .xlsx by its
 * content (a zip) or its name, anything else as CSV. `file` is the name its sentences give.
 */
export async function readListBytes(bytes: Buffer, file: string, sheet?: string): Promise<ListFile> {
  if (isXlsx(bytes, file)) return readXlsx(bytes, file, sheet);
  if (sheet !== undefined) throw new ListError('importSheetOnlyXlsx', { file });
  return parseCsv(bytes, file);
}

/**
 * Every tab of a list file, as Sheets' File ▸ Import "Insert new sheet(s)" brings an .xlsx in (each of
 * its tabs, in order); a CSV is its one tab.
 */
export async function readListTabs(bytes: Buffer, file: string): Promise<ListFile[]> {
  if (isXlsx(bytes, file)) return (await loadXlsx(bytes, file)).worksheets.map((w) => tabOf(w));
  return [parseCsv(bytes, file)];
}
