/**
 * Everything the emails are computed from, read in one batch per tab: Settings, Clients, Contacts,
 * Team and Changes, plus the addresses that can open the spreadsheet (editors and viewers).
 */
import { today } from '../../core/dates';
import { DIGEST_COLUMNS, type DigestInput } from '../../core/digest/facts';
import type { Lang } from '../../core/i18n';
import { readSettings } from '../clients-pass';
import type { WorkbookContext } from '../context';
import { findTab, openTable, sheetRow, sheetsByName } from '../table';

export interface DigestSource {
  input: DigestInput;
  /** lower-case addresses of the spreadsheet's editors and viewers */
  access: Set<string>;
  /** the workbook's language for this run: Settings, else the stored or locale language */
  lang: Lang;
}

function accessList(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Set<string> {
  const emails = [...ss.getEditors(), ...ss.getViewers()].map((u) => u.getEmail().trim().toLowerCase());
  return new Set(emails.filter((e) => e !== ''));
}

export function readDigestSource(wb: WorkbookContext): DigestSource {
  const sheets = sheetsByName(wb.ss);
  const settings = readSettings(sheets, wb.lang).settings;
  const lang = settings.language ?? wb.lang;
  const opts = { lang, tz: wb.tz };
  const clients = openTable(sheets, 'clients', { ...opts, columns: DIGEST_COLUMNS.clients });
  const contacts = openTable(sheets, 'contacts', { ...opts, columns: DIGEST_COLUMNS.contacts });
  const team = openTable(sheets, 'team', opts);
  // Changes only add the week's moves: an older workbook without the tab still gets its emails.
  const changes = findTab(sheets, 'changes') ? openTable(sheets, 'changes', opts).records : [];
  return {
    input: {
      today: today(wb.now, wb.tz),
      tz: wb.tz,
      lang,
      settings,
      spreadsheetId: wb.ss.getId(),
      clientsSheetId: clients.sheet.getSheetId(),
      clients: clients.records,
      firstRow: sheetRow(clients, 0),
      contacts: contacts.records,
      team: team.records,
      changes,
    },
    access: accessList(wb.ss),
    lang,
  };
}
