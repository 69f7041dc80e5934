/**
 * What a list's columns can become, and how its headers are read (docs/import.md). A list holds
 * client fields (Clients) and, per row, one contact of the client's history (Contacts). Headers are
 * matched by name in either language: first the user's own `--map` choices, then the import's
 * aliases below (the words old CRMs and hand-kept lists use), then every label, former label and
 * alias the schema gives the Clients and Contacts columns. The header row itself is found by the one
 * header finder (core/header-row.ts).
 */
import { findHeaderRowBy } from '../header-row';
import { normalizeLabel } from '../normalize';
import { type Lang, formerLabels, t } from '../i18n';
import { type ColumnDef, type ColumnKey, column, labelsOf } from '../schema';

/** Client columns a list may fill: what Add client takes (the rules compute the rest, and give the ID). */
export const CLIENT_FIELDS = [
  'id',
  'name',
  'contact',
  'title',
  'phone',
  'email',
  'address',
  'kind',
  'source',
  'owner',
  'collaborator',
  'stage',
  'gradeOverride',
  'need',
  'needConfirmed',
  'budgetConfirmed',
  'decisionMaker',
  'competitors',
  'expectedDate',
  'nextFollowUp',
  'nextOwner',
  'nextTopic',
  'dealValue',
  'expiryDate',
  'satisfaction',
  'lostReason',
  'notes',
] as const satisfies readonly ColumnKey<'clients'>[];
export type ClientField = (typeof CLIENT_FIELDS)[number];

/** Contact columns a list may fill, one contact per row. `contactDate` is the Contacts Date column. */
export const CONTACT_FIELDS = {
  contactDate: 'date',
  by: 'by',
  channel: 'channel',
  outcome: 'outcome',
  result: 'result',
  summary: 'summary',
  objections: 'objections',
  attitude: 'attitude',
  reason: 'reason',
} as const satisfies Record<string, ColumnKey<'contacts'>>;
export type ContactField = keyof typeof CONTACT_FIELDS;

export type ImportField = ClientField | ContactField;

export function isContactField(field: ImportField): field is ContactField {
  return Object.prototype.hasOwnProperty.call(CONTACT_FIELDS, field);
}

/** The schema column behind a field. */
export function fieldColumn(field: ImportField): ColumnDef {
  return isContactField(field) ? column('contacts', CONTACT_FIELDS[field]) : column('clients', field);
}

/**
 * Headers of lists kept outside Client Tracker, read before the schema's own labels (so 备注 in a
 * follow-up list is what was said, and 跟进人 is the client's salesperson). Data: one line per field.
 */
export const IMPORT_ALIASES: Readonly<Partial<Record<ImportField, readonly string[]>>> = {
  name: [
    '客户名称',
    '公司名称',
    '客户',
    '客户名',
    '单位',
    '单位名称',
    '企业名称',
    '姓名/公司',
    'Account',
    'Account name',
  ],
  phone: ['联系电话', '手机', '电话', '手机号', '手机号码', '联系方式', '座机', 'Mobile', 'Phone number', 'Tel'],
  owner: ['负责人', '业务员', '跟进人', '销售', '销售员', '归属人', '客户经理', 'Owner', 'Sales rep', 'Salesperson'],
  contact: ['联系人', '对接人', '联系人姓名'],
  contactDate: [
    '最近跟进',
    '最近跟进日期',
    '最近跟进时间',
    '跟进日期',
    '跟进时间',
    '日期',
    '联系日期',
    '最近联系',
    '最近联系日期',
    '上次跟进',
    'Contact date',
    'Last contact',
    'Follow-up date',
    'Date',
  ],
  summary: ['跟进内容', '跟进记录', '跟进情况说明', '备注', '沟通内容', 'Summary', 'Notes', 'Remarks', 'Comments'],
  outcome: ['联系情况', '接通情况', '联系结果', '通话结果', '是否接通', 'Outcome', 'Call result'],
  by: ['记录人', '执行人', '经办人', 'Contacted by', 'Logged by'],
  nextFollowUp: ['下次跟进', '下次跟进日期', '下次联系', '下次联系日期', '计划跟进日期', 'Next follow-up'],
  notes: ['客户备注', '档案备注', 'Client notes', 'Profile'],
};

function addLabels(lookup: Map<string, ImportField>, field: ImportField, names: readonly string[]): void {
  for (const name of names) {
    const key = normalizeLabel(name);
    if (key !== '' && !lookup.has(key)) lookup.set(key, field);
  }
}

let lookupCache: Map<string, ImportField> | null = null;

/** Normalised header → field: the import's aliases, then the schema's own labels, canonical ones first. */
function fieldLookup(): Map<string, ImportField> {
  if (lookupCache) return lookupCache;
  const lookup = new Map<string, ImportField>();
  for (const [field, names] of Object.entries(IMPORT_ALIASES)) addLabels(lookup, field as ImportField, names ?? []);
  const all: ImportField[] = [...CLIENT_FIELDS, ...(Object.keys(CONTACT_FIELDS) as ContactField[])];
  for (const field of all) addLabels(lookup, field, labelsOf(fieldColumn(field).label));
  for (const field of all) {
    const def = fieldColumn(field);
    addLabels(lookup, field, [field, def.key, ...formerLabels(def.formerly), ...def.aliases]);
  }
  lookupCache = lookup;
  return lookup;
}

/** The field a header (or a `--map` target: a field name, or a column label in either language) names. */
export function fieldNamed(text: string): ImportField | null {
  return fieldLookup().get(normalizeLabel(text)) ?? null;
}

/** A user's choice: source header → field, or null to leave the column out (`--map "备注="`). */
export type MapOverrides = ReadonlyMap<string, ImportField | null>;

export interface MappedColumn {
  /** 0-based column in the list */
  index: number;
  header: string;
  field: ImportField | null;
  /** how: the user's --map, a known header, or unknown (left out) */
  by: 'user' | 'header' | 'unknown' | 'taken';
}

export interface HeaderMapping {
  columns: MappedColumn[];
  /** field → its column (the first column naming it wins) */
  fields: Partial<Record<ImportField, number>>;
}

/** Reads one header row: each cell's field, the user's choices first; a second column for a field is left out. */
export function mapHeaderRow(row: readonly unknown[], overrides: MapOverrides): HeaderMapping {
  const byHeader = new Map<string, ImportField | null>();
  for (const [header, field] of overrides) byHeader.set(normalizeLabel(header), field);
  const columns: MappedColumn[] = [];
  const fields: Partial<Record<ImportField, number>> = {};
  row.forEach((cell, index) => {
    const header = cell === null || cell === undefined ? '' : String(cell).trim();
    if (header === '') return;
    const key = normalizeLabel(header);
    const user = byHeader.has(key);
    const field = user ? (byHeader.get(key) ?? null) : fieldNamed(header);
    if (field === null) {
      columns.push({ index, header, field: null, by: user ? 'user' : 'unknown' });
    } else if (fields[field] !== undefined) {
      columns.push({ index, header, field: null, by: 'taken' });
    } else {
      fields[field] = index;
      columns.push({ index, header, field, by: user ? 'user' : 'header' });
    }
  });
  return { columns, fields };
}

export type HeaderFound = { ok: true; row: number; mapping: HeaderMapping } | { ok: false };

/** The list's header row among its first rows (a title above it and blank lines are passed over). */
export function findListHeader(top: readonly (readonly unknown[])[], overrides: MapOverrides): HeaderFound {
  const found = findHeaderRowBy(
    top,
    (row) => mapHeaderRow(row, overrides),
    (mapping) => Object.keys(mapping.fields).length,
  );
  if (!found.ok || Object.keys(found.match.fields).length === 0) return { ok: false };
  return { ok: true, row: found.row, mapping: found.match };
}

/** The field's column header as our sheet names it, in a language. */
export function fieldLabel(field: ImportField, lang: Lang): string {
  return t(lang, fieldColumn(field).label);
}

/** Every field (for --map's help). */
export const IMPORT_FIELDS: readonly ImportField[] = [
  ...CLIENT_FIELDS,
  ...(Object.keys(CONTACT_FIELDS) as ContactField[]),
];
