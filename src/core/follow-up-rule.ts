/**
 * The follow-up state rule, declared once: which statuses have a follow-up state at all, which can
 * be unplanned, and the date tests. Three things follow it and must never disagree:
 * - core/status.ts followUpState (CT_STATE, the sidebar card, the digests, the overdue report);
 * - the live highlighting on the Clients tab (conditional-format formulas, one cell at a time);
 * - the Follow-up state column of the register (one ARRAYFORMULA in its header cell).
 * The two spreadsheet forms are printed from the same conditions below, so changing a list here
 * changes all three (docs/follow-up-state.md).
 */
import { label } from './lists';
import type { Status } from './lists';

/** Won and Lost leave the lead cadence; pool clients have no owner and are never overdue. */
export const NO_FOLLOW_UP_STATUSES: readonly Status[] = ['won', 'lost', 'inPool'];
/** Only an Active client without a next follow-up is "unplanned" (a blank Status reads as Active). */
export const UNPLANNED_STATUSES: readonly Status[] = ['active'];

export type StateWord = 'overdue' | 'dueToday' | 'upcoming' | 'unplanned';
/** The order the states are tested in: the first that holds is the row's state. */
export const STATE_ORDER: readonly StateWord[] = ['overdue', 'dueToday', 'upcoming', 'unplanned'];

/** Cell references (`$W2`) for one row, or column ranges (`W:W`) for an ARRAYFORMULA. */
export interface StateRefs {
  name: string;
  status: string;
  next: string;
}

/**
 * 'cell': a formula for one cell (conditional formatting shifts the row per cell), with AND/OR.
 * 'array': a formula inside ARRAYFORMULA, where AND/OR would fold the whole column into one value,
 * so conjunction is a product and disjunction a sum.
 */
export type FormulaMode = 'cell' | 'array';

type Cond = { all: Cond[] } | { statusIn: readonly Status[]; blankIs?: Status; negate?: boolean } | { raw: string };

function statusLabels(codes: readonly Status[]): string[] {
  return codes.flatMap((code) => [label('statuses', code, 'en'), label('statuses', code, 'zh-CN')]);
}

function print(cond: Cond, refs: StateRefs, mode: FormulaMode): string {
  if ('raw' in cond) return cond.raw;
  if ('all' in cond) {
    const parts = cond.all.map((c) => print(c, refs, mode));
    return mode === 'cell' ? `AND(${parts.join(',')})` : parts.map((p) => `(${p})`).join('*');
  }
  const values = [
    ...statusLabels(cond.statusIn),
    ...(cond.blankIs && cond.statusIn.includes(cond.blankIs) ? [''] : []),
  ];
  const tests = values.map((v) => `${refs.status}="${v}"`);
  if (mode === 'cell') {
    const any = `OR(${tests.join(',')})`;
    return cond.negate ? `NOT(${any})` : any;
  }
  return `(${tests.map((t) => `(${t})`).join('+')})${cond.negate ? '=0' : '>0'}`;
}

/** The condition under which a row is in each state (given that the row has a name). */
function conditions(refs: StateRefs): Record<StateWord, Cond> {
  const hasState: Cond = { statusIn: NO_FOLLOW_UP_STATUSES, negate: true };
  const dated = (test: string): Cond => ({
    all: [hasState, { raw: `ISNUMBER(${refs.next})` }, { raw: `INT(${refs.next})${test}TODAY()` }],
  });
  return {
    overdue: dated('<'),
    dueToday: dated('='),
    upcoming: dated('>'),
    unplanned: {
      all: [{ raw: `${refs.next}=""` }, { statusIn: UNPLANNED_STATUSES, blankIs: 'active' }],
    },
  };
}

/** The condition for one state, as a formula expression (no leading =). */
export function stateCondition(state: StateWord, refs: StateRefs, mode: FormulaMode): string {
  return print(conditions(refs)[state], refs, mode);
}

/**
 * The Follow-up state column's formula, for its header cell: the header text in row 1, then for
 * every row with a name the first state that holds, in the given words; rows without a name, and
 * clients with no follow-up state, stay empty (an omitted IF argument, not "", so the column adds
 * no content below the table).
 */
export function stateColumnFormula(
  cols: { name: string; status: string; next: string },
  header: string,
  words: Record<StateWord, string>,
): string {
  const refs: StateRefs = {
    name: `${cols.name}:${cols.name}`,
    status: `${cols.status}:${cols.status}`,
    next: `${cols.next}:${cols.next}`,
  };
  const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  let chain = '';
  for (const state of [...STATE_ORDER].reverse()) {
    chain = `IF(${stateCondition(state, refs, 'array')},${quote(words[state])},${chain})`;
  }
  return `=ARRAYFORMULA(IF(ROW(${refs.name})=1,${quote(header)},IF(${refs.name}="",,${chain})))`;
}
