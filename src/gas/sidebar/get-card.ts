/** getClientCard: read-only, so no lock; the row is found by ID like every write. */
import type { ClientCard } from '../../server/api-types';
import { buildCard, readHistory } from './card';
import { openHeader } from './header-table';
import { locateClient } from './locate';
import { rowHint } from './row-hint';
import { invalidateSearchIndex } from './search-index';
import { openSession } from './session';

export function getClientCard(clientId: string): ClientCard {
  const s = openSession();
  const { lang, tz } = s.ctx;
  const id = String(clientId ?? '');
  const clients = openHeader(s.sheets, 'clients', { lang });
  const contacts = openHeader(s.sheets, 'contacts', { lang });
  const hint = rowHint(clients.sheet, id);
  const found = locateClient(clients, id, hint.entry?.row ?? null, { lang, tz });
  if (found.moved) invalidateSearchIndex();
  return buildCard(found.record, readHistory(contacts, found.record.id, tz), s.settings, s.today, tz);
}
