/**
 * The import's journal and its undo (docs/import.md), one implementation for the add-on and the
 * command line. Every batch an import writes records, in a hidden tab (Import journal / 导入记录), one
 * row per Clients or Contacts row it added or changed: the row's ID, the cells it changed as they were
 * before (JSON by column, split over several journal rows when long: a cell holds 50,000 characters),
 * and a digest of the whole row as written. Undo import removes the rows the batch added and puts back
 * the cells it changed, refusing with the IDs when any of those rows was changed or removed since;
 * it logs one Changes row per client it touched and marks the batch undone.
 */
import { type Lang, joinList, message, render, t } from '../../core/i18n';
import { idKey } from '../../core/ids';
import { parseEnum } from '../../core/lists';
import { mayHandOverFrom } from '../../core/roles';
import { type TableName, labelsOf } from '../../core/schema';
import { type ChangeEntry, openChangeLog } from '../changes';
import { withDocumentLock } from '../lock';
import { coveringSpans } from '../sidebar/card';
import { openHeader } from '../sidebar/header-table';
import { invalidateSearchIndex } from '../sidebar/search-index';
import { type SidebarSession, confirmedMembers, openSession } from '../sidebar/session';
import { type Table, columnIndex, sheetRow, writeCells } from '../table';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The journal tab's name; either is recognised. */
/** The journal tab's names, one per language (any is recognised; a new one gets the workbook's). */
export const JOURNAL_TABS: readonly string[] = labelsOf('import.journal.tab');
const JOURNAL_HEADER = [
  'import.journal.batch',
  'import.journal.date',
  'import.journal.by',
  'import.journal.tabName',
  'import.journal.id',
  'import.journal.before',
  'import.journal.after',
  'import.journal.undone',
  'import.journal.part',
] as const;
const COL = { batch: 0, date: 1, by: 2, tab: 3, id: 4, before: 5, after: 6, undone: 7, part: 8 } as const;
const WIDTH = 9;
/** A journal cell holds at most this much of a Before (a Sheets cell holds 50,000 characters). */
export const JOURNAL_CHUNK = 40_000;
/** Reads of row blocks when checking or restoring rows: a bounded number of calls at any size. */
const MAX_BLOCKS = 20;

export type JournalTab = 'clients' | 'contacts';

/** Where a Sheets import stands: its source tab, the mapping and mode it was started with, clients written of all. */
export interface ImportProgress {
  tab: string;
  /** header → field key ('' leaves the column out), as corrected in the dialog */
  map: [string, string][];
  update: boolean;
  done: number;
  total: number;
  /** the journal rows holding the plan kept at the start (first row, how many): later batches read only those */
  plan?: [number, number];
  /**
   * the journal rows holding a batch about to be written (first row, how many): set on the progress
   * journaled before its writes, so a call stopped in the middle of them is finished by Continue
   */
  pending?: [number, number];
}

/** A journal row saying where an import stands (Tab "progress"); the last one of a batch counts. */
const PROGRESS = 'progress';
/** Journal rows keeping an import's plan, made once at its start (Tab "plan", the text split over Parts). */
const PLAN = 'plan';
/** Journal rows holding what a batch is about to write (Tab "pending"), journaled before it writes. */
const PENDING = 'pending';

export interface JournalEntry {
  tab: JournalTab;
  id: string;
  /** the cells the batch changed, by 0-based column, as they were; null: a row the batch added */
  before: Record<number, unknown> | null;
  /** the row as the batch left it (its cells as getValues gives them) */
  after: readonly unknown[];
}

function encodeValue(v: unknown): unknown {
  return v instanceof Date ? { date: v.getTime() } : (v ?? '');
}

function decodeValue(v: unknown): unknown {
  return v !== null && typeof v === 'object' && 'date' in v ? new Date((v as { date: number }).date) : v;
}

/** Two FNV-1a hashes of a text, as 16 hex digits: tells a row changed since, not a secret. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** A row's digest over its first `width` cells, kept with the width: "width:hash". */
export function rowDigest(cells: readonly unknown[], width: number = cells.length): string {
  const row = Array.from({ length: width }, (_, c) => encodeValue(cells[c]));
  return `${width}:${hash(JSON.stringify(row))}`;
}

function digestMatches(digest: string, cells: readonly unknown[]): boolean {
  const width = Number(digest.split(':')[0]);
  return Number.isFinite(width) && rowDigest(cells, width) === digest;
}

export function journalSheet(ss: Ss): Sheet | null {
  for (const name of JOURNAL_TABS) {
    const sheet = ss.getSheetByName(name);
    if (sheet) return sheet;
  }
  return null;
}

/** A batch ID not yet in the journal: I- and the moment in base 36 (a counter when that one is taken). */
export function newBatchId(ss: Ss, now: Date): string {
  const taken = new Set(batchIds(ss));
  const stamp = `I-${now.getTime().toString(36).toUpperCase()}`;
  if (!taken.has(stamp)) return stamp;
  for (let n = 2; ; n++) if (!taken.has(`${stamp}-${n}`)) return `${stamp}-${n}`;
}

function batchIds(ss: Ss): string[] {
  const sheet = journalSheet(ss);
  const last = sheet?.getLastRow() ?? 0;
  if (sheet === null || last < 2) return [];
  return sheet
    .getRange(2, COL.batch + 1, last - 1, 1)
    .getValues()
    .map((r) => String(r[0]));
}

/** A text in journal cells of at most JOURNAL_CHUNK characters (one empty cell for an empty text). */
function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += JOURNAL_CHUNK) out.push(text.slice(i, i + JOURNAL_CHUNK));
  return out.length === 0 ? [''] : out;
}

/**
 * Appends a batch's entries to the journal (created hidden when missing) in one write, with the
 * import's progress, its kept plan and what a batch is about to write; returns the progress as written
 * (where the plan and the pending batch are).
 */
export function appendJournal(
  ss: Ss,
  entries: readonly JournalEntry[],
  { batch, at, by, lang }: { batch: string; at: Date; by: string; lang: Lang },
  progress?: ImportProgress,
  plan?: string,
  pending?: string,
): ImportProgress | undefined {
  if (entries.length === 0 && progress === undefined) return undefined;
  let sheet = journalSheet(ss);
  if (sheet === null) {
    sheet = ss.insertSheet(t(lang, 'import.journal.tab'), ss.getSheets().length);
    sheet.getRange(1, 1, 1, WIDTH).setValues([JOURNAL_HEADER.map((key) => t(lang, key))]);
    sheet.hideSheet();
  }
  const when = at.toISOString();
  const rows: string[][] = [];
  for (const e of entries) {
    const before =
      e.before === null ? '' : JSON.stringify(Object.entries(e.before).map(([c, v]) => [Number(c), encodeValue(v)]));
    const parts = chunks(before);
    parts.forEach((chunk, i) =>
      rows.push([
        batch,
        when,
        by,
        e.tab,
        e.id,
        chunk,
        i === 0 ? rowDigest(e.after) : '',
        '',
        parts.length > 1 ? String(i + 1) : '',
      ]),
    );
  }
  const first = sheet.getLastRow() + 1;
  if (plan !== undefined && progress !== undefined) {
    const parts = chunks(plan);
    progress = { ...progress, plan: [first + rows.length, parts.length] };
    parts.forEach((part, i) => rows.push([batch, when, by, PLAN, '', part, '', '', String(i + 1)]));
  }
  if (pending !== undefined && progress !== undefined) {
    const parts = chunks(pending);
    progress = { ...progress, pending: [first + rows.length, parts.length] };
    parts.forEach((part, i) => rows.push([batch, when, by, PENDING, '', part, '', '', String(i + 1)]));
  }
  if (progress !== undefined) rows.push([batch, when, by, PROGRESS, '', JSON.stringify(progress), '', '', '']);
  // The grid grows by what is missing (a new tab has 1,000 rows; a range outside it throws).
  const missing = first + rows.length - 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  const range = sheet.getRange(first, 1, rows.length, WIDTH);
  range.setNumberFormat('@');
  range.setValues(rows);
  return progress;
}

interface BatchEntry {
  tab: JournalTab;
  id: string;
  before: [number, unknown][] | null;
  digest: string;
}

/** A batch's entries as recorded (a Before split over rows joined again), and the journal rows they use. */
function readBatch(
  sheet: Sheet,
  batch: string,
): { entries: BatchEntry[]; journalRows: number[]; undone: boolean; by: string } {
  const last = sheet.getLastRow();
  const values = last < 2 ? [] : sheet.getRange(2, 1, last - 1, WIDTH).getValues();
  const entries: BatchEntry[] = [];
  const journalRows: number[] = [];
  let undone = false;
  let by = '';
  let open: { entry: BatchEntry; text: string } | null = null;
  const close = (): void => {
    if (open === null) return;
    open.entry.before =
      open.text === '' ? null : (JSON.parse(open.text) as [number, unknown][]).map(([c, v]) => [c, decodeValue(v)]);
    entries.push(open.entry);
    open = null;
  };
  values.forEach((cells, i) => {
    if (String(cells[COL.batch]) !== batch) return;
    journalRows.push(i + 2);
    if (by === '') by = String(cells[COL.by] ?? '');
    if (String(cells[COL.undone] ?? '') !== '') undone = true;
    if ([PROGRESS, PLAN, PENDING].includes(String(cells[COL.tab]))) return;
    const part = Number(cells[COL.part] || 1);
    if (part > 1 && open !== null) {
      open.text += String(cells[COL.before] ?? '');
      return;
    }
    close();
    open = {
      entry: {
        tab: String(cells[COL.tab]) as JournalTab,
        id: String(cells[COL.id]),
        before: null,
        digest: String(cells[COL.after]),
      },
      text: String(cells[COL.before] ?? ''),
    };
  });
  close();
  return { entries, journalRows, undone, by };
}

export interface ImportRecord {
  batch: string;
  by: string;
  date: string;
  /** where a Sheets import stands (none for a command-line import) */
  progress: ImportProgress | null;
  undone: boolean;
  /** the clients the batch added */
  added: string[];
}

/** The imports the journal holds, oldest first. */
export function readImports(ss: Ss): ImportRecord[] {
  const sheet = journalSheet(ss);
  const last = sheet?.getLastRow() ?? 0;
  if (sheet === null || last < 2) return [];
  const out = new Map<string, ImportRecord>();
  for (const cells of sheet.getRange(2, 1, last - 1, WIDTH).getValues()) {
    const batch = String(cells[COL.batch] ?? '');
    if (batch === '') continue;
    let rec = out.get(batch);
    if (rec === undefined) {
      rec = {
        batch,
        by: String(cells[COL.by] ?? ''),
        date: String(cells[COL.date] ?? ''),
        progress: null,
        undone: false,
        added: [],
      };
      out.set(batch, rec);
    }
    if (String(cells[COL.undone] ?? '') !== '') rec.undone = true;
    const tab = String(cells[COL.tab] ?? '');
    if (tab === PLAN || tab === PENDING) continue;
    if (tab === PROGRESS) rec.progress = JSON.parse(String(cells[COL.before])) as ImportProgress;
    else if (tab === 'clients' && String(cells[COL.before] ?? '') === '' && String(cells[COL.after] ?? '') !== '') {
      rec.added.push(String(cells[COL.id]));
    }
  }
  return [...out.values()];
}

/**
 * Where one import stands, read without reading the whole journal: its latest progress row is the
 * journal's last row when nothing else was journaled since (one row read); otherwise the Batch and Tab
 * columns are scanned for it. Null when the journal holds no progress of that batch.
 */
export function importProgress(ss: Ss, batch: string): { progress: ImportProgress; undone: boolean } | null {
  const sheet = journalSheet(ss);
  const last = sheet?.getLastRow() ?? 0;
  if (sheet === null || last < 2) return null;
  const ours = (cells: readonly unknown[]): boolean =>
    String(cells[COL.batch] ?? '') === batch && String(cells[COL.tab] ?? '') === PROGRESS;
  let cells = sheet.getRange(last, 1, 1, WIDTH).getValues()[0] as unknown[];
  if (!ours(cells)) {
    const keys = sheet.getRange(2, 1, last - 1, COL.tab + 1).getValues();
    let at = -1;
    for (let i = keys.length - 1; i >= 0 && at < 0; i--) if (ours(keys[i])) at = i + 2;
    if (at < 0) return null;
    cells = sheet.getRange(at, 1, 1, WIDTH).getValues()[0] as unknown[];
  }
  return {
    progress: JSON.parse(String(cells[COL.before])) as ImportProgress,
    undone: String(cells[COL.undone] ?? '') !== '',
  };
}

/** The text a batch journaled over several rows of one kind, or null when those rows are not it any more. */
function journaledText(ss: Ss, batch: string, kind: string, [first, count]: [number, number]): string | null {
  const sheet = journalSheet(ss);
  if (sheet === null || !(first >= 2 && count >= 1) || first + count - 1 > sheet.getLastRow()) return null;
  const rows = sheet.getRange(first, 1, count, WIDTH).getValues();
  const mine = rows.every(
    (cells, i) =>
      String(cells[COL.batch]) === batch && String(cells[COL.tab]) === kind && Number(cells[COL.part]) === i + 1,
  );
  return mine ? rows.map((cells) => String(cells[COL.before] ?? '')).join('') : null;
}

/** The plan an import kept at its start (the text of its plan rows). */
export function keptPlanText(ss: Ss, batch: string, at: [number, number]): string | null {
  return journaledText(ss, batch, PLAN, at);
}

/** What a batch journaled before writing it (the text of its pending rows). */
export function pendingText(ss: Ss, batch: string, at: [number, number]): string | null {
  return journaledText(ss, batch, PENDING, at);
}

/** JSON that keeps Dates (as {"$date": ms}), for what the journal keeps of a batch. */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.getTime() } : v;
  });
}

export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    const o = v as { $date?: unknown } | null;
    return o !== null && typeof o === 'object' && typeof o.$date === 'number' && Object.keys(o).length === 1
      ? new Date(o.$date)
      : v;
  }) as T;
}

/** Every row of a table holding one of `ids`, read in a bounded number of blocks: idKey → sheet row and cells. */
export function rowsById<T extends TableName>(
  tbl: Table<T>,
  ids: readonly string[],
): Map<string, { row: number; cells: unknown[] }> {
  const out = new Map<string, { row: number; cells: unknown[] }>();
  const sheet = tbl.sheet;
  const top = sheetRow(tbl, 0);
  const last = sheet.getLastRow();
  if (ids.length === 0 || last < top) return out;
  const wanted = new Set(ids.map(idKey));
  const col = columnIndex(tbl, 'id' as never);
  const found: number[] = [];
  sheet
    .getRange(top, col + 1, last - top + 1, 1)
    .getValues()
    .forEach((r, i) => {
      if (wanted.has(idKey(String(r[0] ?? '')))) found.push(i);
    });
  if (found.length === 0) return out;
  for (const [first, lastIndex] of coveringSpans(found, MAX_BLOCKS)) {
    const block = sheet.getRange(top + first, 1, lastIndex - first + 1, tbl.lastColumn).getValues();
    for (const i of found) {
      if (i < first || i > lastIndex) continue;
      const cells = block[i - first] as unknown[];
      out.set(idKey(String(cells[col] ?? '')), { row: top + i, cells });
    }
  }
  return out;
}

/** Consecutive sheet rows as [first, count] runs, the last run first (so deleting keeps the others in place). */
function runs(rows: readonly number[]): [number, number][] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const tail = out[out.length - 1];
    if (tail !== undefined && tail[0] + tail[1] === r) tail[1]++;
    else out.push([r, 1]);
  }
  return out.reverse();
}

export type UndoResult =
  | { ok: true; batch: string; clients: number; contacts: number; text: string }
  | {
      ok: false;
      reason: 'noBatch' | 'already' | 'notYours' | 'changed' | 'stopped';
      batch: string;
      ids: string[];
      text: string;
    };

/**
 * Undoes a batch under the document lock: refuses (nothing written) when the batch is not in the
 * journal, is already undone, or a row it wrote was changed or removed since; otherwise deletes the
 * rows it added, writes back the cells it changed, logs one Changes row per client and marks it undone.
 */
export function undoImportBatch(s: SidebarSession, batchId: string): UndoResult {
  const { ctx } = s;
  const { lang } = ctx;
  const batch = String(batchId ?? '').trim();
  return withDocumentLock(lang, (): UndoResult => {
    const sheet = journalSheet(ctx.ss);
    const read = sheet === null ? null : readBatch(sheet, batch);
    const say = (key: Parameters<typeof message>[0], params: Record<string, string | number>): string =>
      renderIn(lang, key, params);
    if (read === null || read.entries.length === 0) {
      return { ok: false, reason: 'noBatch', batch, ids: [], text: say('import.undo.noBatch', { batch }) };
    }
    if (read.undone)
      return { ok: false, reason: 'already', batch, ids: [], text: say('import.undo.already', { batch }) };
    // A batch stopped in the middle of its writes has rows no journal row names yet: finish it first.
    if (importProgress(ctx.ss, batch)?.progress.pending !== undefined)
      return { ok: false, reason: 'stopped', batch, ids: [], text: say('import.undo.stopped', { batch }) };
    // Undoing removes rows across the register: the importer may, and whoever may hand over their
    // clients (their manager, a director), as for the import itself (docs/roles.md).
    const importer = read.by;
    if (!mayHandOverFrom(s.actor, importer, confirmedMembers(s)).ok) {
      return {
        ok: false,
        reason: 'notYours',
        batch,
        ids: [],
        text: say('import.undo.notYours', { batch, by: importer }),
      };
    }
    const tables = {
      clients: openHeader(s.sheets, 'clients', { lang }),
      contacts: openHeader(s.sheets, 'contacts', { lang }),
    };
    const now = {
      clients: rowsById(
        tables.clients,
        read.entries.filter((e) => e.tab === 'clients').map((e) => e.id),
      ),
      contacts: rowsById(
        tables.contacts,
        read.entries.filter((e) => e.tab === 'contacts').map((e) => e.id),
      ),
    };
    const changed = read.entries
      .filter((e) => {
        const row = now[e.tab].get(idKey(e.id));
        return row === undefined || !digestMatches(e.digest, row.cells);
      })
      .map((e) => e.id);
    if (changed.length > 0) {
      const ids = joinList(changed.slice(0, 10), lang) + (changed.length > 10 ? ' …' : '');
      return { ok: false, reason: 'changed', batch, ids: changed, text: say('import.undo.changed', { batch, ids }) };
    }
    // Whose contacts they are, read before any row goes.
    const clientCol = columnIndex(tables.contacts, 'clientId');
    const contactsOf = new Map<string, number>();
    for (const e of read.entries.filter((x) => x.tab === 'contacts')) {
      const owner = String(now.contacts.get(idKey(e.id))?.cells[clientCol] ?? '');
      contactsOf.set(owner, (contactsOf.get(owner) ?? 0) + 1);
    }
    const changeLog = openChangeLog(s.sheets, ctx);
    const moves = movesBack(tables.clients, read.entries, now.clients, batch);
    for (const tab of ['clients', 'contacts'] as const) {
      for (const e of read.entries.filter((x) => x.tab === tab && x.before !== null)) {
        const row = now[tab].get(idKey(e.id))!.row;
        for (const [c, v] of e.before!) writeCells(tables[tab].sheet.getRange(row, c + 1), [[v]]);
      }
    }
    const removed = { clients: 0, contacts: 0 };
    for (const tab of ['contacts', 'clients'] as const) {
      const rows = read.entries
        .filter((x) => x.tab === tab && x.before === null)
        .map((x) => now[tab].get(idKey(x.id))!.row);
      for (const [first, count] of runs(rows)) tables[tab].sheet.deleteRows(first, count);
      removed[tab] = rows.length;
    }
    const clientIds = new Set<string>([
      ...read.entries.filter((x) => x.tab === 'clients').map((x) => x.id),
      ...contactsOf.keys(),
    ]);
    const changes: ChangeEntry[] = [...clientIds].map((clientId) => {
      const added = read.entries.some((x) => x.tab === 'clients' && x.id === clientId && x.before === null);
      return {
        clientId,
        what: 'importUndone',
        old: batch,
        new: '',
        by: s.me || undefined,
        reason: message(added ? 'import.undo.removed' : 'import.undo.restored', {
          batch,
          contacts: contactsOf.get(clientId) ?? 0,
        }),
      };
    });
    changeLog.append([...moves.map((m) => ({ ...m, by: s.me || undefined })), ...changes]);
    const at = ctx.now.toISOString();
    for (const [first, count] of runs(read.journalRows)) {
      sheet!.getRange(first, COL.undone + 1, count, 1).setValues(Array.from({ length: count }, () => [at]));
    }
    invalidateSearchIndex();
    return {
      ok: true,
      batch,
      ...removed,
      text: say('import.undo.done', { batch, clients: removed.clients, contacts: removed.contacts }),
    };
  });
}

/**
 * The stage and grade moves an undo makes on the clients it writes back (docs/rule-path.md, Moves:
 * every move is one Changes row, an undo's too): from the cell as the import left it to the cell before.
 */
function movesBack(
  clients: Table<'clients'>,
  entries: readonly { tab: TableName; id: string; before: [number, unknown][] | null }[],
  rows: Map<string, { cells: unknown[] }>,
  batch: string,
): ChangeEntry[] {
  const out: ChangeEntry[] = [];
  const kinds = [
    { key: 'stage', list: 'stages', what: 'stageChange', reason: 'import.undo.stage' },
    { key: 'grade', list: 'grades', what: 'gradeChange', reason: 'import.undo.grade' },
  ] as const;
  for (const e of entries) {
    if (e.tab !== 'clients' || e.before === null) continue;
    const cells = rows.get(idKey(e.id))?.cells ?? [];
    for (const k of kinds) {
      const col = clients.headers.map[k.key];
      const before = e.before.find(([c]) => c === col);
      if (col === undefined || before === undefined) continue;
      const was = parseEnum(k.list, String(before[1] ?? ''));
      const is = parseEnum(k.list, String(cells[col] ?? ''));
      // Back to a blank cell is no move, as a first stage or grade is none (stageChange, computeClient).
      if (was === is || was === null) continue;
      out.push({ clientId: e.id, what: k.what, old: is ?? '', new: was ?? '', reason: message(k.reason, { batch }) });
    }
  }
  return out;
}

function renderIn(lang: Lang, key: Parameters<typeof message>[0], params: Record<string, string | number>): string {
  return render(lang, message(key, params));
}

/** google.script.run / the command line: Undo import (roles: src/server/exposures.ts). */
export function undoImport(batch: string): UndoResult {
  return undoImportBatch(openSession(), batch);
}
