/**
 * The plan an import keeps for its later batches (docs/import.md): made once, when the import starts,
 * from the whole tab; each later batch reads only its own clients' rows of the tab. It holds, for each
 * client to write, the tab's rows it is made of and a digest of those rows, and the tab's shape (its
 * last row and column, its header row and a digest of the rows down to it), so a tab changed since is
 * refused: a batch whose rows changed, a tab that gained or lost rows or whose header changed.
 */
import type { ImportPlan } from '../../core/import/plan';
import { rowDigest } from './journal';

type Grid = readonly (readonly unknown[])[];

export interface KeptPlan {
  /** digest of the tab's first rows (title and header), its last row and last column */
  shape: string;
  /** each client to write, in order: its rows (1-based, as the tab numbers them) and their digest */
  clients: [number[], string][];
}

/** The rows the header is looked for in (findListHeader reads the first 10). */
export const HEAD_ROWS = 10;

/** The tab's shape: its size, where its header row is (0-based) and a digest of the rows down to it. */
export function shapeOf(head: Grid, headerRow: number, lastRow: number, lastColumn: number): string {
  return `${lastRow}x${lastColumn}@${headerRow}:${rowDigest(head.slice(0, headerRow + 1).flat())}`;
}

export function rowsDigest(rows: Grid): string {
  return rowDigest(rows.flat());
}

/** The plan to keep, from the whole tab as read when the import started and the clients it writes. */
export function keepPlan(grid: Grid, headerRow: number, plan: ImportPlan): KeptPlan {
  const width = grid[0]?.length ?? 0;
  return {
    shape: shapeOf(grid, headerRow, grid.length, width),
    clients: plan.clients
      .filter((c) => c.action !== 'skip')
      .map((c) => [c.lines, rowsDigest(c.lines.map((line) => grid[line - 1]))]),
  };
}

export function parseKeptPlan(text: string | null): KeptPlan | null {
  if (text === null) return null;
  try {
    const kept = JSON.parse(text) as KeptPlan;
    return typeof kept?.shape === 'string' && Array.isArray(kept.clients) ? kept : null;
  } catch {
    return null;
  }
}
