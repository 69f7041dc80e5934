/**
 * claimClient: take a client from the shared pool (公海). Anyone may, except its former owner until
 * the reclaim wait has passed; the claim is written to Changes, never silent.
 */
import { dayOf } from '../../core/dates';
import { message } from '../../core/i18n';
import { label } from '../../core/lists';
import { canClaim, lastRelease } from '../../core/pool';
import { computeStatus } from '../../core/status';
import type { CardUpdate, WriteResult } from '../../contract/types';
import { openChangeLog } from '../changes';
import { UserError } from '../errors';
import { withDocumentLock } from '../lock';
import { cardUpdate } from './card';
import { changesOfClient } from './client-changes';
import { writeClientCells } from './client-writes';
import { openClientTarget, rowForWrite } from './client-target';
import { refused } from './results';
import { patchIndex } from './row-hint';
import { invalidateSearchIndex } from './search-index';
import { openSession } from './session';
import { FieldChecker } from './validate';

export function claimClient(clientId: string): WriteResult<CardUpdate> {
  const s = openSession();
  const { ctx, settings } = s;
  const { lang, tz } = ctx;
  if (s.me === '') throw new UserError(lang, message('sidebar.error.whoAreYou'));
  return withDocumentLock(lang, (): WriteResult<CardUpdate> => {
    const target = openClientTarget(s, clientId, ['owner']);
    const { clients } = target;
    const client = target.found.record;
    const check = new FieldChecker('clients', lang, tz, s.team);
    if (client.owner.trim() !== '') {
      check.fail('owner', 'sidebar.error.notInPool', { owner: client.owner });
      return refused(check.problems);
    }
    // Opened before anything is written (a missing Changes tab stops the claim), and read for the reclaim wait.
    const changeLog = openChangeLog(s.sheets, ctx);
    const changes = changesOfClient(changeLog, client.id, tz);
    const allowed = canClaim(s.me, lastRelease(changes, client.id, tz), settings, s.today);
    if (!allowed.ok) {
      check.fail('owner', allowed.reason.key, allowed.reason.params);
      return refused(check.problems);
    }
    const status = computeStatus(
      {
        stage: client.stage,
        owner: s.me,
        previousStatus: null,
        lastContact: dayOf(client.lastContact, tz),
        created: dayOf(client.created, tz),
      },
      settings,
      s.today,
    );
    const found = rowForWrite(s, target);
    writeClientCells(clients, found.row, { owner: s.me, status: label('statuses', status, lang) });
    changeLog.append([
      {
        clientId: client.id,
        what: 'poolClaim',
        old: '',
        new: s.me,
        by: s.me,
        reason: message('sidebar.change.claimed'),
      },
    ]);
    // The search index learns the new owner in place (a search for one's own clients finds it at once).
    if (found.moved) invalidateSearchIndex();
    else patchIndex(target.hint, found.row, { owner: s.me }, ctx.now);
    const after = { ...client, owner: s.me, status };
    return {
      ok: true,
      value: cardUpdate(after, settings, s.today, tz),
      notices: [],
    };
  });
}
