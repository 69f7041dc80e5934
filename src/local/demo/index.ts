/**
 * The demo workbook, made the way a team would make it: the add-on's own "Set up / upgrade sheets",
 * then the rows typed in (written through the emulated SpreadsheetApp, each table in one batch under
 * its own headers), the shared pool turned on in Settings, and the add-on's refresh when it has one.
 */
import { langFromLocale, type Lang } from '../../core/i18n';
import { label } from '../../core/lists';
import { findHeaders, matchTabName, TABLES, type ColumnDef, type TableName } from '../../core/schema';
import { settingLabel } from '../../core/settings';
import { toCell } from '../../gas/table';
import { wallClock, zonedDate } from '../emulator/spreadsheet';
import type { Feedback, Session } from '../session';
import { generateDemo, type Row } from './generate';
import { TEAM } from './people';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const DAY_MS = 86_400_000;

/** The first editor is the one the CLI and the playground sign in as unless --user says otherwise. */
export const DEMO_USER = TEAM[0].email;

export interface DemoSummary {
  clients: number;
  contacts: number;
  team: number;
}

/** Fills a new, empty session's spreadsheet with the demo. `refresh` runs the add-on's refresh if it has one. */
export function writeDemo(session: Session, refresh: () => Feedback | null): DemoSummary {
  session.menu('menuSetup');
  const model = session.model;
  const tz = model.timeZone;
  const lang = langFromLocale(model.locale);
  for (const p of TEAM) if (!model.editors.includes(p.email)) model.editors.push(p.email);

  const now = wallClock(new Date(session.env.clock.now()), tz);
  const rows = generateDemo({
    today: Math.floor(Date.UTC(now.year, now.month - 1, now.day) / DAY_MS),
    at: (day, hour = 0, minute = 0) => {
      const d = new Date(day * DAY_MS);
      return zonedDate(tz, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute);
    },
    lang,
  });

  session.asEditor((ss) => {
    // The team types its own Team over the row Setup added for the person who ran it.
    writeTable(ss, 'team', rows.team, 2);
    writeTable(ss, 'clients', rows.clients);
    writeTable(ss, 'contacts', rows.contacts);
    writeTable(ss, 'changes', rows.changes);
    turnOnPool(ss, lang);
  });
  // Who ran Setup was its director until now: they confirm the team's roles (docs/roles.md).
  session.menu('menuConfirmRoles');
  refresh();
  return { clients: rows.clients.length, contacts: rows.contacts.length, team: rows.team.length };
}

function tab(ss: Spreadsheet, table: TableName): GoogleAppsScript.Spreadsheet.Sheet {
  const name = matchTabName(
    table,
    ss.getSheets().map((s) => s.getName()),
  );
  const sheet = name === null ? null : ss.getSheetByName(name);
  if (!sheet) throw new Error(`Set up did not create the ${table} tab.`);
  return sheet;
}

/** Rows under the tab's own headers, below whatever is there, in one write. */
function writeTable(ss: Spreadsheet, table: TableName, rows: Row[], startRow?: number): void {
  const sheet = tab(ss, table);
  const width = sheet.getLastColumn();
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0];
  const map = findHeaders(table, headers).map as Record<string, number | undefined>;
  const defs = TABLES[table] as readonly ColumnDef[];
  const values = rows.map((row) => {
    const out: unknown[] = new Array<unknown>(width).fill('');
    for (const def of defs) {
      const index = map[def.key];
      if (index !== undefined && def.key in row) out[index] = toCell(def, row[def.key]);
    }
    return out;
  });
  const first = startRow ?? sheet.getLastRow() + 1;
  const spare = sheet.getMaxRows() - first + 1;
  if (spare < values.length) sheet.insertRowsAfter(sheet.getMaxRows(), values.length - spare);
  sheet.getRange(first, 1, values.length, width).setValues(values);
}

/** The demo shows the shared pool (公海) at work, so it is on. */
function turnOnPool(ss: Spreadsheet, lang: Lang): void {
  const sheet = tab(ss, 'settings');
  const values = sheet.getDataRange().getValues();
  const map = findHeaders('settings', values[0]).map;
  const row = values.findIndex((r) => String(r[map.key ?? 0]).trim() === settingLabel('poolEnabled', lang));
  if (row < 1 || map.value === undefined) throw new Error('Settings has no “Shared pool enabled” row.');
  sheet.getRange(row + 1, map.value + 1).setValue(label('yesNo', 'yes', lang));
}
