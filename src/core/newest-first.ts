/**
 * A client's history as the card shows it: newest first, by date; of two on the same instant the one
 * logged later comes first. Used by the server when it adds a saved contact to the history it read,
 * and by the sidebar when it adds the saved contact to the history it shows.
 */
export function withNewest<T>(history: readonly T[], entry: T, at: (x: T) => number | null): T[] {
  const ms = at(entry) ?? -Infinity;
  const i = history.findIndex((h) => (at(h) ?? -Infinity) <= ms);
  return i < 0 ? [...history, entry] : [...history.slice(0, i), entry, ...history.slice(i)];
}
