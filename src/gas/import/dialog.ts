/**
 * Import from a tab… (docs/import.md): the user brings the file into a new tab with Sheets' own File ▸
 * Import, then picks that tab in the dialog. The dialog asks for the tabs and the imports in the
 * journal (importTabs), a preview (importPreview: the mapping, which the user may correct, and what
 * will happen, through the same core as the command line), then writes batch after batch
 * (importRun, one google.script.run call per batch, each well inside Apps Script's six minutes). Each
 * batch's progress is journaled under the same lock as its rows, so Continue import resumes where it
 * stopped when the window was closed or a call failed. A phone column Sheets turned into numbers and
 * text read in the wrong encoding each stop the import with one sentence saying what to do.
 */
import { type Lang, type MessageKey, type Params, render, t } from '../../core/i18n';
import { IMPORT_BATCH_CLIENTS, type ImportWriteClient, writerClients } from '../../core/import/batches';
import {
  type ImportField,
  type MapOverrides,
  IMPORT_FIELDS,
  fieldLabel,
  fieldNamed,
  findListHeader,
} from '../../core/import/fields';
import { type ImportPlan, type RegisterClient, planImport } from '../../core/import/plan';
import { previewLines } from '../../core/import/preview';
import { UPDATE_FIELDS } from '../../core/import/updates';
import { type ListRow, readListRow } from '../../core/import/values';
/** Reads of the tab's row blocks for one batch: a bounded number of calls whatever the rows' order. */
const MAX_BLOCKS = 20;
import { phoneDigits, phoneNumberIntact } from '../../core/client-match';
import { type ColumnKey, TABLES, matchTabName, type TableName } from '../../core/schema';
import { sendQueuedHandovers } from '../handover-mail';
import { openTable } from '../table';
import { type SidebarSession, openSession } from '../sidebar/session';
import { coveringSpans } from '../sidebar/card';
import { JOURNAL_TABS, type ImportProgress, importProgress, keptPlanText, readImports } from './journal';
import { HEAD_ROWS, type KeptPlan, keepPlan, parseKeptPlan, rowsDigest, shapeOf } from './kept-plan';
import { type ImportWriteResult, finishImportBatch, writeImportBatch } from './write';

export interface ImportRequest {
  tab: string;
  /** header → field key ('' leaves the column out), as corrected in the dialog */
  map?: [string, string][];
  /** create and update, or create only */
  update?: boolean;
}

export interface ImportTabs {
  lang: Lang;
  words: Record<string, string>;
  tabs: string[];
  fields: { key: string; label: string }[];
  imports: { batch: string; tab: string; done: number; total: number; undone: boolean; finished: boolean }[];
}

export type ImportPreview =
  | {
      ok: true;
      lines: string[];
      columns: { header: string; field: string }[];
      /** clients to write */
      total: number;
    }
  | { ok: false; text: string };

export type ImportStep =
  | {
      ok: true;
      batch: string;
      done: number;
      total: number;
      added: number;
      logged: number;
      text: string;
      /** who was mailed about a next step an imported contact handed them, due today, or why not */
      mail: string[];
    }
  | { ok: false; text: string };

const WORDS: MessageKey[] = [
  'import.dialog.advice',
  'import.dialog.tab',
  'import.dialog.preview',
  'import.dialog.mapping',
  'import.dialog.leaveOut',
  'import.dialog.createOnly',
  'import.dialog.createUpdate',
  'import.dialog.start',
  'import.dialog.continue',
  'import.dialog.undo',
  'import.dialog.stopped',
  'menu.import',
];

/** The workbook's tabs a list may be in: not the tracker's own, not the journal. */
function listTabs(s: SidebarSession): string[] {
  const names = [...s.sheets.keys()];
  const ours = new Set<string>(JOURNAL_TABS);
  for (const table of Object.keys(TABLES) as TableName[]) {
    const name = matchTabName(table, names);
    if (name !== null) ours.add(name);
  }
  return names.filter((n) => !ours.has(n) && !/^(CT_|Report|报表)/.test(n) && !s.sheets.get(n)?.isSheetHidden());
}

export function importTabs(): ImportTabs {
  const s = openSession();
  const { lang } = s.ctx;
  const words: Record<string, string> = {};
  for (const key of WORDS) words[key] = t(lang, key);
  return {
    lang,
    words,
    tabs: listTabs(s),
    fields: IMPORT_FIELDS.map((key) => ({ key, label: fieldLabel(key, lang) })),
    imports: readImports(s.ctx.ss)
      .filter((r) => r.progress !== null || !r.undone)
      .map((r) => ({
        batch: r.batch,
        tab: r.progress?.tab ?? '',
        done: r.progress?.done ?? 0,
        total: r.progress?.total ?? 0,
        undone: r.undone,
        finished: r.progress === null || r.progress.done >= r.progress.total,
      })),
  };
}

/** A cell that shows the file was read in the wrong encoding: U+FFFD, or UTF-8 bytes read as Latin-1 ("å®¢æˆ·"). */
const GARBLED =
  /\uFFFD|[\u00C2-\u00EF][\u0080-\u00BF\u02C6\u02DC\u2018-\u203A\u20AC\u2122\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192]/g;

function garbled(text: string): boolean {
  return (text.match(GARBLED) ?? []).length >= 2;
}

interface Planned {
  plan: ImportPlan;
  header: { row: number; mapping: ReturnType<typeof findListHeader> & { ok: true } };
  me: string;
  /** the tab as read (for the plan kept by the import's later batches) */
  grid: unknown[][];
}

type Refusal = { text: string };

function say(lang: Lang, key: MessageKey, params: Params): Refusal {
  return { text: t(lang, key, params) };
}

function overridesOf(req: ImportRequest): MapOverrides {
  return new Map<string, ImportField | null>(
    (req.map ?? []).map(([header, field]) => [String(header), field === '' ? null : fieldNamed(String(field))]),
  );
}

type Found = ReturnType<typeof findListHeader> & { ok: true };

/** Garbled text anywhere (the header included): the file was read in the wrong encoding. */
function checkGarbled(lang: Lang, rows: [number, readonly unknown[]][]): Refusal | null {
  for (const [line, cells] of rows) {
    const cell = cells.find((c) => typeof c === 'string' && garbled(c));
    if (cell !== undefined) return say(lang, 'import.check.garbled', { line, sample: String(cell).slice(0, 20) });
  }
  return null;
}

/**
 * A phone column held as numbers (a CSV imported with Sheets' conversion on, or an Excel file's number
 * cells, which Sheets keeps): refused at the first number that may have lost a leading 0 or +. A
 * mainland mobile loses nothing as a number, so an Excel list of mobiles imports as it is.
 */
function checkPhones(lang: Lang, rows: [number, readonly unknown[]][], found: Found): Refusal | null {
  const phoneCol = found.mapping.fields.phone;
  if (phoneCol === undefined) return null;
  for (const [line, cells] of rows) {
    const v = cells[phoneCol];
    if (line > found.row + 1 && typeof v === 'number' && !phoneNumberIntact(v)) {
      const header = found.mapping.columns.find((c) => c.index === phoneCol)?.header ?? '';
      return say(lang, 'import.check.numericPhone', { header, line, value: String(v) });
    }
  }
  return null;
}

/**
 * The register as the duplicate rule sees it, without `exclude` (IDs); with the update fields' values
 * when the preview of an update import is to list what changes (the writer decides again per batch).
 */
function registerOf(s: SidebarSession, exclude: ReadonlySet<string>, withFields = false): RegisterClient[] {
  const { lang, tz } = s.ctx;
  const columns = [
    'id',
    'name',
    'phone',
    'email',
    ...(withFields ? [...UPDATE_FIELDS, 'owner'] : []),
  ] as ColumnKey<'clients'>[];
  const clients = openTable(s.sheets, 'clients', { lang, tz, columns });
  return clients.records
    .filter((r) => r !== null && (r.id !== '' || r.name !== '') && !exclude.has(r.id))
    .map((r) => ({
      id: r!.id,
      name: r!.name,
      phones: phoneDigits(r!.phone).join(' '),
      email: r!.email,
      ...(withFields ? { fields: Object.fromEntries(UPDATE_FIELDS.map((f) => [f, r![f]])), owner: r!.owner } : {}),
    }));
}

/** Plans the given rows of the tab (line, cells) against the register, as the sidebar would check them. */
function planRows(
  s: SidebarSession,
  req: ImportRequest,
  rows: [number, readonly unknown[]][],
  found: Found,
  register: RegisterClient[],
): ImportPlan {
  const { lang, tz } = s.ctx;
  const ctx = { lang, tz, today: s.today, team: s.team };
  const listRows: ListRow[] = [];
  for (const [line, cells] of rows) {
    if (line <= found.row + 1) continue;
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
    listRows.push(readListRow(cells, line, found.mapping, ctx));
  }
  return planImport(listRows, register, { ...ctx, update: req.update === true, me: s.me, settings: s.settings });
}

/** Reads the tab and plans the import, or says in one sentence why it cannot (numbers for phones, garbled text). */
function planTab(s: SidebarSession, req: ImportRequest, exclude: ReadonlySet<string>): Planned | Refusal {
  const { lang } = s.ctx;
  const tabName = String(req?.tab ?? '');
  if (!listTabs(s).includes(tabName)) return say(lang, 'import.check.noTab', { tab: tabName });
  const sheet = s.sheets.get(tabName)!;
  const grid = sheet.getDataRange().getValues() as unknown[][];
  const rows = grid.map((cells, i): [number, unknown[]] => [i + 1, cells]);
  const found = findListHeader(grid.slice(0, HEAD_ROWS), overridesOf(req));
  const refused =
    checkGarbled(lang, rows) ??
    (found.ok ? checkPhones(lang, rows, found) : say(lang, 'import.check.noHeader', { tab: tabName }));
  if (refused !== null || !found.ok) return refused ?? say(lang, 'import.check.noHeader', { tab: tabName });
  const plan = planRows(s, req, rows, found, registerOf(s, exclude, req.update === true));
  return { plan, header: { row: found.row, mapping: found }, me: s.me, grid };
}

/**
 * The next clients of an import from the plan it kept (./kept-plan.ts): only their rows of the tab are
 * read, each checked against the digest kept (a tab changed since is refused), and planned again
 * against the register as it is now, so a client someone added meanwhile (or an earlier batch) is
 * still found: in create-only mode it is left alone, otherwise its history is logged on it.
 */
function keptClients(
  s: SidebarSession,
  batch: string,
  req: ImportRequest,
  kept: KeptPlan,
  from: number,
  size: number,
): ImportWriteClient[] | Refusal {
  const { lang } = s.ctx;
  const tabName = String(req.tab ?? '');
  if (!listTabs(s).includes(tabName)) return say(lang, 'import.check.noTab', { tab: tabName });
  const sheet = s.sheets.get(tabName)!;
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const changed = say(lang, 'import.check.tabChanged', { batch, tab: tabName });
  if (lastRow < 1 || lastColumn < 1) return changed;
  const head = sheet.getRange(1, 1, Math.min(HEAD_ROWS, lastRow), lastColumn).getValues() as unknown[][];
  const found = findListHeader(head, overridesOf(req));
  if (!found.ok || shapeOf(head, found.row, lastRow, lastColumn) !== kept.shape) return changed;
  const chosen = kept.clients.slice(from, from + size);
  const lines = [...new Set(chosen.flatMap(([ls]) => ls))].sort((a, b) => a - b);
  const cellsAt = new Map<number, unknown[]>();
  for (const [first, last] of lines.length === 0 ? [] : coveringSpans(lines, MAX_BLOCKS)) {
    const block = sheet.getRange(first, 1, last - first + 1, lastColumn).getValues() as unknown[][];
    block.forEach((cells, i) => cellsAt.set(first + i, cells));
  }
  for (const [ls, digest] of chosen) {
    if (rowsDigest(ls.map((line) => cellsAt.get(line) ?? [])) !== digest) {
      return say(lang, 'import.check.rowChanged', { batch, tab: tabName, line: ls[0] });
    }
  }
  const rows = lines.map((line): [number, unknown[]] => [line, cellsAt.get(line) ?? []]);
  const refused = checkGarbled(lang, rows) ?? checkPhones(lang, rows, found);
  if (refused !== null) return refused;
  const plan = planRows(s, req, rows, found, registerOf(s, new Set()));
  const byLine = new Map(plan.clients.map((c) => [c.lines[0], c]));
  const writer = new Map(writerClients(plan).map((c) => [c.line, c]));
  const out: ImportWriteClient[] = [];
  for (const [ls] of chosen) {
    const now = byLine.get(ls[0]);
    if (now !== undefined && now.lines.join() === ls.join()) {
      if (now.action !== 'skip') out.push(writer.get(ls[0])!);
      continue;
    }
    // The register changed under it (two clients now match it, say): the row is refused, as in a preview.
    const problems = plan.problems.filter((p) => ls.includes(p.line)).map((p) => render(lang, p.message));
    if (problems.length === 0) return say(lang, 'import.check.rowChanged', { batch, tab: tabName, line: ls[0] });
    return say(lang, 'import.refused.row', { line: ls[0], problems: problems.join(' ') });
  }
  return out;
}

export function importPreview(req: ImportRequest): ImportPreview {
  const s = openSession();
  const planned = planTab(s, req, new Set());
  if ('text' in planned) return { ok: false, text: planned.text };
  const { plan, header } = planned;
  return {
    ok: true,
    lines: previewLines(
      plan,
      { row: header.row + 1, mapping: header.mapping.mapping },
      s.ctx.lang,
      s.me || s.email,
      'dialog',
    ),
    columns: header.mapping.mapping.columns.map((c) => ({ header: c.header, field: c.field ?? '' })),
    total: writerClients(plan).length,
  };
}

/**
 * One batch of an import: a new import (batch '') starts at its first client; a batch ID continues
 * where its journal says it stopped, with the tab, mapping and mode it was started with. The tab is
 * planned again against the register without the clients this import added, so the plan is the one
 * it started from; a tab changed since (another number of clients) is refused.
 */
export function importRun(req: ImportRequest & { batch?: string; size?: number }): ImportStep {
  const s = openSession();
  const { lang } = s.ctx;
  const batch = String(req?.batch ?? '').trim();
  const size = Math.max(1, Math.min(Number(req?.size) || IMPORT_BATCH_CLIENTS, 2_000));
  let request: ImportRequest = req;
  let from = 0;
  let total: number;
  let slice: ImportWriteClient[];
  let kept: string | undefined;
  let keptAt: [number, number] | undefined;
  if (batch === '') {
    const planned = planTab(s, request, new Set());
    if ('text' in planned) return { ok: false, text: planned.text };
    const clients = writerClients(planned.plan);
    total = clients.length;
    slice = clients.slice(0, size);
    if (size < total) kept = JSON.stringify(keepPlan(planned.grid, planned.header.row, planned.plan));
  } else {
    const state = importProgress(s.ctx.ss, batch);
    if (state === null) return { ok: false, text: t(lang, 'import.undo.noBatch', { batch }) };
    if (state.undone) return { ok: false, text: t(lang, 'import.undo.already', { batch }) };
    const was = state.progress;
    if (was.pending !== undefined) return stepOf(s, was.total, finishImportBatch(s, batch, was));
    request = { tab: was.tab, map: was.map, update: was.update };
    from = was.done;
    total = was.total;
    keptAt = was.plan;
    const plan = keptAt === undefined ? null : parseKeptPlan(keptPlanText(s.ctx.ss, batch, keptAt));
    if (plan !== null && plan.clients.length === total) {
      const next = keptClients(s, batch, request, plan, from, size);
      if (!Array.isArray(next)) return { ok: false, text: next.text };
      slice = next;
    } else {
      // No plan kept (an import started by an earlier version): the tab is planned again against the
      // register without the clients this import added, so the plan is the one it started from.
      keptAt = undefined;
      const added = readImports(s.ctx.ss).find((r) => r.batch === batch)?.added ?? [];
      const planned = planTab(s, request, new Set(added));
      if ('text' in planned) return { ok: false, text: planned.text };
      const clients = writerClients(planned.plan);
      if (clients.length !== was.total) {
        return {
          ok: false,
          text: t(lang, 'import.check.changed', { batch, tab: was.tab, total: clients.length, was: was.total }),
        };
      }
      slice = clients.slice(from, from + size);
    }
  }
  const done = Math.min(total, from + size);
  const progress: ImportProgress = {
    tab: request.tab,
    map: request.map ?? [],
    update: request.update === true,
    done,
    total,
    ...(keptAt === undefined ? {} : { plan: keptAt }),
  };
  return stepOf(s, total, writeImportBatch(s, { batch, clients: slice, progress, plan: kept, from }), done);
}

/** What the dialog shows once a batch is written. */
function stepOf(s: SidebarSession, total: number, result: ImportWriteResult, written?: number): ImportStep {
  const { lang } = s.ctx;
  if (!result.ok) return { ok: false, text: result.text };
  const { value } = result;
  // The dialog runs as the signed-in user, who may send mail: a batch whose contacts handed today's next
  // step to someone else sends the queue as Refresh does, so they hear the same day; over the quota, an
  // entry waits for the next run (docs/import.md).
  const mail = value.handovers > 0 ? sendQueuedHandovers(s.ctx, s.sheets) : [];
  const done = written ?? value.done ?? total;
  const words =
    done >= total
      ? t(lang, 'import.dialog.done', { batch: value.batch, added: value.added, logged: value.logged })
      : t(lang, 'import.dialog.progress', { batch: value.batch, done, total });
  return {
    ok: true,
    batch: value.batch,
    done,
    total,
    added: value.added,
    logged: value.logged,
    text: words,
    mail,
  };
}

/** The menu's Import from a tab…: the dialog (its page is dist/ImportDialog.html). */
export function menuImport(): void {
  const s = openSession();
  const html = HtmlService.createHtmlOutputFromFile('ImportDialog').setWidth(760).setHeight(620);
  SpreadsheetApp.getUi().showModalDialog(html, t(s.ctx.lang, 'menu.import'));
}
