/**
 * searchClients: search-as-you-type. On a warm cache a keystroke reads the index from the document
 * cache and makes three Spreadsheet calls (is Clients still the same length?); the sidebar debounces
 * keystrokes, so a burst of typing is one call.
 */
import type { ClientHit, SearchOptions, SearchResult } from '../../contract/types';
import { openHeader } from './header-table';
import { buildIndex, loadIndex, saveIndex, warmSearchIndex } from './search-index';
import type { Field } from './search-columns';
import { matchClients } from './search-find';
import { MAX_HITS } from './index-entry';
import { type SidebarSession, openSession } from './session';

const ME_KEY = 'ct.me:';
const ME_TTL_SECONDS = 900;

/**
 * Who is searching in this spreadsheet, remembered for a while so a keystroke does not read the Team
 * tab. Kept in the document cache under the user's email: an add-on's user cache is the same in every
 * file the user opens (docs/google-readings.md), and the same person has another Team name elsewhere.
 */
function meKey(): string {
  return `${ME_KEY}${Session.getActiveUser().getEmail().trim().toLowerCase()}`;
}

function cachedMe(): string | null {
  return CacheService.getDocumentCache()?.get(meKey()) ?? null;
}

function rememberMe(me: string): void {
  CacheService.getDocumentCache()?.put(meKey(), me, ME_TTL_SECONDS);
}

/**
 * Builds and caches the index if it has expired, and remembers who is searching: the sidebar calls
 * this when it opens, so the first keystroke does not pay for reading the Clients tab.
 */
export function warmSearch(s: SidebarSession): void {
  rememberMe(s.me);
  warmSearchIndex(s.sheets, s.ctx);
}

export function searchClients(query: string, options?: SearchOptions | null): SearchResult {
  const text = String(query ?? '').slice(0, 200);
  const limit = Math.max(1, Math.min(Number(options?.limit) || MAX_HITS, MAX_HITS));
  if (text.trim() === '') return { hits: [], more: false };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let me = cachedMe();
  let index = loadIndex((id) => ss.getSheetById(id));
  if (index === null || me === null) {
    const s = openSession();
    me = s.me;
    rememberMe(me);
    if (index === null) {
      index = buildIndex(openHeader(s.sheets, 'clients', { lang: s.ctx.lang }));
      saveIndex(index, s.ctx.now);
    }
  }
  const { columns } = index;
  const found = matchClients(columns, text, me, limit);
  const lines = Int32Array.from(found.hits, (h) => h.line).sort();
  const at = (field: Field): Map<number, string> => {
    const values = new Map<number, string>();
    columns.fields[field].eachOf(lines, (line, value) => values.set(line, value));
    return values;
  };
  const [ids, contacts, phones, owners] = (['id', 'contact', 'phones', 'owner'] as const).map(at);
  const hits: ClientHit[] = found.hits.map(({ line, name, mine }) => ({
    id: ids.get(line) ?? '',
    name,
    contact: contacts.get(line) ?? '',
    phone: (phones.get(line) ?? '').split(' ')[0],
    owner: owners.get(line) ?? '',
    mine,
  }));
  return { hits, more: found.more };
}
