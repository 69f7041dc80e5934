/**
 * The roles as the add-on acts on them (docs/roles.md): the copy a director last confirmed, kept in
 * document properties, and who is signed in. Every exposure is checked against its permission in
 * src/server/exposures.ts before it runs; the actions that depend on which client or whose clients
 * (hand-over, schedule off) check again with the same actor.
 */
import { type Lang, joinList, message, render, t } from '../core/i18n';
import {
  type Actor,
  type ConfirmedRoles,
  type Permission,
  type RoleEntry,
  actorFor,
  allows,
  hasDirector,
  roleChanges,
  rolesChanged,
  roleEntries,
} from '../core/roles';
import { duplicateNames } from '../core/people';
import type { TeamMember } from '../core/schema';
import { type WorkbookContext, workbookContext } from './context';
import { UserError } from './errors';
import { recordSeen } from './mail-access';
import { loadSchedule } from './schedule/state';
import { jsonSlot } from './schedule/store';
import { findTab, openTable, sheetsByName } from './table';

const ROLES_KEY = 'ct.roles.confirmed';

export function loadConfirmedRoles(): ConfirmedRoles | null {
  const value = jsonSlot<ConfirmedRoles | null>(PropertiesService.getDocumentProperties(), ROLES_KEY, null).value;
  return value && Array.isArray(value.members) ? value : null;
}

export function saveConfirmedRoles(roles: ConfirmedRoles): void {
  jsonSlot<ConfirmedRoles | null>(PropertiesService.getDocumentProperties(), ROLES_KEY, null).save(roles);
  memo = null;
}

/** The Team tab's rows as they are now (none when the tab is missing). */
export function teamRows(ctx: WorkbookContext, sheets = sheetsByName(ctx.ss, ctx.lang)): (TeamMember | null)[] {
  if (!findTab(sheets, 'team')) return [];
  return openTable(sheets, 'team', { lang: ctx.lang, tz: ctx.tz }).records;
}

export interface RoleView {
  ctx: WorkbookContext;
  sheets: Map<string, GoogleAppsScript.Spreadsheet.Sheet>;
  /** the Team tab's people as typed (named rows only) */
  team: TeamMember[];
  actor: Actor;
  current: RoleEntry[];
  confirmed: ConfirmedRoles | null;
}

/** One per execution: Apps Script loads the script anew for every run, so this never outlives a call. */
let memo: RoleView | null = null;

/** Who is signed in, as the confirmed roles see them. Only the active user counts: a blank one is nobody. */
export function roleView(): RoleView {
  if (memo !== null) return memo;
  const ctx = workbookContext();
  const sheets = sheetsByName(ctx.ss, ctx.lang);
  const team = teamRows(ctx, sheets).filter((r): r is TeamMember => r !== null && r.name.trim() !== '');
  const current = roleEntries(team);
  const confirmed = loadConfirmedRoles();
  const actor = actorFor(Session.getActiveUser().getEmail(), current, confirmed);
  // Running the add-on here proves the address can open the file (the mail rule, gas/mail-access.ts).
  recordSeen(actor.email);
  memo = { ctx, sheets, team, actor, current, confirmed };
  return memo;
}

/** The signed-in person, or a UserError saying in one sentence why they may not do this. */
export function requirePermission(permission: Permission): RoleView {
  const view = roleView();
  const verdict = allows(view.actor, permission, { scheduleOn: loadSchedule()?.on === true });
  if (!verdict.ok) throw new UserError(view.ctx.lang, verdict.reason);
  return view;
}

/** For a director: a sentence asking them to confirm changed roles; null otherwise. */
export function rolesPrompt(view: RoleView): string | null {
  const director =
    view.actor.role === 'director' || (view.actor.firstConfirmation && view.actor.pendingRole === 'director');
  if (!director || !rolesChanged(view.confirmed, view.current)) return null;
  return render(view.ctx.lang, message('roles.pending'));
}

/** Problem sentences about the Team tab (duplicate names), for Setup and Refresh to show. */
export function teamProblems(ctx: WorkbookContext, team?: readonly (TeamMember | null)[]): string[] {
  const rows = (team ?? teamRows(ctx)).filter((m): m is TeamMember => m !== null);
  const dup = duplicateNames(rows);
  return dup.length === 0 ? [] : [t(ctx.lang, 'team.duplicateNames', { names: joinList(dup, ctx.lang) })];
}

function alert(lang: Lang, text: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(lang, 'roles.confirm.title'), text, ui.ButtonSet.OK);
}

/** Menu: Confirm Team roles. Shows what changed and asks; a director's yes makes the Team tab the confirmed copy. */
export function menuConfirmRoles(): void {
  const view = roleView();
  const { ctx, current, confirmed, actor } = view;
  const { lang } = ctx;
  if (confirmed !== null && !rolesChanged(confirmed, current)) {
    alert(lang, t(lang, 'roles.confirm.nothing'));
    return;
  }
  if (!hasDirector(current)) {
    alert(lang, t(lang, 'roles.confirm.noDirector'));
    return;
  }
  const lines = roleChanges(confirmed, current, lang);
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    t(lang, 'roles.confirm.title'),
    t(lang, 'roles.confirm.ask', { lines: lines.join('\n') }),
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) {
    alert(lang, t(lang, 'roles.confirm.cancelled'));
    return;
  }
  // The alert waited for the director; confirm only what they were shown.
  const now = roleEntries(teamRows(ctx));
  if (rolesChanged({ members: current, by: '', at: '' }, now)) {
    alert(lang, t(lang, 'roles.confirm.cancelled'));
    return;
  }
  saveConfirmedRoles({ members: current, by: actor.email, at: ctx.now.toISOString() });
  alert(lang, t(lang, 'roles.confirm.done', { count: current.length }));
}
