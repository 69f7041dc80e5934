/**
 * `client-tracker import --workbook F.xlsx --from list.csv|list.xlsx`: a client list brought in
 * (docs/import.md). The list is read first (a file that cannot be read ends in one sentence, the
 * workbook untouched); then, under the workbook's lock, the register, the Team and the Settings are
 * read, the core plans the import and the preview is printed. --dry-run stops there. Otherwise each
 * new client is added and each contact logged through the add-on's own sidebar saves (Add client, Log
 * contact: the one rule path), and the workbook is saved once, only if every one of them succeeded.
 */
import { dayKey } from '../../core/dates';
import { findHeaderRow } from '../../core/header-row';
import { joinList, langFromLocale } from '../../core/i18n';
import {
  type ImportField,
  type MapOverrides,
  IMPORT_FIELDS,
  fieldNamed,
  findListHeader,
} from '../../core/import/fields';
import { type ImportPlan, type RegisterClient, planImport } from '../../core/import/plan';
import { previewLines } from '../../core/import/preview';
import { UPDATE_FIELDS } from '../../core/import/updates';
import { type ListRow, readListRow } from '../../core/import/values';
import { phoneDigits } from '../../core/client-match';
import { memberByEmail } from '../../core/people';
import { type TableName, type TeamMember, findHeaders, matchTabName } from '../../core/schema';
import { parseSettings } from '../../core/settings';
import type { SheetModel } from '../emulator/model';
import { ListError, readList } from '../import/read-list';
import type { ImportWriteDone, ImportWriteResult } from '../../gas/import/write';
import { IMPORT_BATCH_CLIENTS, writerClients } from '../../core/import/batches';
import type { UndoResult } from '../../gas/import/journal';
import type { Session } from '../session';
import { WorkbookError } from '../session';
import { UsageError, type CliOptions } from './args';
import { cliLang, cliText } from './messages';

/** --map "联系电话=phone" (and "备注=" to leave a column out), checked before anything is opened. */
export function parseMaps(values: readonly string[]): MapOverrides {
  const out = new Map<string, ImportField | null>();
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    const header = eq < 0 ? '' : value.slice(0, eq).trim();
    const target = eq < 0 ? '' : value.slice(eq + 1).trim();
    const field = target === '' ? null : fieldNamed(target);
    if (header === '' || (target !== '' && field === null)) {
      throw new UsageError(cliText('importBadMap', { value, field: target, fields: IMPORT_FIELDS.join(', ') }));
    }
    out.set(header, field);
  }
  return out;
}

function tab(session: Session, table: TableName): SheetModel | null {
  const names = session.model.sheets.map((s) => s.name);
  const name = matchTabName(table, names);
  return name === null ? null : (session.model.sheets.find((s) => s.name === name) ?? null);
}

/** A table's records by header: each row as column key → cell. */
function records(sheet: SheetModel | null, table: TableName): Record<string, unknown>[] {
  if (sheet === null) return [];
  const found = findHeaderRow(table, sheet.values.slice(0, 10));
  if (!found.ok) return [];
  const map = findHeaders(table, sheet.values[found.row] ?? []).map as Record<string, number>;
  return sheet.values.slice(found.row + 1).map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, col] of Object.entries(map)) out[key] = row[col] ?? '';
    return out;
  });
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export interface ImportResult {
  plan: ImportPlan;
  /** what landed: clients added, contacts logged */
  added: number;
  logged: number;
}

export async function runImport(
  options: CliOptions,
  say: (line: string) => void,
  open: () => Promise<Session>,
): Promise<number> {
  if (options.undo !== undefined) return runUndo(options.undo, say, open);
  if (!options.from) throw new UsageError(cliText('importNeedsFrom'));
  const overrides = parseMaps(options.map);
  let list;
  try {
    list = await readList(options.from, options.sheet);
  } catch (error) {
    if (error instanceof ListError) throw new WorkbookError(error.message);
    throw error;
  }
  const how = list.encoding ?? list.sheet ?? '';
  const header = findListHeader(list.rows.slice(0, 10), overrides);
  if (!header.ok) throw new WorkbookError(cliText('importNoHeader', { file: options.from }));

  const session = await open();
  try {
    for (const note of session.notes) say(note);
    const file = session.workbook;
    const clientsTab = tab(session, 'clients');
    if (clientsTab === null) throw new WorkbookError(cliText('importNotSetUp', { file }));
    const model = session.model;
    const tz = model.timeZone;
    const now = new Date(session.env.clock.now());
    const today = dayKey(now, tz);
    const lang = cliLang();
    const team = records(tab(session, 'team'), 'team')
      .filter((r) => text(r.name).trim() !== '')
      .map((r) => ({ name: text(r.name), email: text(r.email) }) as TeamMember);
    const me = memberByEmail(team, session.user)?.name.trim() ?? '';
    const settingsTab = tab(session, 'settings');
    const settings = parseSettings(settingsTab?.values ?? [], langFromLocale(model.locale)).settings;
    const register: RegisterClient[] = records(clientsTab, 'clients')
      .filter((r) => text(r.id) !== '' || text(r.name) !== '')
      .map((r) => ({
        id: text(r.id),
        name: text(r.name),
        phones: phoneDigits(text(r.phone)).join(' '),
        email: text(r.email),
        // what an update import would change, for the preview (the writer decides again)
        fields: Object.fromEntries(UPDATE_FIELDS.map((f) => [f, r[f]])),
        owner: text(r.owner),
      }));

    const ctx = { lang, tz, today, team };
    const rows: ListRow[] = [];
    list.rows.slice(header.row + 1).forEach((cells, i) => {
      if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) return;
      rows.push(readListRow(cells, header.row + 2 + i, header.mapping, ctx));
    });
    const plan = planImport(rows, register, { ...ctx, update: options.update, me, settings });
    say(cliText('importRead', { file: options.from, how }));
    for (const line of previewLines(plan, { row: header.row + 1, mapping: header.mapping }, lang, me || session.user)) {
      say(line);
    }
    if (options.dryRun) {
      say(cliText('importDryRun', { file }));
      return 0;
    }
    const result = write(session, plan);
    if (result === null) {
      say(cliText('importNothing', { file }));
      return 0;
    }
    const batch = result.batch;
    await session.save();
    say(cliText('importDone', { file, clients: result.added, contacts: result.logged }));
    say(cliText('importBatch', { file, batch }));
    return 0;
  } finally {
    await session.close();
  }
}

async function runUndo(batch: string, say: (line: string) => void, open: () => Promise<Session>): Promise<number> {
  const session = await open();
  try {
    for (const note of session.notes) say(note);
    const { value } = session.client('undoImport', [batch]);
    const result = value as UndoResult | null;
    if (result === null) throw new WorkbookError(JSON.stringify(value));
    const file = session.workbook;
    if (!result.ok) {
      if (result.reason === 'noBatch') throw new WorkbookError(cliText('undoNoBatch', { batch, file }));
      if (result.reason === 'already') throw new WorkbookError(cliText('undoAlready', { batch, file }));
      if (result.reason === 'notYours') throw new WorkbookError(result.text);
      throw new WorkbookError(cliText('undoChanged', { batch, ids: joinList(result.ids.slice(0, 10), cliLang()) }));
    }
    const removed = { clients: result.clients, contacts: result.contacts };
    await session.save();
    say(cliText('undoDone', { batch, file: session.workbook, ...removed }));
    return 0;
  } finally {
    await session.close();
  }
}

/**
 * Writes the plan through the add-on's batched writer, IMPORT_BATCH_CLIENTS clients a call, all under
 * one batch ID; a refusal ends the import with its sentence (nothing is saved). Null: nothing to write.
 */
function write(session: Session, plan: ImportPlan): (ImportWriteDone & { calls: number }) | null {
  const clients = writerClients(plan);
  if (clients.length === 0) return null;
  const done = { batch: '', added: 0, logged: 0, ids: [] as string[], calls: 0, handovers: 0 };
  for (let i = 0; i < clients.length; i += IMPORT_BATCH_CLIENTS) {
    const { value } = session.client('importBatch', [
      { batch: done.batch, clients: clients.slice(i, i + IMPORT_BATCH_CLIENTS) },
    ]);
    const result = value as ImportWriteResult | null;
    if (result?.ok !== true) {
      const text = result && !result.ok ? result.text : JSON.stringify(value);
      throw new WorkbookError(text);
    }
    done.batch = result.value.batch;
    done.added += result.value.added;
    done.logged += result.value.logged;
    done.handovers += result.value.handovers;
    done.ids.push(...result.value.ids);
    done.calls++;
  }
  return done;
}
