/**
 * The follow-up state written as spreadsheet formulas (core/follow-up-formula.ts) gives what the
 * core rule (followUpState over statusFromCells) and CT_STATE give, for every Stage and Status name
 * of both languages with their aliases, typed variants, blanks and junk, and next follow-ups past,
 * today, ahead, blank and not a date. The formulas run through the playground's evaluator, which
 * evaluates the highlighting rules the same way.
 */
import { dayKey } from '../../src/core/dates';
import { followUpConditions, followUpStateFormula, SHOWN_STATES } from '../../src/core/follow-up-formula';
import { ctState } from '../../src/core/formulas';
import type { Lang } from '../../src/core/i18n';
import { LISTS, type ListItem, parseEnum } from '../../src/core/lists';
import { type FollowUpState, followUpState, statusFromCells } from '../../src/core/status';
import { parseFormula, type FormulaValue } from '../../src/local/emulator/formula';
import { itemLabels } from '../../src/core/lists';

const TODAY = 46083; // 2 March 2026 as a Sheets day number
const DAY_MS = 86_400_000;
const SHEETS_EPOCH = Date.UTC(1899, 11, 30);
const asDate = (serial: number): Date => new Date(SHEETS_EPOCH + serial * DAY_MS);
const COLS = { name: 1, stage: 2, status: 3, next: 4 };
const CELLS = { name: '$A1', stage: '$B1', status: '$C1', nextFollowUp: '$D1' };

/**
 * Every name a list reads; for the names the rule turns on (Won, Lost; every status) also what people
 * type: other case, spaces and separators.
 */
function typed(list: 'stages' | 'statuses'): FormulaValue[] {
  const items = LISTS[list] as readonly ListItem[];
  const names = (i: ListItem) => [i.code, ...itemLabels(i), ...i.aliases];
  const varied = items.filter((i) => list === 'statuses' || i.code === 'won' || i.code === 'lost').flatMap(names);
  return [
    ...items.flatMap(names),
    ...varied.map((n) => n.toUpperCase()),
    ...varied.map((n) => ` ${n.replace(/ /g, '-')} `),
    '成交·入会',
    'Closed_Lost',
    'In-pool',
    '（已成交）',
    '',
    'maybe next year',
    42,
  ];
}

const NEXT: FormulaValue[] = [TODAY - 110, TODAY - 1, TODAY + 0.75, TODAY, TODAY + 1, TODAY + 30, null, 'next week'];

/** What the core says for one row of cells. */
function coreState(stage: FormulaValue, status: FormulaValue, next: FormulaValue): FollowUpState {
  const blank = status === null || (typeof status === 'string' && status.trim() === '');
  const s = statusFromCells(parseEnum('stages', stage), parseEnum('statuses', status), blank);
  if (s === null) return 'none';
  const day = typeof next === 'number' ? dayKey(asDate(next), 'UTC') : null;
  return followUpState(s, day, dayKey(asDate(TODAY), 'UTC'));
}

/**
 * Every Stage name beside each kind of Status cell, and every Status name beside each kind of Stage
 * cell, the next follow-up turning through NEXT from row to row; and the short pairs with every NEXT.
 */
function rows(): { stage: FormulaValue; status: FormulaValue; next: FormulaValue }[] {
  const kindsOfStatus: FormulaValue[] = ['Active', '休眠', 'In pool', 'Won', '流失', '', 'maybe'];
  const kindsOfStage: FormulaValue[] = ['A', 'B2 · 方案与考察', 'Won', '流失', '', 'maybe'];
  const out: { stage: FormulaValue; status: FormulaValue; next: FormulaValue }[] = [];
  const turn = () => NEXT[out.length % NEXT.length];
  for (const stage of typed('stages')) for (const status of kindsOfStatus) out.push({ stage, status, next: turn() });
  for (const status of typed('statuses')) for (const stage of kindsOfStage) out.push({ stage, status, next: turn() });
  for (const stage of kindsOfStage) {
    for (const status of kindsOfStatus) for (const next of NEXT) out.push({ stage, status, next });
  }
  return out;
}

function scopeFor(row: { name?: FormulaValue; stage: FormulaValue; status: FormulaValue; next: FormulaValue }) {
  const values: Record<number, FormulaValue> = {
    [COLS.name]: row.name ?? 'Acme',
    [COLS.stage]: row.stage,
    [COLS.status]: row.status,
    [COLS.next]: row.next,
  };
  return { today: TODAY, cell: (_r: number, c: number) => values[c] ?? null };
}

describe('the follow-up state as spreadsheet formulas', () => {
  const conditions = followUpConditions(CELLS);
  const compiled = SHOWN_STATES.map((state) => [state, parseFormula(`=${conditions[state]}`)] as const);
  const all = rows();

  test(`each condition holds exactly where the core rule gives its state (${all.length} rows)`, () => {
    const disagreements: string[] = [];
    for (const row of all) {
      const scope = scopeFor(row);
      const shown = compiled.filter(([, f]) => f.evaluate(scope, 0, 0) === true).map(([s]) => s);
      const expected = coreState(row.stage, row.status, row.next);
      const want = expected === 'none' ? [] : [expected];
      if (JSON.stringify(shown) !== JSON.stringify(want)) {
        disagreements.push(`${JSON.stringify(row)}: formula ${shown.join('+') || 'none'}, core ${expected}`);
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  });

  test('Won, Lost and pool clients 110 days past their next follow-up show nothing', () => {
    for (const [stage, status] of [
      ['Won', 'Won'],
      ['成交', '跟进中'], // Stage typed on a phone; Status not yet recomputed
      ['签单', ''],
      ['Lost', 'Active'],
      ['流失', '流失'],
      ['B2 · Proposal & site visit', 'In pool'],
      ['', '公海'],
    ]) {
      const scope = scopeFor({ stage, status, next: TODAY - 110 });
      expect(compiled.filter(([, f]) => f.evaluate(scope, 0, 0) === true)).toEqual([]);
      expect(compiled.filter(([, f]) => f.evaluate(scopeFor({ stage, status, next: null }), 0, 0) === true)).toEqual(
        [],
      );
    }
  });

  test('an Active or Dormant lead 110 days past its next follow-up is overdue; with none, an Active one is unplanned', () => {
    const shown = (stage: string, status: string, next: FormulaValue) =>
      compiled.filter(([, f]) => f.evaluate(scopeFor({ stage, status, next }), 0, 0) === true).map(([s]) => s);
    expect(shown('B3 · Negotiation', 'Active', TODAY - 110)).toEqual(['overdue']);
    expect(shown('A', '休眠', TODAY - 110)).toEqual(['overdue']);
    expect(shown('A', '', null)).toEqual(['unplanned']);
    expect(shown('A', 'Dormant', null)).toEqual([]);
  });

  test('a row with no client name shows no state', () => {
    const state = parseFormula(`=${followUpStateFormula(CELLS, 'en')}`);
    expect(state.evaluate(scopeFor({ name: '', stage: '', status: '', next: null }), 0, 0)).toBe('');
  });

  test.each(['en', 'zh-CN'] as Lang[])('the state formula writes what CT_STATE writes (%s), on every row', (lang) => {
    const state = parseFormula(`=${followUpStateFormula(CELLS, lang)}`);
    // CT_STATE is given the cells as Apps Script passes them: dates as Dates, blanks as ''.
    const cell = (v: FormulaValue) => (v === null ? '' : typeof v === 'number' && v > 40000 ? asDate(v) : v);
    const sample = all;
    const formula = sample.map((row) => state.evaluate(scopeFor(row), 0, 0));
    const custom = ctState(
      [
        sample.map((r) => [cell(r.next)]),
        sample.map((r) => [cell(r.status)]),
        asDate(TODAY),
        sample.map((r) => [cell(r.stage)]),
      ],
      'UTC',
      lang,
    ) as unknown[][];
    const differ = sample
      .map((row, i) => ({ row, formula: formula[i], custom: custom[i][0] }))
      .filter((d) => d.formula !== d.custom && !String(d.custom).startsWith('CT_'))
      // CT_STATE has no name argument: a row blank in all its arguments is no client to it.
      .filter((d) => [d.row.next, d.row.status, d.row.stage].some((v) => v !== null && v !== ''));
    expect(differ.slice(0, 5)).toEqual([]);
    // CT_STATE says why a Status it cannot read is no status; the formula shows nothing there. (A
    // next follow-up that is no date reads as none, as in the reports; CT_STATE says it is no date.)
    const unreadable = sample.flatMap((_, i) => (String(custom[i][0]).startsWith('CT_STATE: status') ? [i] : []));
    expect(unreadable.length).toBeGreaterThan(0);
    expect(unreadable.map((i) => formula[i]).filter((f) => f !== '')).toEqual([]);
  });

  test('one text serves a single row and a whole column (no AND or OR, which would aggregate an ARRAYFORMULA)', () => {
    for (const text of Object.values(followUpConditions({ ...CELLS, name: '$A2:$A' }))) {
      expect(text).not.toMatch(/\b(AND|OR)\(/);
    }
  });
});
