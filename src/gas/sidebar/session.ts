/**
 * What every sidebar call starts from: the workbook (time zone, language, now), its tabs, the
 * Settings, the Team, and who is signed in. The Team and Settings tabs are small, so they are read
 * whole; Clients and Contacts never are.
 */
import { type DayKey, today as todayIn } from '../../core/dates';
import { type Settings, parseSettings } from '../../core/settings';
import { memberByEmail } from '../../core/people';
import type { TeamMember } from '../../core/schema';
import { type WorkbookContext, workbookContext } from '../context';
import { findTab, openTable, sheetsByName } from '../table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SidebarSession {
  ctx: WorkbookContext;
  sheets: Map<string, Sheet>;
  settings: Settings;
  team: TeamMember[];
  /** the signed-in user's Team name; their email when the Team tab does not list it; '' when hidden */
  me: string;
  email: string;
  today: DayKey;
}

export function readSettings(sheets: Map<string, Sheet>, lang: WorkbookContext['lang']): Settings {
  const tab = findTab(sheets, 'settings');
  const rows = tab ? (tab.getDataRange().getValues() as unknown[][]) : [];
  return parseSettings(rows, lang).settings;
}

/** The Team tab's people; none when the tab is missing (names are then taken as typed). */
export function readTeam(sheets: Map<string, Sheet>, ctx: WorkbookContext): TeamMember[] {
  if (!findTab(sheets, 'team')) return [];
  const table = openTable(sheets, 'team', { lang: ctx.lang, tz: ctx.tz });
  return table.records.filter((r): r is TeamMember => r !== null && r.name.trim() !== '');
}

export { memberByEmail, memberByName } from '../../core/people';

export function openSession(): SidebarSession {
  const ctx = workbookContext();
  const sheets = sheetsByName(ctx.ss);
  const settings = readSettings(sheets, ctx.lang);
  const team = readTeam(sheets, ctx);
  const email = Session.getActiveUser().getEmail();
  const me = memberByEmail(team, email)?.name.trim() ?? email;
  return { ctx, sheets, settings, team, me, email, today: todayIn(ctx.now, ctx.tz) };
}
