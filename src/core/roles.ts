/**
 * Who may do what (docs/roles.md). Roles live on the Team tab, which any editor can type in, so the
 * add-on acts on the copy of the roles a director last confirmed; the Team tab as it is now only
 * decides whether a refused action is waiting for that confirmation. Pure: the adapters give it who
 * is signed in, the Team tab and the confirmed copy.
 */
import { type Lang, type Message, type MessageKey, type Params, joinList, message, t } from './i18n';
import { type Role, label } from './lists';
import { emailKey, memberByEmail, personKey, samePerson } from './people';
import type { TeamMember } from './schema';

/** One person in the confirmed copy of the roles. */
export interface RoleEntry {
  name: string;
  email: string;
  role: Role;
  manager: string;
}

export interface ConfirmedRoles {
  members: RoleEntry[];
  /** who confirmed (their email) and when (ISO instant) */
  by: string;
  at: string;
}

/**
 * What an exposure needs (docs/roles.md has the table):
 * - read: search, read a card, open the sidebar, see the schedule's status (anyone, even with no
 *   signed-in email);
 * - work: log a contact, add a client, claim from the pool, refresh, reports, preview one's email;
 * - handOverOne: hand over one client (which clients is checked per client: mayHandOver);
 * - handOverAll: hand over all of a person's clients (managers for their team, directors);
 * - runNow: run the daily steps now, release idle clients, turn the daily run on (salespeople only
 *   while no schedule is on);
 * - scheduleOff: turn the daily run off (salespeople only their own: checked in the action);
 * - setup: Set up / upgrade sheets (directors; anyone before roles were ever confirmed);
 * - confirmRoles: confirm the Team tab's roles (directors; before the first confirmation, a director
 *   on the Team tab).
 */
export type Permission =
  'read' | 'work' | 'handOverOne' | 'handOverAll' | 'runNow' | 'scheduleOff' | 'setup' | 'confirmRoles';

export type ActorStanding = 'member' | 'blankIdentity' | 'notOnTeam' | 'unconfirmed';

export interface Actor {
  email: string;
  /** the name the add-on knows them by ('' when not on the confirmed Team) */
  name: string;
  /** the confirmed role; null when they act as an editor not on Team (read only) */
  role: Role | null;
  standing: ActorStanding;
  /** the role the Team tab gives them now, when it is not the confirmed one */
  pendingRole: Role | null;
  /** roles were never confirmed in this file (the first install or an older workbook) */
  firstConfirmation: boolean;
}

/** The Team tab's rows as role entries: a blank Role is a salesperson; rows without a name or email are nobody. */
export function roleEntries(team: readonly (TeamMember | null)[]): RoleEntry[] {
  const out: RoleEntry[] = [];
  for (const m of team) {
    if (m === null || m.name.trim() === '' || emailKey(m.email) === '') continue;
    out.push({
      name: m.name.trim(),
      email: emailKey(m.email),
      role: m.role ?? 'salesperson',
      manager: m.manager.trim(),
    });
  }
  return out;
}

const RANK: Record<Role, number> = { salesperson: 1, manager: 2, director: 3 };

function entryKey(e: RoleEntry): string {
  return JSON.stringify([emailKey(e.email), personKey(e.name), e.role, personKey(e.manager)]);
}

/** The Team tab says something about roles that the confirmed copy does not (order does not matter). */
export function rolesChanged(confirmed: ConfirmedRoles | null, current: readonly RoleEntry[]): boolean {
  if (confirmed === null) return current.some((e) => e.role !== 'salesperson');
  const a = confirmed.members.map(entryKey).sort();
  const b = current.map(entryKey).sort();
  return a.length !== b.length || a.some((k, i) => k !== b[i]);
}

/** What changed, one line each, for the director who confirms. */
export function roleChanges(confirmed: ConfirmedRoles | null, current: readonly RoleEntry[], lang: Lang): string[] {
  const before = confirmed?.members ?? [];
  const out: string[] = [];
  const message = (key: MessageKey, params: Params): string =>
    t(lang, key, 'role' in params ? { ...params, role: label('roles', params.role as Role, lang) } : params);
  for (const e of current) {
    const was = memberByEmail(before, e.email);
    if (was === null) out.push(message('roles.change.added', { name: e.name, email: e.email, role: e.role }));
    else if (was.role !== e.role || !samePerson(was.name, e.name) || !samePerson(was.manager, e.manager)) {
      out.push(message('roles.change.changed', { name: e.name, email: e.email, role: e.role, manager: e.manager }));
    }
  }
  for (const e of before) {
    if (memberByEmail(current, e.email) === null)
      out.push(message('roles.change.removed', { name: e.name, email: e.email }));
  }
  return out;
}

/**
 * Who the signed-in person is for the add-on. Before the first confirmation (an older workbook, or a
 * Team filled in by hand before Setup), people on the Team tab act as salespeople at most, so nobody
 * gains a manager's or director's reach by typing; a director on the tab may confirm.
 */
export function actorFor(email: string, current: readonly RoleEntry[], confirmed: ConfirmedRoles | null): Actor {
  const address = emailKey(email);
  const now = address === '' ? null : memberByEmail(current, address);
  const base = { email: address, firstConfirmation: confirmed === null };
  if (address === '') return { ...base, name: '', role: null, standing: 'blankIdentity', pendingRole: null };
  if (confirmed === null) {
    if (now === null) return { ...base, name: '', role: null, standing: 'notOnTeam', pendingRole: null };
    const pendingRole = now.role === 'salesperson' ? null : now.role;
    return { ...base, name: now.name, role: 'salesperson', standing: 'member', pendingRole };
  }
  const was = memberByEmail(confirmed.members, address);
  if (was === null) {
    return now === null
      ? { ...base, name: '', role: null, standing: 'notOnTeam', pendingRole: null }
      : { ...base, name: '', role: null, standing: 'unconfirmed', pendingRole: now.role };
  }
  const pendingRole = now !== null && now.role !== was.role ? now.role : null;
  return { ...base, name: was.name, role: was.role, standing: 'member', pendingRole };
}

/** Facts some permissions depend on. */
export interface PermissionFacts {
  /** the daily run is on (from anyone's account) */
  scheduleOn: boolean;
}

function roleAllows(role: Role | null, permission: Permission, facts: PermissionFacts, actor: Actor): boolean {
  if (permission === 'read') return true;
  if (role === null) return permission === 'setup' && actor.firstConfirmation;
  switch (permission) {
    case 'work':
    case 'handOverOne':
    case 'scheduleOff':
      return true;
    case 'handOverAll':
      return RANK[role] >= RANK.manager;
    case 'runNow':
      return RANK[role] >= RANK.manager || !facts.scheduleOn;
    case 'setup':
      return role === 'director' || actor.firstConfirmation;
    case 'confirmRoles':
      return role === 'director';
  }
}

export type Verdict = { ok: true } | { ok: false; reason: Message };

/** Whether `actor` may do what `permission` covers, and if not, one sentence why. */
export function allows(actor: Actor, permission: Permission, facts: PermissionFacts): Verdict {
  if (roleAllows(actor.role, permission, facts, actor)) return { ok: true };
  // Before the first confirmation, a director on the Team tab may confirm (and only confirm).
  if (permission === 'confirmRoles' && actor.firstConfirmation && actor.pendingRole === 'director') return { ok: true };
  if (actor.standing === 'blankIdentity') return { ok: false, reason: message('roles.refused.blankIdentity') };
  if (actor.pendingRole !== null && roleAllows(actor.pendingRole, permission, facts, actor)) {
    return { ok: false, reason: message('roles.refused.waiting', { role: actor.pendingRole }) };
  }
  if (actor.standing === 'notOnTeam')
    return { ok: false, reason: message('roles.refused.notOnTeam', { email: actor.email }) };
  if (actor.standing === 'unconfirmed')
    return { ok: false, reason: message('roles.refused.waiting', { role: 'salesperson' }) };
  return { ok: false, reason: message(`roles.refused.${permission}`) };
}

/** The people a manager answers for: those the confirmed copy names them manager of. */
function managedBy(manager: Actor, members: readonly RoleEntry[]): RoleEntry[] {
  return members.filter((m) => samePerson(m.manager, manager.name) && !samePerson(m.name, manager.name));
}

/**
 * Whether `actor` may hand over clients owned by `owner`: salespeople their own, managers their own
 * and their team's, directors anyone's (a client in the pool, owner blank, only directors: the
 * others claim it).
 */
export function mayHandOverFrom(actor: Actor, owner: string, members: readonly RoleEntry[]): Verdict {
  if (actor.role === 'director') return { ok: true };
  const theirs = samePerson(owner, actor.name);
  if (actor.role === 'salesperson' && theirs) return { ok: true };
  if (actor.role === 'manager' && (theirs || managedBy(actor, members).some((m) => samePerson(m.name, owner)))) {
    return { ok: true };
  }
  if (actor.role === null) return { ok: false, reason: message('roles.refused.handOverOne') };
  const key = actor.role === 'manager' ? 'roles.refused.notYourTeam' : 'roles.refused.notYours';
  return { ok: false, reason: message(key, { owner: owner.trim() }) };
}

/**
 * The Team rows as the add-on acts on them: each row's name, role and manager from the confirmed
 * copy (found by email); rows the copy does not have are left out. Before the first confirmation,
 * everyone is a salesperson at most.
 */
export function teamAsConfirmed(team: readonly (TeamMember | null)[], confirmed: ConfirmedRoles | null): TeamMember[] {
  const rows = team.filter((m): m is TeamMember => m !== null);
  if (confirmed === null) return rows.map((m) => (m.role === 'salesperson' ? m : { ...m, role: 'salesperson' }));
  return rows.flatMap((m) => {
    // A row with no email can receive nothing and is nobody's manager: kept at salesperson level so
    // the run report can say their email is blank.
    if (m.email.trim() === '') return [{ ...m, role: 'salesperson' as const, manager: '' }];
    const c = memberByEmail(confirmed.members, m.email);
    return c === null ? [] : [{ ...m, name: c.name, role: c.role, manager: c.manager }];
  });
}

/**
 * Who the add-on does not act on as the Team tab says, until a director confirms it, as sentences for
 * the run report: rows the confirmed copy does not have (mailed nothing), and rows whose role is
 * higher than the confirmed one (mailed at the confirmed role). Rows with no email are said elsewhere.
 */
export function awaitingConfirmation(
  team: readonly (TeamMember | null)[],
  confirmed: ConfirmedRoles | null,
  lang: Lang,
): Message[] {
  const rows = team.filter((m): m is TeamMember => m !== null && m.email.trim() !== '' && m.name.trim() !== '');
  const acting = teamAsConfirmed(rows, confirmed);
  const leftOut = rows.filter((m) => m.digest && memberByEmail(acting, m.email) === null).map((m) => m.name.trim());
  const held = rows.flatMap((m) => {
    const now = memberByEmail(acting, m.email)?.role ?? null;
    const typed = m.role;
    return now !== null && typed !== null && RANK[now] < RANK[typed]
      ? [`${m.name.trim()} (${label('roles', now, lang)} → ${label('roles', typed, lang)})`]
      : [];
  });
  const out: Message[] = [];
  if (leftOut.length > 0) out.push(message('roles.waiting.leftOut', { names: joinList(leftOut, lang) }));
  if (held.length > 0) out.push(message('roles.waiting.held', { names: joinList(held, lang) }));
  return out;
}

/** A Team whose confirmation would leave nobody able to confirm the next change. */
export function hasDirector(entries: readonly RoleEntry[]): boolean {
  return entries.some((e) => e.role === 'director');
}
