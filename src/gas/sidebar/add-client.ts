/**
 * addClient: a new Clients row with a new ID — but first, the clients it might already be: the same
 * phone digits, the same email, or a very similar name (across Chinese/English punctuation, spacing
 * and width). Those come back as candidates and nothing is added, unless the user, having seen them,
 * asks again with allowDuplicate.
 */
import { type DayKey, startOfDay } from '../../core/dates';
import { gradeClient } from '../../core/grade';
import { type Lang, message } from '../../core/i18n';
import { idGenerator } from '../../core/ids';
import { type Grade, label } from '../../core/lists';
import { poolOutlook } from '../../core/pool';
import { type ClientRecord, type ColumnDef, type ColumnKey, CLIENT_COLUMNS } from '../../core/schema';
import { computeStatus } from '../../core/status';
import type {
  AddClientOptions,
  ClientCard,
  DuplicateCandidate,
  NewClientFields,
  WriteResult,
} from '../../server/api-types';
import { openChangeLog } from '../changes';
import { withDocumentLock } from '../lock';
import { appendRecords } from '../table';
import { buildCard } from './card';
import { openHeader } from './header-table';
import { refused } from './results';
import { buildIndex, saveIndex } from './search-index';
import { findDuplicates, phoneDigits } from './search-match';
import { locateClient } from './locate';
import { type SidebarSession, openSession } from './session';
import { FieldChecker } from './validate';

/** Columns the rules fill in, and the ID and Created the add sets itself: not taken from the form. */
const NOT_TYPED = new Set<string>([
  'id',
  'created',
  ...CLIENT_COLUMNS.filter((c) => 'computed' in c && c.computed).map((c) => c.key),
]);

type Values = Partial<Record<ColumnKey<'clients'>, unknown>>;

function checkFields(fields: NewClientFields, s: SidebarSession, check: FieldChecker<'clients'>): Values {
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

export function addClient(fields: NewClientFields, options?: AddClientOptions | null): WriteResult<ClientCard> {
  const s = openSession();
  const { ctx, settings } = s;
  const { lang, tz } = ctx;
  const check = new FieldChecker('clients', lang, tz, s.team);
  const values = checkFields(fields, s, check);
  if (!check.ok) return refused(check.problems);

  return withDocumentLock(lang, (): WriteResult<ClientCard> => {
    const clients = openHeader(s.sheets, 'clients', { lang });
    // Fresh from the sheet, under the lock: the check must see a client added a moment ago by someone else.
    const index = buildIndex(clients);
    const duplicates: DuplicateCandidate[] = findDuplicates(index.entries, {
      name: String(values.name ?? ''),
      phone: String(values.phone ?? ''),
      email: String(values.email ?? ''),
    }).map(({ entry, reasons }) => ({ ...candidate(entry), reasons }));
    if (duplicates.length > 0 && options?.allowDuplicate !== true) {
      saveIndex(index, ctx.now);
      return { ok: false, problems: [], duplicates: duplicates.slice(0, 20) };
    }
    const changeLog = openChangeLog(s.sheets, ctx);
    const id = idGenerator(
      'C',
      index.entries.map((e) => e.id).filter((x) => x !== ''),
      ctx.now,
    ).next();
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
    record.status = label('statuses', status, lang);
    if (pool.releaseDay !== null) record.poolRelease = startOfDay(pool.releaseDay, tz);
    const row = appendRecords(clients, [record]);
    changeLog.append([
      {
        clientId: id,
        what: 'clientAdded',
        old: '',
        new: String(values.name ?? ''),
        by: s.me || undefined,
        reason: message('sidebar.change.added'),
      },
    ]);
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
