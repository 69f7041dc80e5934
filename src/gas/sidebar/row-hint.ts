/**
 * Where the search index last saw a client: a row number to try first (verified before use).
 */
import type { SearchIndex } from './search-index';
import { loadIndex, saveIndex } from './search-index';
import type { IndexEntry } from './index-entry';
import { sheetIdOf } from '../tab-names';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Hint {
  index: SearchIndex | null;
  entry: IndexEntry | null;
}

export function rowHint(clientsSheet: Sheet, clientId: string): Hint {
  const index = loadIndex((id) => (id === sheetIdOf(clientsSheet) ? clientsSheet : null));
  if (!index) return { index: null, entry: null };
  return { index, entry: index.entryById(clientId) };
}

/** After a write that changed an indexed field of one client: patch the cached index in place. */
export function patchIndex(hint: Hint, row: number, changes: Partial<IndexEntry>, now: Date): void {
  if (!hint.index || !hint.entry) return;
  if (hint.entry.row !== row) return;
  hint.index.setRow(row, changes);
  saveIndex(hint.index, now);
}
