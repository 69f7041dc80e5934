/**
 * Conditional format rules between the model and Excel. Each model condition is written as the rule
 * Excel itself would make for it, with the formula spelled out, and read back from that shape:
 * "date is before" has no Excel rule type, so it travels as an expression in a fixed form.
 */
import type { ConditionalFormattingOptions, ConditionalFormattingRule, Style } from 'exceljs';
import type { ConditionalCondition, ConditionalFormatRule, GridRect } from '../emulator/model';
import { cellA1, parseRectA1, rectA1 } from './a1';
import { fromColor, toArgb } from './cell-style';

type DateBefore = Extract<ConditionalCondition, { type: 'DATE_BEFORE' }>['relative'];
type DateEqual = Extract<ConditionalCondition, { type: 'DATE_EQUAL_TO' }>['relative'];

const BEFORE_OFFSET: Record<DateBefore, string> = { TODAY: '', TOMORROW: '+1', YESTERDAY: '-1', PAST_WEEK: '-7' };
const TIME_PERIOD: Record<DateEqual, 'today' | 'tomorrow' | 'yesterday'> = {
  TODAY: 'today',
  TOMORROW: 'tomorrow',
  YESTERDAY: 'yesterday',
};
const TIME_PERIOD_OFFSET: Record<DateEqual, string> = { TODAY: '', TOMORROW: '+1', YESTERDAY: '-1' };

/** `priority` 1 is evaluated first, like the first rule in Sheets' list. */
export function toExcelConditionalFormatting(
  rule: ConditionalFormatRule,
  priority: number,
): ConditionalFormattingOptions {
  const ref = rule.ranges.map(rectA1).join(' ');
  const first = rule.ranges[0];
  const cell = first ? cellA1(first.row, first.col) : 'A1';
  const style = toDxfStyle(rule.format);
  return { ref, rules: [toExcelRule(rule.condition, cell, priority, style)] };
}

function toExcelRule(
  condition: ConditionalCondition,
  cell: string,
  priority: number,
  style: Partial<Style>,
): ConditionalFormattingRule {
  const expression = (formula: string): ConditionalFormattingRule => ({
    type: 'expression',
    priority,
    style,
    formulae: [formula],
  });
  switch (condition.type) {
    case 'CUSTOM_FORMULA':
      return expression(condition.formula.replace(/^=/, ''));
    // Excel's own "blanks" rules carry these formulas; written as expressions because exceljs would
    // add an operator attribute Excel's schema does not allow on them.
    case 'CELL_EMPTY':
      return expression(`LEN(TRIM(${cell}))=0`);
    case 'CELL_NOT_EMPTY':
      return expression(`LEN(TRIM(${cell}))>0`);
    case 'DATE_BEFORE':
      return expression(`AND(ISNUMBER(${cell}),${cell}<TODAY()${BEFORE_OFFSET[condition.relative]})`);
    case 'DATE_EQUAL_TO':
      return {
        type: 'timePeriod',
        priority,
        style,
        timePeriod: TIME_PERIOD[condition.relative],
        formulae: [`FLOOR(${cell},1)=TODAY()${TIME_PERIOD_OFFSET[condition.relative]}`],
      } as ConditionalFormattingRule;
    case 'TEXT_EQUAL_TO':
      return { type: 'cellIs', operator: 'equal', priority, style, formulae: [excelString(condition.text)] };
  }
}

function toDxfStyle(format: ConditionalFormatRule['format']): Partial<Style> {
  const style: Partial<Style> = {};
  const font: Partial<Style['font']> = {};
  if (format.bold) font.bold = true;
  if (format.italic) font.italic = true;
  if (format.strikethrough) font.strike = true;
  if (format.fontColor) font.color = { argb: toArgb(format.fontColor) };
  if (Object.keys(font).length) style.font = font;
  if (format.background) {
    // In a differential format Excel paints bgColor; fgColor too keeps other readers happy.
    const color = { argb: toArgb(format.background) };
    style.fill = { type: 'pattern', pattern: 'solid', fgColor: color, bgColor: color };
  }
  return style;
}

function excelString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** One model rule per Excel rule the model can express, in Excel's priority order. */
export function fromExcelConditionalFormattings(blocks: ConditionalFormattingOptions[]): ConditionalFormatRule[] {
  const found: { priority: number; order: number; rule: ConditionalFormatRule }[] = [];
  for (const block of blocks) {
    const ranges = block.ref
      .split(/\s+/)
      .map(parseRectA1)
      .filter((rect): rect is GridRect => rect !== null);
    if (!ranges.length) continue;
    const cell = cellA1(ranges[0].row, ranges[0].col);
    for (const excelRule of block.rules) {
      const condition = fromExcelRule(excelRule, cell);
      if (!condition) continue;
      const rule: ConditionalFormatRule = {
        ranges: ranges.map((r) => ({ ...r })),
        condition,
        format: fromDxfStyle(excelRule.style),
      };
      found.push({ priority: excelRule.priority ?? Number.MAX_SAFE_INTEGER, order: found.length, rule });
    }
  }
  return found.sort((a, b) => a.priority - b.priority || a.order - b.order).map((f) => f.rule);
}

function fromExcelRule(rule: ConditionalFormattingRule, cell: string): ConditionalCondition | null {
  const formula: unknown = 'formulae' in rule ? rule.formulae?.[0] : undefined;
  switch (rule.type) {
    case 'expression':
      return typeof formula === 'string' ? fromExpression(formula, cell) : null;
    case 'containsText':
      if (rule.operator === 'containsBlanks') return { type: 'CELL_EMPTY' };
      if (rule.operator === 'notContainsBlanks') return { type: 'CELL_NOT_EMPTY' };
      return null;
    case 'timePeriod': {
      const relative = (Object.keys(TIME_PERIOD) as DateEqual[]).find((k) => TIME_PERIOD[k] === rule.timePeriod);
      return relative ? { type: 'DATE_EQUAL_TO', relative } : null;
    }
    case 'cellIs': {
      const text = typeof formula === 'string' ? /^"((?:[^"]|"")*)"$/.exec(formula) : null;
      return rule.operator === 'equal' && text ? { type: 'TEXT_EQUAL_TO', text: text[1].replace(/""/g, '"') } : null;
    }
    default:
      return null;
  }
}

function fromExpression(formula: string, cell: string): ConditionalCondition {
  if (formula === `LEN(TRIM(${cell}))=0`) return { type: 'CELL_EMPTY' };
  if (formula === `LEN(TRIM(${cell}))>0`) return { type: 'CELL_NOT_EMPTY' };
  for (const relative of Object.keys(BEFORE_OFFSET) as DateBefore[]) {
    if (formula === `AND(ISNUMBER(${cell}),${cell}<TODAY()${BEFORE_OFFSET[relative]})`) {
      return { type: 'DATE_BEFORE', relative };
    }
  }
  return { type: 'CUSTOM_FORMULA', formula: `=${formula}` };
}

function fromDxfStyle(style: Partial<Style> | undefined): ConditionalFormatRule['format'] {
  const format: ConditionalFormatRule['format'] = {};
  const fill = style?.fill;
  if (fill && fill.type === 'pattern') {
    const background = fromColor(fill.bgColor) ?? fromColor(fill.fgColor);
    if (background) format.background = background;
  }
  const font = style?.font;
  if (font) {
    const fontColor = fromColor(font.color);
    if (fontColor) format.fontColor = fontColor;
    if (font.bold) format.bold = true;
    if (font.italic) format.italic = true;
    if (font.strike) format.strikethrough = true;
  }
  return format;
}
