/**
 * The import's journal and its undo, for the command line (docs/import.md). Every import that writes
 * records, in a hidden tab, each Clients and Contacts row it added and each row it changed (the row
 * before and after, by ID). `import --undo BATCH` removes the rows it added and puts back the cells it
 * changed — refusing, with the reason, when any of those rows was changed since — so Clients and
 * Contacts are as they were before the import; the Changes tab keeps the import's rows and gains the
 * undo's. Written through the emulated SpreadsheetApp, as the add-on itself writes.
 */
import { findHeaderRow } from '../../core/header-row';
import { idGenerator } from '../../core/ids';
import { DEFAULT_LANG, LANGS, type Lang, joinList, t } from '../../core/i18n';
import { label } from '../../core/lists';
import { type TableName, findHeaders, matchTabName } from '../../core/schema';
import type { SheetModel } from '../emulator/model';
import { type Session, WorkbookError } from '../session';
import { cliText } from './messages';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The journal tab, named and headed in the workbook's language; any of these names is recognised. A
 * language not listed here gets the English tab (the journal is the command line's, not the add-on's).
 */
const JOURNAL: { readonly [L in Lang]?: { readonly tab: string; readonly header: readonly string[] } } = {
  en: { tab: 'Import journal', header: ['Batch', 'Date', 'By', 'Tab', 'ID', 'Before', 'After', 'Undone'] },
  'zh-CN': { tab: '导入记录', header: ['批次', '日期', '操作人', '工作表', '编号', '导入前', '导入后', '已撤销'] },
};
const JOURNAL_TABS = LANGS.flatMap((lang) => JOURNAL[lang]?.tab ?? []);

function journalIn(lang: Lang): { readonly tab: string; readonly header: readonly string[] } {
  return JOURNAL[lang] ?? JOURNAL[DEFAULT_LANG]!;
}
const COL = { batch: 0, date: 1, by: 2, tab: 3, id: 4, before: 5, after: 6, undone: 7 } as const;

/** A row of a table as the journal keeps it: its cells as JSON (dates as their instant). */
function encode(row: readonly unknown[]): string {
  return JSON.stringify(row.map((v) => (v instanceof Date ? { date: v.getTime() } : (v ?? ''))));
}

function decode(json: string): unknown[] {
  return (JSON.parse(json) as unknown[]).map((v) =>
    v !== null && typeof v === 'object' && 'date' in v ? new Date((v as { date: number }).date) : v,
  );
}

function tabOf(session: Session, table: TableName): SheetModel | null {
  const name = matchTabName(
    table,
    session.model.sheets.map((s) => s.name),
  );
  return session.model.sheets.find((s) => s.name === name) ?? null;
}

export interface TableRows {
  /** the header's 0-based row */
  header: number;
  width: number;
  /** ID → its 0-based row and its cells as JSON */
  byId: Map<string, { row: number; json: string }>;
}

/** A table's rows by ID, each as the journal would keep it. */
export function tableRows(session: Session, table: 'clients' | 'contacts'): TableRows {
  const sheet = tabOf(session, table);
  const byId = new Map<string, { row: number; json: string }>();
  if (sheet === null) return { header: 0, width: 0, byId };
  const found = findHeaderRow(table, sheet.values.slice(0, 10));
  if (!found.ok) return { header: 0, width: 0, byId };
  const header = sheet.values[found.row] ?? [];
  const idCol = findHeaders(table, header).map.id;
  const width = header.length;
  sheet.values.forEach((cells, row) => {
    if (row <= found.row || idCol === undefined) return;
    const id = String(cells[idCol] ?? '').trim();
    if (id !== '') byId.set(id, { row, json: encode(Array.from({ length: width }, (_, c) => cells[c] ?? '')) });
  });
  return { header: found.row, width, byId };
}

function journalSheet(ss: Ss): GoogleAppsScript.Spreadsheet.Sheet | null {
  for (const name of JOURNAL_TABS) {
    const sheet = ss.getSheetByName(name);
    if (sheet) return sheet;
  }
  return null;
}

/** What an import changed, from the tables before and after it. */
export function journalRows(
  before: Record<'clients' | 'contacts', TableRows>,
  after: Record<'clients' | 'contacts', TableRows>,
): { tab: 'clients' | 'contacts'; id: string; before: string; after: string }[] {
  const out: { tab: 'clients' | 'contacts'; id: string; before: string; after: string }[] = [];
  for (const tab of ['clients', 'contacts'] as const) {
    for (const [id, now] of after[tab].byId) {
      const was = before[tab].byId.get(id);
      if (was === undefined || was.json !== now.json) out.push({ tab, id, before: was?.json ?? '', after: now.json });
    }
  }
  return out;
}

/** Records an import's changes under a new batch ID; resolves to the ID. */
export function recordImport(
  session: Session,
  entries: ReturnType<typeof journalRows>,
  lang: Lang,
  by: string,
): string {
  const now = new Date(session.env.clock.now());
  const batch = `I-${now.getTime().toString(36).toUpperCase()}`;
  session.asEditor((ss) => {
    let sheet = journalSheet(ss);
    if (sheet === null) {
      const { tab, header } = journalIn(lang);
      sheet = ss.insertSheet(tab, ss.getSheets().length);
      sheet.getRange(1, 1, 1, header.length).setValues([[...header]]);
      sheet.hideSheet();
    }
    const rows = entries.map((e) => [batch, now, by, e.tab, e.id, e.before, e.after, '']);
    if (rows.length === 0) return;
    const range = sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, rows[0].length);
    range.setNumberFormat('@');
    range.setValues(rows);
  });
  return batch;
}

/** Undoes an import: refuses with the reason when a row it wrote was changed since; otherwise removes and restores. */
export function undoImport(
  session: Session,
  batch: string,
  lang: Lang,
  by: string,
): { clients: number; contacts: number } {
  const file = session.workbook;
  const journal = session.model.sheets.find((s) => JOURNAL_TABS.includes(s.name));
  const entries = (journal?.values ?? [])
    .map((cells, row) => ({ cells, row }))
    .filter(({ cells, row }) => row > 0 && String(cells[COL.batch] ?? '') === batch);
  if (entries.length === 0) throw new WorkbookError(cliText('undoNoBatch', { batch, file }));
  if (entries.some(({ cells }) => String(cells[COL.undone] ?? '') !== '')) {
    throw new WorkbookError(cliText('undoAlready', { batch, file }));
  }
  const tables = { clients: tableRows(session, 'clients'), contacts: tableRows(session, 'contacts') };
  const changed: string[] = [];
  const work = entries.map(({ cells, row }) => {
    const tab = String(cells[COL.tab]) as 'clients' | 'contacts';
    const id = String(cells[COL.id]);
    const now = tables[tab].byId.get(id);
    if (now === undefined || now.json !== String(cells[COL.after])) changed.push(id);
    return { tab, id, row: now?.row ?? -1, before: String(cells[COL.before] ?? ''), journalRow: row };
  });
  if (changed.length > 0) {
    throw new WorkbookError(cliText('undoChanged', { batch, ids: joinList(changed.slice(0, 10), lang) }));
  }
  const at = new Date(session.env.clock.now());
  const removed = { clients: 0, contacts: 0 };
  // Whose contacts they are, read before any row goes.
  const contacts = tabOf(session, 'contacts');
  const clientCol = contacts
    ? findHeaders('contacts', contacts.values[tables.contacts.header] ?? []).map.clientId
    : undefined;
  const contactClient = new Map<string, string>();
  for (const w of work.filter((x) => x.tab === 'contacts')) {
    const cells = decode(tables.contacts.byId.get(w.id)?.json ?? '[]');
    if (clientCol !== undefined) contactClient.set(w.id, String(cells[clientCol] ?? ''));
  }
  session.asEditor((ss) => {
    for (const tab of ['clients', 'contacts'] as const) {
      const name = tabOf(session, tab)?.name ?? '';
      const sheet = ss.getSheetByName(name);
      if (sheet === null) continue;
      for (const w of work.filter((x) => x.tab === tab && x.before !== '')) {
        const cells = decode(w.before);
        const now = decode(tables[tab].byId.get(w.id)?.json ?? '[]');
        // Only the cells the import changed: a computed column's own formula is never written over.
        cells.forEach((v, c) => {
          if (JSON.stringify(now[c]) !== JSON.stringify(v)) sheet.getRange(w.row + 1, c + 1).setValue(v);
        });
      }
      const rows = work
        .filter((x) => x.tab === tab && x.before === '')
        .map((x) => x.row)
        .sort((a, b) => b - a);
      for (const row of rows) sheet.deleteRow(row + 1);
      removed[tab] = rows.length;
    }
    logUndo(ss, session, work, contactClient, { batch, at, by, lang });
    const sheet = journalSheet(ss);
    for (const w of work) sheet?.getRange(w.journalRow + 1, COL.undone + 1).setValue(at);
  });
  return removed;
}

/** One Changes row per client the undo touched, saying what it did. */
function logUndo(
  ss: Ss,
  session: Session,
  work: { tab: 'clients' | 'contacts'; id: string; before: string }[],
  contactClient: ReadonlyMap<string, string>,
  { batch, at, by, lang }: { batch: string; at: Date; by: string; lang: Lang },
): void {
  const changes = tabOf(session, 'changes');
  if (changes === null) return;
  const found = findHeaderRow('changes', changes.values.slice(0, 10));
  if (!found.ok) return;
  const map = findHeaders('changes', changes.values[found.row] ?? []).map;
  const clientIds = new Set<string>([
    ...work.filter((x) => x.tab === 'clients').map((x) => x.id),
    ...contactClient.values(),
  ]);
  const ids = idGenerator(
    'X',
    changes.values.slice(found.row + 1).map((r) => String(r[map.id ?? 0] ?? '')),
    at,
  );
  const width = (changes.values[found.row] ?? []).length;
  const rows = [...clientIds].map((clientId) => {
    const added = work.some((x) => x.tab === 'clients' && x.id === clientId && x.before === '');
    const n = [...contactClient.values()].filter((c) => c === clientId).length;
    const row: unknown[] = Array.from({ length: width }, () => '');
    const put = (key: keyof typeof map, value: unknown): void => {
      const c = map[key];
      if (c !== undefined) row[c] = value;
    };
    put('id', ids.next());
    put('date', at);
    put('clientId', clientId);
    put('what', label('changeKinds', 'importUndone', lang));
    put('old', batch);
    put('by', by);
    put('reason', t(lang, added ? 'import.undo.removed' : 'import.undo.restored', { batch, contacts: n }));
    return row;
  });
  if (rows.length === 0) return;
  const sheet = ss.getSheetByName(changes.name);
  if (sheet === null) return;
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, width).setValues(rows);
}
