/**
 * Handing clients over (seed 000: a salesperson who cannot move a client hands it to a colleague; a
 * person who leaves hands over everything). Always with a reason and a Changes row per client:
 * a reassignment is never silent. A next step owned by the old owner moves with the client.
 */
import { dayOf } from '../../core/dates';
import { label } from '../../core/lists';
import { type Message, message, t } from '../../core/i18n';
import { memberByName, samePerson } from '../../core/people';
import { canClaim, lastRelease } from '../../core/pool';
import { mayHandOverFrom } from '../../core/roles';
import type { ChangeRecord, ClientRecord, ColumnKey } from '../../core/schema';
import { computeStatus } from '../../core/status';
import type { CardUpdate, HandoverCount, ReassignSummary, WriteResult } from '../../contract/types';
import { writeRuns } from '../cells';
import { type ChangeEntry, openChangeLog } from '../changes';
import { UserError } from '../errors';
import { withDocumentLock } from '../lock';
import { columnIndex, sheetRow } from '../table';
import { checkText, textFaultMessage } from '../../core/text';
import { cardUpdate } from './card';
import { changesOfClient } from './client-changes';
import { type ClientUpdates, writeClientCells } from './client-writes';
import { openClientTarget, rowForWrite } from './client-target';
import { openHeader } from './header-table';
import { notice, refused } from './results';
import { patchIndex } from './row-hint';
import { invalidateSearchIndex } from './search-index';
import { type SidebarSession, confirmedMembers, openSession } from './session';
import { FieldChecker } from './validate';

function checkHandover(s: SidebarSession, newOwner: unknown, reason: unknown) {
  const check = new FieldChecker('clients', s.ctx.lang, s.ctx.tz, s.team);
  const owner = check.person('owner', newOwner, true);
  const checked = checkText(reason);
  const why = checked.ok ? checked.text : '';
  if (!checked.ok) check.failWith('reason', textFaultMessage(t(s.ctx.lang, 'sidebar.card.reason'), checked.fault));
  else if (why.trim() === '') check.fail('reason', 'sidebar.error.reasonRequired');
  return { check, owner, why };
}

export function reassignClient(clientId: string, newOwner: string, reason: string): WriteResult<CardUpdate> {
  const s = openSession();
  const { ctx, settings } = s;
  const { lang, tz } = ctx;
  const { check, owner, why } = checkHandover(s, newOwner, reason);
  if (!check.ok) return refused(check.problems);
  return withDocumentLock(lang, (): WriteResult<CardUpdate> => {
    const target = openClientTarget(s, clientId, ['owner']);
    const { clients } = target;
    const client = target.found.record;
    if (samePerson(client.owner, owner)) {
      check.fail('owner', 'sidebar.error.sameOwner', { name: owner });
      return refused(check.problems);
    }
    // Whose clients this person may hand over (docs/roles.md), on the confirmed roles.
    const may = mayHandOverFrom(s.actor, client.owner, confirmedMembers(s));
    if (!may.ok) throw new UserError(lang, may.reason);
    // A client the pool released goes back to its former owner only after the reclaim wait, as claimClient.
    const changeLog = openChangeLog(s.sheets, ctx);
    const wait = reclaimWait(s, changesOfClient(changeLog, client.id, tz), client.id, owner);
    if (wait !== null) {
      check.fail('owner', wait.key, wait.params);
      return refused(check.problems);
    }
    const { updates, status, nextOwner } = handOver(s, client, owner);
    const found = rowForWrite(s, target);
    writeClientCells(clients, found.row, updates);
    changeLog.append([handOverChange(s, client, owner, why)]);
    // The search index learns the new owner in place (a search for one's own clients finds it at once).
    if (found.moved) invalidateSearchIndex();
    else patchIndex(target.hint, found.row, { owner, nextOwner }, ctx.now);
    const after = { ...client, owner, status, nextOwner };
    return {
      ok: true,
      value: cardUpdate(after, settings, s.today, tz),
      notices: [],
    };
  });
}

/**
 * What a hand-over writes on the client's row (Reassign, and an update import naming another owner:
 * docs/import.md): the Owner, the Status worked out again for the new owner, and a next step the old
 * owner held moved to the new one.
 */
export function handOver(
  s: SidebarSession,
  client: ClientRecord,
  owner: string,
): { updates: ClientUpdates; status: ClientRecord['status'] & {}; nextOwner: string } {
  const { tz, lang } = s.ctx;
  const status = computeStatus(
    {
      stage: client.stage,
      owner,
      previousStatus: client.status === 'inPool' ? null : client.status,
      lastContact: dayOf(client.lastContact, tz),
      created: dayOf(client.created, tz),
    },
    s.settings,
    s.today,
  );
  const updates: ClientUpdates = { owner };
  if (client.status !== status) updates.status = label('statuses', status, lang);
  const nextOwner = client.nextOwner !== '' && samePerson(client.nextOwner, client.owner) ? owner : client.nextOwner;
  if (nextOwner !== client.nextOwner) updates.nextOwner = nextOwner;
  return { updates, status, nextOwner };
}

/** The Changes row of a hand-over: never silent, with who did it and why. */
export function handOverChange(
  s: SidebarSession,
  client: Pick<ClientRecord, 'id' | 'owner'>,
  owner: string,
  reason: ChangeEntry['reason'],
): ChangeEntry {
  return { clientId: client.id, what: 'reassigned', old: client.owner, new: owner, by: s.me || undefined, reason };
}

/**
 * The reclaim wait's sentence when `newOwner` lost this client to the pool too recently, from the
 * client's Changes rows; null otherwise.
 */
export function reclaimWait(
  s: SidebarSession,
  changes: readonly ChangeRecord[],
  clientId: string,
  newOwner: string,
): Message | null {
  const { tz } = s.ctx;
  const release = lastRelease(changes, clientId, tz);
  const allowed = canClaim(newOwner, release, s.settings, s.today);
  if (allowed.ok || release === null) return null;
  return message('roles.refused.reclaimWait', { name: newOwner, released: release.releasedOn, from: allowed.from });
}

function ownerColumnReader(s: SidebarSession) {
  const clients = openHeader(s.sheets, 'clients', { lang: s.ctx.lang, needs: ['owner'] });
  const sheet = clients.sheet;
  const rows = Math.max(0, sheet.getLastRow() - clients.headerRow);
  const read = (key: ColumnKey<'clients'>): unknown[] | null => {
    const index = clients.headers.map[key];
    return index === undefined || rows === 0
      ? null
      : sheet
          .getRange(sheetRow(clients, 0), index + 1, rows, 1)
          .getValues()
          .map((r) => r[0]);
  };
  return { clients, sheet, read };
}

/** The person handed over from, as the Team spells them, after the role check; throws when not allowed. */
function handOverAllFrom(s: SidebarSession, fromOwner: unknown): string {
  const from = String(fromOwner ?? '').trim();
  const member = memberByName(confirmedMembers(s), from);
  const name = member?.name ?? from;
  const may = mayHandOverFrom(s.actor, name, confirmedMembers(s));
  if (!may.ok) throw new UserError(s.ctx.lang, may.reason);
  return name;
}

/**
 * How many clients `owner` has: what the hand-over of all their clients shows before the user
 * confirms (the same role check as the hand-over itself).
 */
export function countClientsOf(owner: string): HandoverCount {
  const s = openSession();
  const from = handOverAllFrom(s, owner);
  if (from === '') return { owner: '', count: 0 };
  const owners = ownerColumnReader(s).read('owner') ?? [];
  return { owner: from, count: owners.filter((o) => samePerson(String(o ?? ''), from)).length };
}

/**
 * Every client of `fromOwner` (someone who left) to `toOwner`, only when they still own exactly the
 * `expectedCount` the user confirmed: the Owner and Next owner columns are read once and written back
 * over the span of rows that changed (one setValues each), under the lock. Managers for their own
 * team, directors for anyone (docs/roles.md).
 */
export function reassignClients(
  fromOwner: string,
  toOwner: string,
  reason: string,
  expectedCount: number,
): WriteResult<ReassignSummary> {
  const s = openSession();
  const { ctx } = s;
  const { lang } = ctx;
  const from = handOverAllFrom(s, fromOwner);
  const { check, owner, why } = checkHandover(s, toOwner, reason);
  if (from === '') check.fail('owner', 'sidebar.error.required', { field: check.fieldName('owner') });
  else if (samePerson(from, owner)) check.fail('owner', 'sidebar.error.sameOwner', { name: owner });
  const expected = Number(expectedCount);
  if (!Number.isInteger(expected) || expected < 0) check.fail('owner', 'roles.refused.countMissing', { name: from });
  if (!check.ok) return refused(check.problems);
  return withDocumentLock(lang, (): WriteResult<ReassignSummary> => {
    const { clients, sheet, read } = ownerColumnReader(s);
    const ids = read('id') ?? [];
    const owners = read('owner') ?? [];
    const nextOwners = read('nextOwner');
    const moved: number[] = [];
    const nextMoved: number[] = [];
    const changes: ChangeEntry[] = [];
    const ownerCells = owners.slice();
    const nextCells = nextOwners?.slice() ?? [];
    owners.forEach((o, i) => {
      if (!samePerson(String(o ?? ''), from)) return;
      moved.push(i);
      ownerCells[i] = owner;
      changes.push({
        clientId: String(ids[i] ?? '').trim(),
        what: 'reassigned',
        old: String(o).trim(),
        new: owner,
        by: s.me || undefined,
        reason: why,
      });
      if (nextOwners && samePerson(String(nextOwners[i] ?? ''), from)) {
        nextMoved.push(i);
        nextCells[i] = owner;
      }
    });
    if (moved.length === 0 && expected === 0) {
      check.fail('owner', 'sidebar.error.ownsNone', { name: from });
      return refused(check.problems);
    }
    if (moved.length !== expected) {
      check.fail('owner', 'roles.refused.countChanged', { name: from, count: moved.length, expected });
      return refused(check.problems);
    }
    const changeLog = openChangeLog(s.sheets, ctx);
    // People keep typing while this runs: write only onto the rows that were read.
    const idsNow = read('id') ?? [];
    if (idsNow.length !== ids.length || idsNow.some((id, i) => String(id) !== String(ids[i]))) {
      throw new UserError(lang, message('error.rowsMoved', { tab: sheet.getName() }));
    }
    // Owner and the next step's owner are columns people own: only the moved cells are written (one
    // call per run of consecutive rows), so a formula or a colleague's typing between them stays.
    const only = (cells: readonly unknown[], rows: readonly number[]) => new Map(rows.map((i) => [i, cells[i]]));
    writeRuns(sheet, sheetRow(clients, 0), columnIndex(clients, 'owner'), only(ownerCells, moved));
    if (nextOwners)
      writeRuns(sheet, sheetRow(clients, 0), columnIndex(clients, 'nextOwner'), only(nextCells, nextMoved));
    changeLog.append(changes);
    invalidateSearchIndex();
    return {
      ok: true,
      value: { clientIds: changes.map((c) => c.clientId), owner },
      notices: [notice(lang, message('sidebar.notice.reassigned', { count: moved.length, from, to: owner }))],
    };
  });
}
