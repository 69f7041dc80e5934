/**
 * A tab's values (one batch read, header row first) → typed records, by header name. Bad cells
 * become blank values plus one sentence each; they never stop the other rows.
 */
import { type DayKey, parseDateCell, startOfDay } from './dates';
import { type Lang, type Message, message, t } from './i18n';
import { labels, parseEnum, readYesNo } from './lists';
import {
  type ColumnDef,
  type ColumnKey,
  type HeaderMatch,
  type RecordTypes,
  type TableName,
  TABLES,
  findHeaders,
  tabName,
} from './schema';

export interface RowProblem {
  table: TableName;
  /** Position of the row among the data rows (0 = first row under the header). */
  index: number;
  /** The row's ID (or '' when it has none), so the problem can be found after a sort. */
  id: string;
  message: Message;
}

export interface TableRead<T extends TableName> {
  headers: HeaderMatch<ColumnKey<T>>;
  /** One per data row, in order; null for a row blank in every known column. */
  records: (RecordTypes[T] | null)[];
  problems: RowProblem[];
}

type Parser = (value: unknown) => { value: unknown; bad?: 'date' | 'number' | 'yesNo' | 'list' };

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function parserFor(def: ColumnDef, tz: string): Parser {
  switch (def.type) {
    case 'date':
      return (v) => {
        if (v instanceof Date && !isNaN(v.getTime())) return { value: v };
        const cell = parseDateCell(v, tz);
        if (!cell.ok) return { value: null, bad: 'date' };
        return { value: cell.day === null ? null : startOfDay(cell.day, tz) };
      };
    case 'number':
      return (v) => {
        if (isBlank(v)) return { value: null };
        if (typeof v === 'number' && isFinite(v)) return { value: v };
        const text = String(v).normalize('NFKC').replace(/[,\s]/g, '');
        return /^-?\d+(\.\d+)?$/.test(text) ? { value: Number(text) } : { value: null, bad: 'number' };
      };
    case 'boolean':
      return (v) => {
        const b = readYesNo(v);
        return b === null ? { value: false, bad: 'yesNo' } : { value: b };
      };
    case 'enum': {
      const list = def.list ?? 'yesNo';
      return (v) => {
        if (isBlank(v)) return { value: null };
        const code = parseEnum(list, v);
        return code === null ? { value: null, bad: 'list' } : { value: code };
      };
    }
    case 'person':
      return (v) => ({ value: isBlank(v) ? '' : String(v).trim() });
    case 'plainText':
      return (v) => ({ value: isBlank(v) ? '' : String(v).trim() });
    case 'text':
      return (v) => ({ value: v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v) });
  }
}

const PROBLEM_KEYS = {
  date: 'problem.notADate',
  number: 'problem.notANumber',
  yesNo: 'problem.notYesNo',
  list: 'problem.notInList',
} as const;

/**
 * Reads a tab: `values` is the whole block from the header row down. `firstRow` is the sheet row of
 * the header, used only to name a row that has no ID in a problem sentence.
 */
export function readTable<T extends TableName>(
  table: T,
  values: readonly (readonly unknown[])[],
  tz: string,
  lang: Lang = 'en',
  firstRow = 1,
): TableRead<T> {
  const headers = findHeaders(table, values[0] ?? []);
  const defs = TABLES[table] as readonly ColumnDef[];
  const present = defs
    .map((def) => ({ def, col: headers.map[def.key as ColumnKey<T>], parse: parserFor(def, tz) }))
    .filter((c): c is { def: ColumnDef; col: number; parse: Parser } => c.col !== undefined);
  const absent = defs.filter((def) => headers.map[def.key as ColumnKey<T>] === undefined);
  const tab = tabName(table, lang);
  const records: (RecordTypes[T] | null)[] = [];
  const problems: RowProblem[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    if (present.every((c) => isBlank(row[c.col]))) {
      records.push(null);
      continue;
    }
    const record: Record<string, unknown> = {};
    for (const def of absent) record[def.key] = parserFor(def, tz)(null).value;
    let bad: { def: ColumnDef; raw: unknown; kind: keyof typeof PROBLEM_KEYS }[] | null = null;
    for (const c of present) {
      const parsed = c.parse(row[c.col]);
      record[c.def.key] = parsed.value;
      if (parsed.bad) (bad ??= []).push({ def: c.def, raw: row[c.col], kind: parsed.bad });
    }
    if (bad) {
      const id = typeof record.id === 'string' ? record.id : '';
      const who = id !== '' ? id : t(lang, 'problem.row', { index: firstRow + r });
      for (const b of bad) {
        problems.push({
          table,
          index: r - 1,
          id,
          message: message(PROBLEM_KEYS[b.kind], {
            tab,
            who,
            column: lang === 'zh-CN' ? b.def.zh : b.def.en,
            value: b.raw instanceof Date ? 'Invalid Date' : String(b.raw),
            allowed: b.def.list ? labels(b.def.list, lang).join(lang === 'zh-CN' ? '、' : ', ') : '',
          }),
        });
      }
    }
    records.push(record as RecordTypes[T]);
  }
  return { headers, records, problems };
}

/** A record's date field as a day in tz (Dates are instants; the rules work in whole days). */
export function dayOf(date: Date | null, tz: string): DayKey | null {
  if (date === null) return null;
  const cell = parseDateCell(date, tz);
  return cell.ok ? cell.day : null;
}
