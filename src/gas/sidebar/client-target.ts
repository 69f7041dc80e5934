/**
 * The client a sidebar write is about, found by ID under the document lock — never by a row number
 * the sidebar remembered: the user may have sorted or inserted rows since the search. Used by every
 * write path that changes a client row (log a contact, claim, hand over).
 */
import type { ColumnKey } from '../../core/schema';
import type { Table } from '../table';
import { openHeader } from './header-table';
import { type ClientRow, locateClient, stillOnRow } from './locate';
import { type Hint, rowHint } from './row-hint';
import type { SidebarSession } from './session';

export interface ClientTarget {
  clients: Table<'clients'>;
  hint: Hint;
  /** where the client was when the write path read it */
  found: ClientRow;
}

/** Opens Clients (with the columns the write needs) and finds the client's row. */
export function openClientTarget(
  s: SidebarSession,
  clientId: unknown,
  needs: readonly ColumnKey<'clients'>[] = [],
): ClientTarget {
  const { lang, tz } = s.ctx;
  const id = String(clientId ?? '');
  const clients = openHeader(s.sheets, 'clients', { lang, needs });
  const hint = rowHint(clients.sheet, id);
  const found = locateClient(clients, id, hint.entry?.row ?? null, { lang, tz });
  return { clients, hint, found };
}

/** The client's row as above, and Contacts, for the paths that read or add its history (card, Log contact). */
export function openClientWithContacts(
  s: SidebarSession,
  clientId: unknown,
): ClientTarget & { contacts: Table<'contacts'> } {
  const target = openClientTarget(s, clientId);
  return { ...target, contacts: openHeader(s.sheets, 'contacts', { lang: s.ctx.lang }) };
}

/** The client's row just before writing: checked by ID again, and found anew if rows moved meanwhile. */
export function rowForWrite(s: SidebarSession, target: ClientTarget): ClientRow {
  const id = target.found.record.id;
  if (!stillOnRow(target.clients, target.found, id)) {
    target.found = locateClient(target.clients, id, null, { lang: s.ctx.lang, tz: s.ctx.tz });
  }
  return target.found;
}
