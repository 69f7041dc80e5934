/**
 * Everything the emails are computed from, read in one batch per tab: Settings, Clients, Contacts,
 * Team and Changes, plus the addresses that can open the spreadsheet (editors and viewers).
 */
import { today, tzOffsetMs } from '../../core/dates';
import { DIGEST_COLUMNS, type DigestInput, type DigestLinks } from '../../core/digest/facts';
import type { Lang, Message } from '../../core/i18n';
import { readSettings } from '../settings-tab';
import type { WorkbookContext } from '../context';
import { awaitingConfirmation, teamAsConfirmed } from '../../core/roles';
import { accessList } from '../mail-access';
import { loadConfirmedRoles } from '../roles';
import { findTab, openLog, openTable, sheetRow, sheetsByName } from '../table';
import { sheetIdOf } from '../tab-names';

export interface DigestSource {
  input: DigestInput;
  /** lower-case addresses that can open the spreadsheet (gas/mail-access.ts) */
  access: Set<string>;
  /** the workbook's language for this run: Settings, else the stored or locale language */
  lang: Lang;
  /** Team rows the run does not mail as typed until a director confirms them (docs/roles.md) */
  waiting: Message[];
}

/** The spreadsheet's link, and a client's: the Clients tab (its gid) on the client's row. */
export function sheetLinks(spreadsheetId: string, clientsSheetId: number, firstRow: number): DigestLinks {
  const spreadsheet = `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit`;
  return {
    spreadsheet,
    client: (index) => `${spreadsheet}#gid=${clientsSheetId}&range=A${firstRow + index}`,
  };
}

export function readDigestSource(wb: WorkbookContext): DigestSource {
  const sheets = sheetsByName(wb.ss, wb.lang);
  const settings = readSettings(sheets, wb.lang).settings;
  const lang = settings.language ?? wb.lang;
  const opts = { lang, tz: wb.tz };
  const clients = openTable(sheets, 'clients', { ...opts, columns: DIGEST_COLUMNS.clients });
  const contacts = openLog(sheets, 'contacts', { ...opts, columns: DIGEST_COLUMNS.contacts });
  const team = openTable(sheets, 'team', opts);
  // Changes only add the week's moves: an older workbook without the tab still gets its emails.
  const changes = findTab(sheets, 'changes') ? openTable(sheets, 'changes', opts).records : [];
  const confirmed = loadConfirmedRoles();
  return {
    waiting: awaitingConfirmation(team.records, confirmed, lang),
    input: {
      today: today(wb.now, wb.tz),
      tz: wb.tz,
      lang,
      settings,
      links: sheetLinks(wb.ss.getId(), sheetIdOf(clients.sheet), sheetRow(clients, 0)),
      clients: clients.records,
      contacts: contacts.records,
      // The Team as a director confirmed it (docs/roles.md): a typed-in row neither reads others' clients nor gains a role.
      team: teamAsConfirmed(team.records, confirmed),
      changes,
      // The greeting follows the hour the run sends at, in the spreadsheet's time zone.
      hour: new Date(wb.now.getTime() + tzOffsetMs(wb.now.getTime(), wb.tz)).getUTCHours(),
    },
    access: accessList(wb.ss),
    lang,
  };
}
