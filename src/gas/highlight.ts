/**
 * Live highlighting on the Clients tab: conditional format rules whose formulas use TODAY(), so
 * overdue/due/unplanned/pool-soon show as days pass without any script run. Each rule carries a tag
 * (N("ct:…") is 0 in Sheets, so it changes nothing) that lets setup find and replace only its own
 * rules, leaving the user's rules alone. Colours are paired with bold/italic/strikethrough so the
 * states differ without colour too.
 */
import type { Settings } from '../core/settings';
import { stateCondition } from '../core/follow-up-rule';
import { columnLetters } from './a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export type HighlightState = 'overdue' | 'dueToday' | 'unplanned' | 'poolSoon';

export interface HighlightStyle {
  background: string;
  fontColor: string;
  bold?: boolean;
  italic?: boolean;
}

/** Colour-blind-safe pairs (dark text on light fills; distinct lightness, not just hue). */
export const HIGHLIGHT_STYLES: Record<HighlightState, HighlightStyle> = {
  overdue: { background: '#f4c7c3', fontColor: '#7f0000', bold: true },
  dueToday: { background: '#fde9a9', fontColor: '#5c4400' },
  unplanned: { background: '#e0e0e0', fontColor: '#424242', italic: true },
  poolSoon: { background: '#d5cfe8', fontColor: '#311b6b', italic: true },
};

const TAG = 'ct:';

export interface ClientColumns {
  /** 1-based columns on the Clients tab */
  name: number;
  status: number;
  nextFollowUp: number;
  poolRelease: number;
  lastColumn: number;
}

/**
 * The rule formulas, written for row 2 with absolute columns (Sheets shifts the row per cell). The
 * follow-up states print core/follow-up-rule.ts's conditions, the same ones the register's state
 * column and CT_STATE follow, so a row's colour and its state word cannot disagree.
 */
export function highlightFormulas(
  cols: ClientColumns,
  settings: Pick<Settings, 'poolWarningDays'>,
): Record<HighlightState, string> {
  const refs = {
    next: `$${columnLetters(cols.nextFollowUp)}2`,
    status: `$${columnLetters(cols.status)}2`,
    name: `$${columnLetters(cols.name)}2`,
  };
  const pool = `$${columnLetters(cols.poolRelease)}2`;
  const tag = (state: HighlightState): string => `N("${TAG}${state}")=0`;
  const state = (s: 'overdue' | 'dueToday' | 'unplanned'): string =>
    `=AND(${tag(s)},${refs.name}<>"",${stateCondition(s, refs, 'cell')})`;
  return {
    overdue: state('overdue'),
    dueToday: state('dueToday'),
    unplanned: state('unplanned'),
    poolSoon: `=AND(${tag('poolSoon')},ISNUMBER(${pool}),INT(${pool})-TODAY()<=${settings.poolWarningDays})`,
  };
}

export function clientHighlightRules(
  sheet: Sheet,
  cols: ClientColumns,
  settings: Pick<Settings, 'poolWarningDays'>,
): Rule[] {
  const range = sheet.getRange(2, 1, Math.max(sheet.getMaxRows() - 1, 1), cols.lastColumn);
  const formulas = highlightFormulas(cols, settings);
  return (Object.keys(formulas) as HighlightState[]).map((state) => {
    const style = HIGHLIGHT_STYLES[state];
    let builder = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(formulas[state])
      .setBackground(style.background)
      .setFontColor(style.fontColor)
      .setRanges([range]);
    if (style.bold) builder = builder.setBold(true);
    if (style.italic) builder = builder.setItalic(true);
    return builder.build();
  });
}

function ruleFormula(rule: Rule): string {
  const condition = rule.getBooleanCondition();
  const values = condition ? condition.getCriteriaValues() : [];
  return values.length > 0 ? String(values[0]) : '';
}

export function isOurRule(rule: Rule): boolean {
  return ruleFormula(rule).includes(`N("${TAG}`);
}

function signature(rule: Rule): string {
  return `${ruleFormula(rule)}@${rule
    .getRanges()
    .map((r) => r.getA1Notation())
    .join(',')}`;
}

/**
 * Puts our rules after the user's own (theirs keep priority). Returns false when ours were already
 * exactly these, so a second setup run changes nothing.
 */
export function applyHighlightRules(sheet: Sheet, ours: Rule[]): boolean {
  const existing = sheet.getConditionalFormatRules();
  const theirs = existing.filter((r) => !isOurRule(r));
  const current = existing.filter(isOurRule);
  if (current.length === ours.length && current.every((r, i) => signature(r) === signature(ours[i]))) return false;
  sheet.setConditionalFormatRules([...theirs, ...ours]);
  return true;
}
