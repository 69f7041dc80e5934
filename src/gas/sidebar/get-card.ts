/** getClientCard: read-only, so no lock; the row is found by ID like every write. */
import type { ClientCard } from '../../contract/types';
import { buildCard, readHistory } from './card';
import { openClientWithContacts } from './client-target';
import { invalidateSearchIndex } from './search-index';
import { openSession } from './session';

export function getClientCard(clientId: string): ClientCard {
  const s = openSession();
  const { tz } = s.ctx;
  const { contacts, found } = openClientWithContacts(s, clientId);
  if (found.moved) invalidateSearchIndex();
  return buildCard(found.record, readHistory(contacts, found.record.id, tz), s.settings, s.today, tz);
}
