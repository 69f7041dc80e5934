/** Conventions shared by save and load: the helper tab, the workbook's keyword, column widths. */

/** The very hidden tab holding lists too long for an inline validation rule; load skips it. */
export const LISTS_SHEET = '_lists';

/** Marks workbooks we wrote; the keywords also carry the time zone and locale. */
export const WORKBOOK_KEYWORD = 'client-tracker';

/** exceljs' width for a column without one; a width exactly this reads back as "not set". */
const EXCELJS_DEFAULT_WIDTH = 9;

/** Excel measures widths in characters of the default font: about 7 px each plus 5 px of padding. */
export function pxToWidth(px: number): number {
  const width = (px - 5) / 7;
  return width === EXCELJS_DEFAULT_WIDTH ? width + 1e-6 : width;
}

export function widthToPx(width: number): number {
  return Math.round(width * 7 + 5);
}

export function isExplicitWidth(width: number | undefined): width is number {
  return width !== undefined && width !== EXCELJS_DEFAULT_WIDTH;
}

export function workbookSetting(keywords: string | undefined, name: 'timeZone' | 'locale'): string | undefined {
  if (!keywords?.split(/\s+/).includes(WORKBOOK_KEYWORD)) return undefined;
  return new RegExp(`(?:^|\\s)${name}=(\\S+)`).exec(keywords)?.[1];
}
