/**
 * Handing clients over (seed 000: a salesperson who cannot move a client hands it to a colleague; a
 * person who leaves hands over everything). Always with a reason and a Changes row per client:
 * a reassignment is never silent. A next step owned by the old owner moves with the client.
 */
import { dayKey } from '../../core/dates';
import { message } from '../../core/i18n';
import { label } from '../../core/lists';
import type { ColumnKey } from '../../core/schema';
import { computeStatus } from '../../core/status';
import type { ClientCard, ReassignSummary, WriteResult } from '../../server/api-types';
import { writeSpan } from '../cells';
import { type ChangeEntry, openChangeLog } from '../changes';
import { UserError } from '../errors';
import { withDocumentLock } from '../lock';
import { MAX_CELL_CHARS, columnIndex, fitsInCell } from '../table';
import { buildCard, readHistory } from './card';
import { type ClientUpdates, writeClientCells } from './client-writes';
import { openClientTarget, rowForWrite } from './client-target';
import { openHeader } from './header-table';
import { notice, refused } from './results';
import { invalidateSearchIndex } from './search-index';
import { type SidebarSession, openSession } from './session';
import { FieldChecker } from './validate';

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function checkHandover(s: SidebarSession, newOwner: unknown, reason: unknown) {
  const check = new FieldChecker('clients', s.ctx.lang, s.ctx.tz, s.team);
  const owner = check.person('owner', newOwner, true);
  const why = String(reason ?? '');
  if (why.trim() === '') check.fail('reason', 'sidebar.error.reasonRequired');
  else if (!fitsInCell(why)) {
    check.fail('reason', 'sidebar.error.tooLong', { field: 'reason', length: why.length, max: MAX_CELL_CHARS });
  }
  return { check, owner, why };
}

export function reassignClient(clientId: string, newOwner: string, reason: string): WriteResult<ClientCard> {
  const s = openSession();
  const { ctx, settings } = s;
  const { lang, tz } = ctx;
  const { check, owner, why } = checkHandover(s, newOwner, reason);
  if (!check.ok) return refused(check.problems);
  return withDocumentLock(lang, (): WriteResult<ClientCard> => {
    const target = openClientTarget(s, clientId, ['owner']);
    const { clients, contacts } = target;
    const client = target.found.record;
    if (same(client.owner, owner)) {
      check.fail('owner', 'sidebar.error.sameOwner', { name: owner });
      return refused(check.problems);
    }
    const changeLog = openChangeLog(s.sheets, ctx);
    const status = computeStatus(
      {
        stage: client.stage,
        owner,
        previousStatus: client.status === 'inPool' ? null : client.status,
        lastContact: client.lastContact && dayKey(client.lastContact, tz),
        created: client.created && dayKey(client.created, tz),
      },
      settings,
      s.today,
    );
    const updates: ClientUpdates = { owner };
    if (client.status !== status) updates.status = label('statuses', status, lang);
    const nextOwner = client.nextOwner !== '' && same(client.nextOwner, client.owner) ? owner : client.nextOwner;
    if (nextOwner !== client.nextOwner) updates.nextOwner = nextOwner;
    const found = rowForWrite(s, target);
    writeClientCells(clients, found.row, updates);
    changeLog.append([
      { clientId: client.id, what: 'reassigned', old: client.owner, new: owner, by: s.me || undefined, reason: why },
    ]);
    invalidateSearchIndex();
    const after = { ...client, owner, status, nextOwner };
    return {
      ok: true,
      value: buildCard(after, readHistory(contacts, client.id, tz), settings, s.today, tz),
      notices: [],
    };
  });
}

/**
 * Every client of `fromOwner` (someone who left) to `toOwner`: the Owner and Next owner columns are
 * read once and written back over the span of rows that changed (one setValues each), under the lock.
 */
export function reassignClients(fromOwner: string, toOwner: string, reason: string): WriteResult<ReassignSummary> {
  const s = openSession();
  const { ctx } = s;
  const { lang } = ctx;
  const { check, owner, why } = checkHandover(s, toOwner, reason);
  const from = String(fromOwner ?? '').trim();
  if (from === '') check.fail('owner', 'sidebar.error.required', { field: check.fieldName('owner') });
  else if (same(from, owner)) check.fail('owner', 'sidebar.error.sameOwner', { name: owner });
  if (!check.ok) return refused(check.problems);
  return withDocumentLock(lang, (): WriteResult<ReassignSummary> => {
    const clients = openHeader(s.sheets, 'clients', { lang, needs: ['owner'] });
    const sheet = clients.sheet;
    const rows = Math.max(0, sheet.getLastRow() - 1);
    const read = (key: ColumnKey<'clients'>): unknown[] | null => {
      const index = clients.headers.map[key];
      return index === undefined || rows === 0
        ? null
        : sheet
            .getRange(2, index + 1, rows, 1)
            .getValues()
            .map((r) => r[0]);
    };
    const ids = read('id') ?? [];
    const owners = read('owner') ?? [];
    const nextOwners = read('nextOwner');
    const moved: number[] = [];
    const nextMoved: number[] = [];
    const changes: ChangeEntry[] = [];
    const ownerCells = owners.slice();
    const nextCells = nextOwners?.slice() ?? [];
    owners.forEach((o, i) => {
      if (!same(String(o ?? ''), from)) return;
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
      if (nextOwners && same(String(nextOwners[i] ?? ''), from)) {
        nextMoved.push(i);
        nextCells[i] = owner;
      }
    });
    if (moved.length === 0) {
      check.fail('owner', 'sidebar.error.ownsNone', { name: from });
      return refused(check.problems);
    }
    const changeLog = openChangeLog(s.sheets, ctx);
    // People keep typing while this runs: write only onto the rows that were read.
    const idsNow = read('id') ?? [];
    if (idsNow.length !== ids.length || idsNow.some((id, i) => String(id) !== String(ids[i]))) {
      throw new UserError(lang, message('error.rowsMoved', { tab: sheet.getName() }));
    }
    writeSpan(sheet, 2, columnIndex(clients, 'owner'), ownerCells, moved);
    if (nextOwners) writeSpan(sheet, 2, columnIndex(clients, 'nextOwner'), nextCells, nextMoved);
    changeLog.append(changes);
    invalidateSearchIndex();
    return {
      ok: true,
      value: { clientIds: changes.map((c) => c.clientId) },
      notices: [notice(lang, message('sidebar.notice.reassigned', { count: moved.length, from, to: owner }))],
    };
  });
}
