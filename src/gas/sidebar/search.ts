/**
 * searchClients: search-as-you-type. On a warm cache a keystroke reads the index from the document
 * cache and makes three Spreadsheet calls (is Clients still the same length?); the sidebar debounces
 * keystrokes, so a burst of typing is one call.
 */
import type { ClientHit, SearchOptions, SearchResult } from '../../server/api-types';
import { openHeader } from './header-table';
import { loadIndex, saveIndex, buildIndex } from './search-index';
import { MAX_HITS, matchClients } from './search-match';
import { type SidebarSession, openSession } from './session';

const ME_KEY = 'ct.me';
const ME_TTL_SECONDS = 900;

/** Who is searching, remembered per user for a while so a keystroke does not read the Team tab. */
function cachedMe(): string | null {
  return CacheService.getUserCache()?.get(ME_KEY) ?? null;
}

function rememberMe(me: string): void {
  CacheService.getUserCache()?.put(ME_KEY, me, ME_TTL_SECONDS);
}

/**
 * Builds and caches the index if it has expired, and remembers who is searching: the sidebar calls
 * this when it opens, so the first keystroke does not pay for reading the Clients tab.
 */
export function warmSearch(s: SidebarSession): void {
  rememberMe(s.me);
  if (loadIndex((id) => s.ctx.ss.getSheetById(id)) !== null) return;
  saveIndex(buildIndex(openHeader(s.sheets, 'clients', { lang: s.ctx.lang })), s.ctx.now);
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
  const found = matchClients(index.lines(), text, me, limit);
  const hits: ClientHit[] = found.hits.map(({ entry, mine }) => ({
    id: entry.id,
    name: entry.name,
    contact: entry.contact,
    phone: entry.phones.split(' ')[0] ?? '',
    owner: entry.owner,
    mine,
  }));
  return { hits, more: found.more };
}
