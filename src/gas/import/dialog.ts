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
import { type Lang, type MessageKey, type Params, t } from '../../core/i18n';
import { IMPORT_BATCH_CLIENTS, writerClients } from '../../core/import/batches';
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
import { type ListRow, readListRow } from '../../core/import/values';
import { phoneDigits } from '../../core/client-match';
import { TABLES, matchTabName, type TableName } from '../../core/schema';
import { openTable } from '../table';
import { type SidebarSession, openSession } from '../sidebar/session';
import { JOURNAL_TABS, type ImportProgress, readImports } from './journal';
import { writeImportBatch } from './write';

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
  | { ok: true; batch: string; done: number; total: number; added: number; logged: number; text: string }
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
}

/** Reads the tab and plans the import, or says in one sentence why it cannot (numbers for phones, garbled text). */
function planTab(s: SidebarSession, req: ImportRequest, exclude: ReadonlySet<string>): Planned | { text: string } {
  const { lang, tz } = s.ctx;
  const say = (key: MessageKey, params: Params): { text: string } => ({ text: t(lang, key, params) });
  const tabName = String(req?.tab ?? '');
  if (!listTabs(s).includes(tabName)) return say('import.check.noTab', { tab: tabName });
  const sheet = s.sheets.get(tabName)!;
  const overrides: MapOverrides = new Map<string, ImportField | null>(
    (req.map ?? []).map(([header, field]) => [String(header), field === '' ? null : fieldNamed(String(field))]),
  );
  const grid = sheet.getDataRange().getValues() as unknown[][];
  // Garbled text anywhere (the header included): the file was read in the wrong encoding.
  for (let r = 0; r < grid.length; r++) {
    const cell = grid[r].find((c) => typeof c === 'string' && garbled(c));
    if (cell !== undefined) return say('import.check.garbled', { line: r + 1, sample: String(cell).slice(0, 20) });
  }
  const found = findListHeader(grid.slice(0, 10), overrides);
  if (!found.ok) return say('import.check.noHeader', { tab: tabName });
  // Sheets' own import turned phone numbers into numbers: zeros and + are gone already.
  const phoneCol = found.mapping.fields.phone;
  if (phoneCol !== undefined) {
    for (let r = found.row + 1; r < grid.length; r++) {
      const v = grid[r][phoneCol];
      if (typeof v === 'number') {
        const header = found.mapping.columns.find((c) => c.index === phoneCol)?.header ?? '';
        return say('import.check.numericPhone', { header, line: r + 1, value: String(v) });
      }
    }
  }
  const today = s.today;
  const ctx = { lang, tz, today, team: s.team };
  const rows: ListRow[] = [];
  grid.slice(found.row + 1).forEach((cells, i) => {
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) return;
    rows.push(readListRow(cells, found.row + 2 + i, found.mapping, ctx));
  });
  const clients = openTable(s.sheets, 'clients', { lang, tz, columns: ['id', 'name', 'phone', 'email'] });
  const register: RegisterClient[] = clients.records
    .filter((r) => r !== null && (r.id !== '' || r.name !== '') && !exclude.has(r.id))
    .map((r) => ({ id: r!.id, name: r!.name, phones: phoneDigits(r!.phone).join(' '), email: r!.email }));
  const plan = planImport(rows, register, {
    ...ctx,
    update: req.update === true,
    me: s.me,
    settings: s.settings,
  });
  return { plan, header: { row: found.row, mapping: found }, me: s.me };
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
  let request: ImportRequest = req;
  let from = 0;
  let exclude = new Set<string>();
  let was: ImportProgress | null = null;
  if (batch !== '') {
    const record = readImports(s.ctx.ss).find((r) => r.batch === batch);
    if (record === undefined || record.progress === null)
      return { ok: false, text: t(lang, 'import.undo.noBatch', { batch }) };
    if (record.undone) return { ok: false, text: t(lang, 'import.undo.already', { batch }) };
    was = record.progress;
    request = { tab: was.tab, map: was.map, update: was.update };
    from = was.done;
    exclude = new Set(record.added);
  }
  const planned = planTab(s, request, exclude);
  if ('text' in planned) return { ok: false, text: planned.text };
  const clients = writerClients(planned.plan);
  if (was !== null && clients.length !== was.total) {
    return {
      ok: false,
      text: t(lang, 'import.check.changed', { batch, tab: was.tab, total: clients.length, was: was.total }),
    };
  }
  const size = Math.max(1, Math.min(Number(req?.size) || IMPORT_BATCH_CLIENTS, 2_000));
  const slice = clients.slice(from, from + size);
  const done = from + slice.length;
  const progress: ImportProgress = {
    tab: request.tab,
    map: request.map ?? [],
    update: request.update === true,
    done,
    total: clients.length,
  };
  const result = writeImportBatch(s, { batch, clients: slice, progress });
  if (!result.ok) return { ok: false, text: result.text };
  const { value } = result;
  const words =
    done >= clients.length
      ? t(lang, 'import.dialog.done', { batch: value.batch, added: value.added, logged: value.logged })
      : t(lang, 'import.dialog.progress', { batch: value.batch, done, total: clients.length });
  return {
    ok: true,
    batch: value.batch,
    done,
    total: clients.length,
    added: value.added,
    logged: value.logged,
    text: words,
  };
}

/** The menu's Import from a tab…: the dialog (its page is dist/ImportDialog.html). */
export function menuImport(): void {
  const s = openSession();
  const html = HtmlService.createHtmlOutputFromFile('ImportDialog').setWidth(760).setHeight(620);
  SpreadsheetApp.getUi().showModalDialog(html, t(s.ctx.lang, 'menu.import'));
}
