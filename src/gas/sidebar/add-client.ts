/**
 * addClient: a new Clients row with a new ID — but first, the clients it might already be: the same
 * phone digits, the same email, or a very similar name (across Chinese/English punctuation, spacing
 * and width). Those come back as candidates and nothing is added, unless the user, having seen them,
 * asks again with allowDuplicate.
 */
import { NO_STAGE, stageChange, stageRecordedCell } from '../../core/stage-record';
import { type DayKey, startOfDay } from '../../core/dates';
import { gradeClient } from '../../core/grade';
import { type Lang, type Message, message } from '../../core/i18n';
import { clientIdSource } from '../client-ids';
import { type Grade, label } from '../../core/lists';
import { poolOutlook } from '../../core/pool';
import { type ClientRecord, type ColumnDef, type ColumnKey, CLIENT_COLUMNS } from '../../core/schema';
import { computeStatus } from '../../core/status';
import type {
  AddClientOptions,
  ClientCard,
  DuplicateCandidate,
  DuplicateQuery,
  NewClientFields,
  WriteResult,
} from '../../contract/types';
import { type ChangeEntry, openChangeLog } from '../changes';
import { withDocumentLock } from '../lock';
import { appendRecords } from '../table';
import { buildCard } from './card';
import { openHeader } from './header-table';
import { refused } from './results';
import { type SearchIndex, buildIndex, loadIndex, saveIndex } from './search-index';
import { findDuplicates, phoneDigits } from '../../core/client-match';
import { locateClient } from './locate';
import { type SidebarSession, openSession } from './session';
import { FieldChecker } from './validate';

/** Columns the rules fill in, and the ID and Created the add sets itself: not taken from the form. */
const NOT_TYPED = new Set<string>([
  'id',
  'created',
  ...CLIENT_COLUMNS.filter((c) => 'computed' in c && c.computed).map((c) => c.key),
]);

export type Values = Partial<Record<ColumnKey<'clients'>, unknown>>;

export function checkClientFields(fields: NewClientFields, s: SidebarSession, check: FieldChecker<'clients'>): Values {
  const given = (fields ?? {}) as Record<string, unknown>;
  const values: Values = {};
  for (const def of CLIENT_COLUMNS as readonly ColumnDef[]) {
    const key = def.key as ColumnKey<'clients'>;
    if (NOT_TYPED.has(key)) continue;
    const raw = given[key];
    switch (def.type) {
      case 'text':
      case 'plainText':
        values[key] = key === 'email' ? check.email(key, raw) : check.text(key, raw, key === 'name');
        break;
      case 'person':
        values[key] = check.person(key, raw);
        break;
      case 'date':
        values[key] = check.day(key, raw);
        break;
      case 'number':
        values[key] = check.number(key, raw);
        break;
      case 'boolean':
        values[key] = check.yesNo(key, raw);
        break;
      case 'enum':
        values[key] = check.choice(key, def.list ?? 'yesNo', raw);
        break;
    }
  }
  if (values.owner === '') values.owner = s.me;
  return values;
}

/** Checked values (codes, days) as cells: labels in the workbook's language, Dates, yes/no. */
function cells(values: Values, lang: Lang, tz: string): Values {
  const out: Values = {};
  for (const def of CLIENT_COLUMNS as readonly ColumnDef[]) {
    const key = def.key as ColumnKey<'clients'>;
    if (!(key in values)) continue;
    const v = values[key];
    if (v === null || v === undefined) out[key] = '';
    else if (def.type === 'date') out[key] = startOfDay(String(v), tz);
    else if (def.type === 'boolean') out[key] = v === true ? label('yesNo', 'yes', lang) : '';
    else if (def.type === 'enum' && def.list && key !== 'gradeOverride') out[key] = label(def.list, v as never, lang);
    else out[key] = v;
  }
  return out;
}

function candidate(entry: { id: string; name: string; contact: string; phones: string; email: string; owner: string }) {
  return {
    id: entry.id,
    name: entry.name,
    contact: entry.contact,
    phone: entry.phones.split(' ')[0] ?? '',
    email: entry.email,
    owner: entry.owner,
  };
}

/** The clients a new one may already be (core/client-match.ts findDuplicates), as the sidebar shows them; at most 20. */
function duplicatesIn(
  index: SearchIndex,
  wanted: { name: string; phone: string; email: string },
): DuplicateCandidate[] {
  return findDuplicates(index.entries, wanted)
    .slice(0, 20)
    .map(({ entry, reasons }) => ({ ...candidate(entry), reasons }));
}

/**
 * The duplicate check of addClient while the form is being typed: the same rule, on the cached index
 * (built when none is cached), nothing written. addClient checks again under the lock.
 */
export function checkDuplicates(query: DuplicateQuery | null): DuplicateCandidate[] {
  const q = (query ?? {}) as Record<string, unknown>;
  const text = (key: string): string => (typeof q[key] === 'string' ? (q[key] as string).slice(0, 200) : '');
  const wanted = { name: text('name'), phone: text('phone'), email: text('email') };
  if (wanted.name.trim() === '' && phoneDigits(wanted.phone).length === 0 && wanted.email.trim() === '') return [];
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let index = loadIndex((id) => ss.getSheetById(id));
  if (index === null) {
    const s = openSession();
    index = buildIndex(openHeader(s.sheets, 'clients', { lang: s.ctx.lang }));
    saveIndex(index, s.ctx.now);
  }
  return duplicatesIn(index, wanted);
}

/**
 * A new client's row as Add client writes it (checked values as cells, its ID and Created, grade,
 * status, pool release and the recorded stage and plan) and the Changes rows that go with it. Shared
 * with the import's batched writer (docs/import.md), so an imported client is an added one.
 */
export function newClientRecord(
  values: Values,
  id: string,
  s: SidebarSession,
  reason: Message = message('sidebar.change.added'),
): { record: Values; changes: ChangeEntry[]; owner: string } {
  const { ctx, settings } = s;
  const { lang, tz } = ctx;
  const created: DayKey = s.today;
  const day = (v: unknown): DayKey | null => (typeof v === 'string' && v !== '' ? v : null);
  const graded = gradeClient(
    {
      needConfirmed: values.needConfirmed === true,
      budgetConfirmed: values.budgetConfirmed === true,
      decisionMaker: values.decisionMaker === true,
      expectedDate: day(values.expectedDate),
      gradeOverride: (values.gradeOverride as Grade | null) ?? null,
    },
    settings,
    s.today,
  );
  const stage = (values.stage as ClientRecord['stage']) ?? null;
  const owner = String(values.owner ?? '');
  const status = computeStatus({ stage, owner, previousStatus: null, lastContact: null, created }, settings, s.today);
  const pool = poolOutlook(
    { grade: graded.grade, stage, owner, lastContact: null, created, expiryDate: day(values.expiryDate) },
    settings,
    s.today,
  );
  const record: Values = { ...cells(values, lang, tz), id, created: startOfDay(created, tz) };
  record.grade = graded.grade;
  // The stage it starts at is recorded as such: only a later change of the cell is a move.
  record.stageRecorded = stageRecordedCell(stage, lang);
  if (stage !== null) record.stageSet = ctx.now; // a backdated contact logged next does not undo it
  record.stepRecorded = NO_STAGE; // no plan yet: the first one logged is recorded
  record.status = label('statuses', status, lang);
  if (pool.releaseDay !== null) record.poolRelease = startOfDay(pool.releaseDay, tz);
  const changes: ChangeEntry[] = [
    { clientId: id, what: 'clientAdded', old: '', new: String(values.name ?? ''), by: s.me || undefined, reason },
    // Its first stage, recorded as a row typed into Clients would have it (a first Won counts).
    ...stageChange(null, stage, message('change.stageFirst')).map((c) => ({
      ...c,
      clientId: id,
      by: s.me || undefined,
    })),
  ];
  return { record, changes, owner };
}

export function addClient(fields: NewClientFields, options?: AddClientOptions | null): WriteResult<ClientCard> {
  const s = openSession();
  const { ctx, settings } = s;
  const { lang, tz } = ctx;
  const check = new FieldChecker('clients', lang, tz, s.team);
  const values = checkClientFields(fields, s, check);
  if (!check.ok) return refused(check.problems);

  return withDocumentLock(lang, (): WriteResult<ClientCard> => {
    const clients = openHeader(s.sheets, 'clients', { lang });
    // Under the lock, so a client added a moment ago by someone else is seen: their add patched the
    // shared index, an edit or paste on Clients dropped it, and a row added any other way changed the
    // tab's length, which the cached index is checked against. Only without a current index is the
    // tab read (docs/row-index.md, "Add client").
    const index = loadIndex((id) => ctx.ss.getSheetById(id)) ?? buildIndex(clients);
    const duplicates = duplicatesIn(index, {
      name: String(values.name ?? ''),
      phone: String(values.phone ?? ''),
      email: String(values.email ?? ''),
    });
    if (duplicates.length > 0 && options?.allowDuplicate !== true) {
      saveIndex(index, ctx.now);
      return { ok: false, problems: [], duplicates };
    }
    const changeLog = openChangeLog(s.sheets, ctx);
    // The next client number (Settings ▸ Client number prefix), or Client Tracker's own ID.
    const ids = clientIdSource(settings, ctx);
    const id = ids.generator(index.entries.map((e) => e.id).filter((x) => x !== '')).next();
    const { record, changes, owner } = newClientRecord(values, id, s);
    const row = appendRecords(clients, [record]);
    ids.save();
    changeLog.append(changes);
    index.setRow(row, {
      id,
      name: String(values.name ?? ''),
      contact: String(values.contact ?? ''),
      phones: phoneDigits(String(values.phone ?? '')).join(' '),
      email: String(values.email ?? ''),
      owner,
      nextOwner: '',
    });
    saveIndex(index, ctx.now);
    // Read back as the sheet holds it: the card shows what was stored, not what was meant.
    const after = locateClient(clients, id, row, { lang, tz }).record;
    return { ok: true, value: buildCard(after, [], settings, s.today, tz), notices: [] };
  });
}
