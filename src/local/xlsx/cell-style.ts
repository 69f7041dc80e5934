/** Cell formatting between the model's CellStyle and exceljs' Style. */
import type { Alignment, Color, Fill, Font, Style } from 'exceljs';
import type { CellStyle, FontStyle } from '../emulator/model';

/** Size of the theme font every cell of a workbook made by Excel carries; not worth a style run. */
const THEME_FONT_SIZE = 11;

/** Later styles win per property; font properties merge one by one. */
export function mergeStyle(base: CellStyle, over: CellStyle): CellStyle {
  const merged: CellStyle = { ...base, ...over };
  if (base.font && over.font) merged.font = { ...base.font, ...over.font };
  return canonicalStyle(merged);
}

/**
 * Same properties in a fixed order, with undefined and false flags (the defaults) dropped, so
 * equal-looking styles have equal keys.
 */
export function canonicalStyle(style: CellStyle): CellStyle {
  const out: CellStyle = {};
  if (style.numberFormat !== undefined) out.numberFormat = style.numberFormat;
  const font = style.font ? canonicalFont(style.font) : undefined;
  if (font) out.font = font;
  if (style.background !== undefined) out.background = style.background;
  if (style.horizontalAlignment !== undefined) out.horizontalAlignment = style.horizontalAlignment;
  if (style.verticalAlignment !== undefined) out.verticalAlignment = style.verticalAlignment;
  if (style.wrap) out.wrap = true;
  return out;
}

function canonicalFont(font: FontStyle): FontStyle | undefined {
  const out: FontStyle = {};
  if (font.bold) out.bold = true;
  if (font.italic) out.italic = true;
  if (font.color !== undefined) out.color = font.color;
  if (font.size !== undefined) out.size = font.size;
  if (font.family !== undefined) out.family = font.family;
  return Object.keys(out).length ? out : undefined;
}

export function styleKey(style: CellStyle): string {
  return JSON.stringify(style);
}

export function isEmptyStyle(style: CellStyle): boolean {
  return Object.keys(style).length === 0;
}

/** '#rrggbb' to exceljs' 'FFRRGGBB'. */
export function toArgb(color: string): string {
  const hex = color.replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((ch) => ch + ch).join('') : hex;
  return `FF${full.toUpperCase()}`;
}

/** exceljs' 'FFRRGGBB' (or 'RRGGBB') to '#rrggbb'; undefined for theme or indexed colours. */
export function fromColor(color: Partial<Color> | undefined): string | undefined {
  const argb = color?.argb;
  if (typeof argb !== 'string' || !/^([0-9a-f]{2})?[0-9a-f]{6}$/i.test(argb)) return undefined;
  return `#${argb.slice(-6).toLowerCase()}`;
}

export function toExcelStyle(style: CellStyle): Partial<Style> {
  const out: Partial<Style> = {};
  if (style.numberFormat !== undefined) out.numFmt = style.numberFormat;
  if (style.font) {
    const font: Partial<Font> = {};
    if (style.font.bold !== undefined) font.bold = style.font.bold;
    if (style.font.italic !== undefined) font.italic = style.font.italic;
    if (style.font.color !== undefined) font.color = { argb: toArgb(style.font.color) };
    if (style.font.size !== undefined) font.size = style.font.size;
    if (style.font.family !== undefined) font.name = style.font.family;
    out.font = font;
  }
  if (style.background !== undefined) out.fill = solidFill(style.background);
  if (style.horizontalAlignment || style.verticalAlignment || style.wrap !== undefined) {
    const alignment: Partial<Alignment> = {};
    if (style.horizontalAlignment) alignment.horizontal = style.horizontalAlignment;
    if (style.verticalAlignment) alignment.vertical = style.verticalAlignment;
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    out.alignment = alignment;
  }
  return out;
}

export function solidFill(color: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: toArgb(color) } };
}

export function fromExcelStyle(style: Partial<Style> | undefined | null): CellStyle {
  if (!style) return {};
  const out: CellStyle = {};
  if (style.numFmt && style.numFmt !== 'General') out.numberFormat = style.numFmt;
  const font = style.font ? fromExcelFont(style.font) : undefined;
  if (font) out.font = font;
  const fill = style.fill;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
    const background = fromColor(fill.fgColor) ?? fromColor(fill.bgColor);
    if (background) out.background = background;
  }
  const alignment = style.alignment;
  if (alignment) {
    const horizontal = alignment.horizontal;
    if (horizontal === 'left' || horizontal === 'center' || horizontal === 'right')
      out.horizontalAlignment = horizontal;
    const vertical = alignment.vertical;
    if (vertical === 'top' || vertical === 'middle' || vertical === 'bottom') out.verticalAlignment = vertical;
    if (alignment.wrapText !== undefined) out.wrap = Boolean(alignment.wrapText);
  }
  return canonicalStyle(out);
}

function fromExcelFont(font: Partial<Font>): FontStyle | undefined {
  const out: FontStyle = {};
  if (font.bold !== undefined) out.bold = Boolean(font.bold);
  if (font.italic !== undefined) out.italic = Boolean(font.italic);
  const color = fromColor(font.color);
  if (color) out.color = color;
  // A font with a scheme is the workbook's theme font: its name is the default, and so is size 11.
  const themed = font.scheme === 'minor' || font.scheme === 'major';
  if (font.size !== undefined && !(themed && font.size === THEME_FONT_SIZE)) out.size = font.size;
  if (font.name !== undefined && !themed) out.family = font.name;
  return canonicalFont(out);
}
