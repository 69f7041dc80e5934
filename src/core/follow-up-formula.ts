/**
 * The follow-up state as spreadsheet formulas: core/status.ts's followUpState, written in Sheets'
 * formula language from the same lists (CADENCE_STATUSES, UNPLANNED_STATUSES, BLANK_STATUS,
 * STAGES_DECIDING_STATUS) and the value lists' own names, so the live highlighting and anything else
 * that shows the state in the sheet (a state column computed with TODAY(), say) agree with the
 * reports, the emails and CT_STATE. See docs/follow-up-state.md.
 *
 * Use followUpConditions for the conditions, followUpStateFormula for the state's words. Each
 * condition is one boolean expression over the cells named in FollowUpCells and TODAY():
 * - it reads the Stage cell as well as the Status cell, since the Stage is what people type
 *   (Won/成交 and every alias) and the Status cell is only recomputed by onEdit or a refresh;
 * - it uses no AND/OR (they aggregate over arrays): `*` and comparisons only, and IF to guard INT,
 *   so the same text works in one cell, in a conditional format rule, and inside ARRAYFORMULA with
 *   whole-column references ($W2:$W);
 * - it uses only functions Excel and LibreOffice also have (IF, ISNUMBER, INT, TODAY, FIND, LOWER,
 *   SUBSTITUTE), so the .xlsx the local runtime writes keeps its highlighting.
 *
 * A cell is read as parseEnum reads it (core/lists.ts): case, spaces and the punctuation in
 * SEPARATORS do not matter. Two differences remain, and only for text that is no label or alias as
 * written: normalizeLabel also drops punctuation not in SEPARATORS, and folds full-width letters
 * (NFKC), which no spreadsheet function does.
 */
import { type Lang, t } from './i18n';
import { type ListCode, type ListName, namesReadAs } from './lists';
import { BLANK_STATUS, CADENCE_STATUSES, STAGES_DECIDING_STATUS, UNPLANNED_STATUSES, followsCadence } from './status';

/** A1 references, as the formula should contain them: `$W2` for one row, `$W2:$W` for a column. */
export interface FollowUpCells {
  name: string;
  stage: string;
  status: string;
  nextFollowUp: string;
}

export type ShownState = 'overdue' | 'dueToday' | 'upcoming' | 'unplanned';
export const SHOWN_STATES: readonly ShownState[] = ['overdue', 'dueToday', 'upcoming', 'unplanned'];

/** What the formula removes before comparing (normalizeLabel removes every space, punctuation and symbol). */
export const SEPARATORS = [
  ' ',
  '\u00a0',
  '\u3000',
  '·',
  '・',
  '•',
  '-',
  '_',
  '.',
  ',',
  '，',
  '、',
  '/',
  '(',
  ')',
  '（',
  '）',
  '&',
] as const;

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The cell as normalizeLabel would read it, as far as spreadsheet functions go. */
function normalized(ref: string): string {
  return SEPARATORS.reduce((inner, sep) => `SUBSTITUTE(${inner},${quote(sep)},"")`, `LOWER(""&${ref})`);
}

/** True when the cell reads as one of `names` (normalised names; '' stands for a blank cell). */
function readsAs(ref: string, names: readonly string[]): string {
  const list = `|${[...new Set(names)].join('|')}|`;
  return `ISNUMBER(FIND("|"&${normalized(ref)}&"|",${quote(list)}))`;
}

function namesOf<L extends ListName>(list: L, codes: readonly ListCode<L>[]): string[] {
  return codes.flatMap((code) => namesReadAs(list, code));
}

/** All true (booleans multiply to 1 or 0; AND would aggregate over an ARRAYFORMULA's rows). */
const all = (...conditions: string[]): string => `${conditions.map((c) => `(${c})`).join('*')}>0`;
const not = (condition: string): string => `(${condition})=FALSE`;

/**
 * True when the Stage cell reads as a stage that decides the status (Won or Lost): a client out of
 * the lead cadence and out of the pool's reach, whatever the other cells still say.
 */
export function closedStageCondition(stage: string): string {
  return readsAs(stage, namesOf('stages', STAGES_DECIDING_STATUS));
}

/**
 * The conditions under which followUpState gives each state, for one row (or, with column
 * references, for each row of an ARRAYFORMULA).
 */
export function followUpConditions(cells: FollowUpCells): Record<ShownState, string> {
  // statusFromCells: a deciding Stage first, then the Status cell, a blank one being BLANK_STATUS.
  if (STAGES_DECIDING_STATUS.some((s) => followsCadence(s))) {
    throw new Error('A stage that decides the status keeps the cadence: followUpConditions must read it.');
  }
  const closedStage = closedStageCondition(cells.stage);
  const statusIn = (codes: readonly ListCode<'statuses'>[]): string =>
    readsAs(cells.status, [...namesOf('statuses', codes), ...(codes.includes(BLANK_STATUS) ? [''] : [])]);
  const inCadence = all(not(closedStage), statusIn(CADENCE_STATUSES));
  const next = cells.nextFollowUp;
  const day = (op: '<' | '=' | '>'): string => `IF(ISNUMBER(${next}),INT(${next})${op}TODAY(),FALSE)`;
  return {
    overdue: all(inCadence, day('<')),
    dueToday: all(inCadence, day('=')),
    upcoming: all(inCadence, day('>')),
    unplanned: all(not(closedStage), statusIn(UNPLANNED_STATUSES), `${cells.name}<>""`, not(`ISNUMBER(${next})`)),
  };
}

/**
 * The state's words as CT_STATE writes them (Overdue / Due today / Upcoming / Unplanned, or the
 * Chinese), blank for a row with no client name or no state. No leading "=": wrap it in
 * ARRAYFORMULA for a whole column.
 */
export function followUpStateFormula(cells: FollowUpCells, lang: Lang): string {
  const conditions = followUpConditions(cells);
  const chain = SHOWN_STATES.reduceRight(
    (otherwise, state) => `IF(${conditions[state]},${quote(t(lang, `state.${state}`))},${otherwise})`,
    '""',
  );
  return `IF(${cells.name}="","",${chain})`;
}

/** Column letters of the cells the state column reads. */
export interface StateColumns {
  name: string;
  stage: string;
  status: string;
  nextFollowUp: string;
}

/**
 * The register's Follow-up state column: one ARRAYFORMULA for its header cell, on `headerRow` (the
 * header may sit under a title row). The header cell shows `header`; each row below with a name
 * shows its state's words (the same conditions as the highlighting); rows without a name or a state
 * get an omitted IF argument (an empty cell), not "", so the column adds no content below the table.
 */
export function stateColumnFormula(cols: StateColumns, headerRow: number, header: string, lang: Lang): string {
  const range = (col: string): string => `${col}${headerRow}:${col}`;
  const cells: FollowUpCells = {
    name: range(cols.name),
    stage: range(cols.stage),
    status: range(cols.status),
    nextFollowUp: range(cols.nextFollowUp),
  };
  const conditions = followUpConditions(cells);
  const chain = SHOWN_STATES.reduceRight(
    (otherwise, state) => `IF(${conditions[state]},${quote(t(lang, `state.${state}`))},${otherwise})`,
    '',
  );
  return `=ARRAYFORMULA(IF(ROW(${cells.name})=${headerRow},${quote(header)},IF(${cells.name}="",,${chain})))`;
}
