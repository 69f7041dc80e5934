/** A small team and its clients as the digest reads them: rows by English header, through readTable. */
import { prepareDigest, type DigestContext, type DigestInput } from '../../../src/core/digest/facts';
import { readTable } from '../../../src/core/records';
import { TABLES, type ColumnDef, type TableName } from '../../../src/core/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings';
import { t } from '../../../src/core/i18n';

export type Row = Record<string, string | number | Date | boolean>;

function rowsOf(table: TableName, rows: Row[]): unknown[][] {
  const headers = (TABLES[table] as readonly ColumnDef[]).map((c) => t('en', c.label));
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))];
}

export function read<T extends TableName>(table: T, rows: Row[], tz = 'Asia/Shanghai') {
  return readTable(table, rowsOf(table, rows), tz).records;
}

export const TEAM: Row[] = [
  { Name: '张伟', Email: 'zhangwei@example.com', Role: 'Salesperson', Manager: 'Li Na', Digest: 'yes' },
  { Name: 'Amy', Email: 'amy@example.com', Role: 'Salesperson', Manager: 'Li Na', Digest: 'yes', Language: 'English' },
  { Name: 'Li Na', Email: 'lina@example.com', Role: 'Manager', Manager: '王总', Digest: 'yes' },
  { Name: '王总', Email: 'wang@example.com', Role: 'Director', Digest: 'yes', Language: '简体中文' },
];

export function context(opts: {
  today: string;
  clients: Row[];
  contacts?: Row[];
  team?: Row[];
  changes?: Row[];
  settings?: Partial<Settings>;
  tz?: string;
  /** the run's hour in the spreadsheet's time zone */
  hour?: number;
}): DigestContext {
  const tz = opts.tz ?? 'Asia/Shanghai';
  const input: DigestInput = {
    today: opts.today,
    tz,
    lang: 'en',
    settings: { ...DEFAULT_SETTINGS, ...opts.settings },
    // Made by the adapter from the sheet; core only hands each client the link for its place.
    links: {
      spreadsheet: 'https://docs.google.com/spreadsheets/d/sheet-123/edit',
      client: (index) => `https://docs.google.com/spreadsheets/d/sheet-123/edit#gid=7&range=A${index + 2}`,
    },
    clients: read('clients', opts.clients, tz),
    contacts: read('contacts', opts.contacts ?? [], tz),
    team: read('team', opts.team ?? TEAM, tz),
    changes: read('changes', opts.changes ?? [], tz),
    hour: opts.hour,
  };
  return prepareDigest(input);
}

export function member(ctx: DigestContext, name: string) {
  const m = ctx.team.find((t) => t.name === name);
  if (!m) throw new Error(`no ${name}`);
  return m;
}
