/** One Clients row as the sidebar searches it; `row` is the sheet row when the index was built. */
import type { ClientIdentity } from '../../core/client-match';

export interface IndexEntry extends ClientIdentity {
  row: number;
  contact: string;
  owner: string;
  nextOwner: string;
}

export const MAX_HITS = 20;
