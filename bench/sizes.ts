/**
 * The workbook sizes: 1,000 / 10,000 / 50,000 clients with 5 contacts each, and the ceiling case —
 * as many clients as fit under Google's 10,000,000-cell limit with the real tab widths setup leaves,
 * keeping the issue's 7.5 contacts per client (its "about 60,000 clients and 450,000 contacts").
 */
import { MAX_CELLS } from '../src/local/emulator/model';
import type { Layout, Size } from './workbook';

export const STANDARD_SIZES: readonly Size[] = [1_000, 10_000, 50_000].map((clients) => ({
  label: clients.toLocaleString('en-US'),
  clients,
  contacts: clients * 5,
}));

export const CEILING_CONTACTS_PER_CLIENT = 7.5;

/**
 * Cells kept free at the ceiling for what the product itself adds: report tabs (a new tab is
 * 1,000 × 26 = 26,000 cells; all seven, with their lists capped, about 150,000), Changes rows,
 * appended contacts. Without it the first report would hit the limit, which would measure the
 * headroom, not the product.
 */
export const CEILING_HEADROOM = 250_000;

export interface CeilingPlan {
  size: Size;
  /** how the numbers were found, for BENCHMARKS.md */
  explanation: string;
}

export function ceilingSize(layout: Layout): CeilingPlan {
  const r = CEILING_CONTACTS_PER_CLIENT;
  const budget = MAX_CELLS - CEILING_HEADROOM - layout.otherCells - layout.clientsWidth - layout.contactsWidth;
  const clients = Math.floor(budget / (layout.clientsWidth + r * layout.contactsWidth));
  const contacts = Math.floor(clients * r);
  const cells = (clients + 1) * layout.clientsWidth + (contacts + 1) * layout.contactsWidth + layout.otherCells;
  const issueCells = 60_001 * layout.clientsWidth + 450_001 * layout.contactsWidth + layout.otherCells;
  const fmt = (n: number) => n.toLocaleString('en-US');
  const explanation = [
    `Cells = Σ over tabs of maxRows × maxColumns (docs/apps-script.md, item 29). After setup, Clients is ${layout.clientsWidth} columns wide`,
    `(${layout.clientsColumnsUsed} used) and Contacts ${layout.contactsWidth} (${layout.contactsColumnsUsed} used${
      layout.contactsWidth > layout.contactsColumnsUsed
        ? ': a new tab is 26 wide and setup does not trim it'
        : ': setup trims the tabs it creates'
    }); the other tabs hold ${fmt(layout.otherCells)} cells. Keeping ${fmt(CEILING_HEADROOM)} cells free for report tabs`,
    `and appended rows, at ${r} contacts per client: ${fmt(clients)} clients and ${fmt(contacts)} contacts = ${fmt(cells)} cells.`,
    `The issue's example, 60,000 clients and 450,000 contacts, is ${fmt(issueCells)} cells with these widths`,
    issueCells > MAX_CELLS
      ? `— over the limit.`
      : `(${fmt(MAX_CELLS - issueCells)} left${cells > issueCells ? '; the case above is closer to the limit' : ''}).`,
  ].join(' ');
  return { size: { label: 'ceiling', clients, contacts }, explanation };
}
