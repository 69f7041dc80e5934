/**
 * What every sidebar call starts from: the workbook (time zone, language, now), its tabs, the
 * Settings, the Team, and who is signed in. The Team and Settings tabs are small, so they are read
 * whole; Clients and Contacts never are.
 */
import { type DayKey, today as todayIn } from '../../core/dates';
import { type Lang, type Message, message } from '../../core/i18n';
import { type Settings, SETTING_DEFS } from '../../core/settings';
import { readSettings } from '../settings-tab';
import type { Actor, RoleEntry } from '../../core/roles';
import { type RoleView, roleView } from '../roles';
import { type TeamMember, tabName } from '../../core/schema';
import type { WorkbookContext } from '../context';
import { findTab, nameOf, openTable } from '../table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SidebarSession {
  ctx: WorkbookContext;
  sheets: Map<string, Sheet>;
  settings: Settings;
  /** Why the sidebar works with the default settings (no Settings tab, or none of it readable); null when it reads them. */
  settingsFallback: Message | null;
  team: TeamMember[];
  /** the signed-in user's name on the confirmed Team; '' when they are not on it or hidden */
  me: string;
  email: string;
  actor: Actor;
  roles: RoleView;
  today: DayKey;
}

/** The Team tab's people; none when the tab is missing (names are then taken as typed). */
export function readTeam(sheets: Map<string, Sheet>, ctx: WorkbookContext): TeamMember[] {
  if (!findTab(sheets, 'team')) return [];
  const table = openTable(sheets, 'team', { lang: ctx.lang, tz: ctx.tz });
  return table.records.filter((r): r is TeamMember => r !== null && r.name.trim() !== '');
}

export { memberByEmail, memberByName } from '../../core/people';

/**
 * The sidebar carries on without the Settings tab (a menu action or the daily run stops instead), and
 * says so once, when it opens: no tab, or a tab where not one setting can be read.
 */
function settingsFallback(sheets: Map<string, Sheet>, lang: Lang, missing: number): Message | null {
  const sheet = findTab(sheets, 'settings');
  // Named as Set up would create it: in the workbook's language.
  if (sheet === null) return message('sidebar.notice.settingsMissing', { tab: tabName('settings', lang) });
  if (missing === SETTING_DEFS.length) return message('sidebar.notice.settingsUnreadable', { tab: nameOf(sheet) });
  return null;
}

/**
 * Who is signed in is the roles' actor (gas/roles.ts, docs/roles.md): `me` is their name on the
 * confirmed Team, '' for anyone else (an editor not on Team, a blank identity), never their email, so
 * nothing they add or claim carries an address as Owner.
 */
export function openSession(): SidebarSession {
  const view = roleView();
  const { ctx, sheets, team, actor } = view;
  const read = readSettings(sheets, ctx.lang, 'defaults');
  return {
    ctx,
    sheets,
    settings: read.settings,
    settingsFallback: settingsFallback(sheets, ctx.lang, read.missing.length),
    team,
    me: actor.name,
    email: actor.email,
    actor,
    roles: view,
    today: todayIn(ctx.now, ctx.tz),
  };
}

/** The people the roles know: the confirmed copy, or the Team tab before roles were ever confirmed (docs/roles.md). */
export function confirmedMembers(s: SidebarSession): RoleEntry[] {
  return s.roles.confirmed?.members ?? s.roles.current;
}
