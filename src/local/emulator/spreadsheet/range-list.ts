/**
 * RangeList: ranges of one sheet formatted together. Each method is ONE service call however many
 * ranges the list holds — that is why a script batches same-styled ranges into a list.
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet/range-list (setters
 * return the list for chaining; getRanges returns the ranges) and
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String)
 * (a non-empty list of A1 notations on the same sheet).
 */
import { cellKey, type GridRect, type SheetModel } from '../model';
import { AppsScriptException } from '../runtime';
import { normalizeColor } from './colors';
import type { Doc } from './doc';
import { rangeView, storedNumberFormat } from './range';
import { applyStyle, clearStyles, type StylePatch } from './styles';
import { applyValidation } from './validation';
import { clearValues } from './values';

type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** The RangeList methods the emulator implements; anything else is absent at run time. */
export type RangeListMethods =
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getRanges'
  | 'setBackground'
  | 'setFontColor'
  | 'setFontFamily'
  | 'setFontSize'
  | 'setFontStyle'
  | 'setFontWeight'
  | 'setHorizontalAlignment'
  | 'setNumberFormat'
  | 'setVerticalAlignment'
  | 'setWrap';

export class EmulatedRangeList implements Pick<GasRangeList, RangeListMethods> {
  /** The class name, as live Apps Script prints its objects (gas-fakes test/testsheets*.js, run on live). */
  toString(): string {
    return 'RangeList';
  }

  constructor(
    readonly doc: Doc,
    readonly sheetModel: SheetModel,
    readonly rects: readonly GridRect[],
  ) {}

  private get api(): GasRangeList {
    return this as unknown as GasRangeList;
  }

  /** One counted write (and one lock-audit record) for the whole list, then the change on each range. */
  private each(method: string, change: (rect: GridRect) => void): GasRangeList {
    this.doc.write(`RangeList.${method}`, this.sheetModel);
    for (const rect of this.rects) change(rect);
    return this.api;
  }

  private style(method: string, patch: StylePatch): GasRangeList {
    return this.each(method, (rect) => applyStyle(this.sheetModel, rect, patch));
  }

  getRanges(): GasRange[] {
    this.doc.call('RangeList.getRanges', 'document.read');
    return this.rects.map((rect) => rangeView(this.doc, this.sheetModel, rect));
  }

  // ---- formats (the same patches as the Range setters)

  setBackground(color: string | null): GasRangeList {
    return this.style('setBackground', { background: color === null ? null : normalizeColor(color) });
  }
  setFontColor(color: string | null): GasRangeList {
    return this.style('setFontColor', { font: { color: color === null ? null : normalizeColor(color) } });
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRangeList {
    return this.style('setFontWeight', { font: { bold: fontWeight === null ? null : fontWeight === 'bold' } });
  }
  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): GasRangeList {
    return this.style('setFontStyle', { font: { italic: fontStyle === null ? null : fontStyle === 'italic' } });
  }
  setFontSize(size: number): GasRangeList {
    return this.style('setFontSize', { font: { size: Number(size) } });
  }
  setFontFamily(fontFamily: string | null): GasRangeList {
    return this.style('setFontFamily', { font: { family: fontFamily } });
  }
  setNumberFormat(format: string): GasRangeList {
    return this.style('setNumberFormat', { numberFormat: storedNumberFormat(format) });
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GasRangeList {
    const value = alignment === null || alignment === 'normal' ? null : alignment;
    return this.style('setHorizontalAlignment', { horizontalAlignment: value });
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GasRangeList {
    return this.style('setVerticalAlignment', { verticalAlignment: alignment });
  }
  setWrap(isWrapEnabled: boolean): GasRangeList {
    return this.style('setWrap', { wrap: Boolean(isWrapEnabled) });
  }

  // ---- clearing (as Range.clear: clearing formats also clears data validation)

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GasRangeList {
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    return this.each('clear', (rect) => {
      if (!any || o.contentsOnly) clearValues(this.sheetModel, rect);
      if (!any || o.formatOnly) clearStyles(this.sheetModel, rect);
      if (!any || o.formatOnly || o.validationsOnly) applyValidation(this.sheetModel, rect, null);
      if (o.commentsOnly) this.dropNotes(rect);
    });
  }
  clearContent(): GasRangeList {
    return this.each('clearContent', (rect) => clearValues(this.sheetModel, rect));
  }
  clearFormat(): GasRangeList {
    return this.each('clearFormat', (rect) => clearStyles(this.sheetModel, rect));
  }
  clearDataValidations(): GasRangeList {
    return this.each('clearDataValidations', (rect) => applyValidation(this.sheetModel, rect, null));
  }
  clearNote(): GasRangeList {
    return this.each('clearNote', (rect) => this.dropNotes(rect));
  }

  private dropNotes(rect: GridRect): void {
    for (let r = rect.row - 1; r < rect.row - 1 + rect.numRows; r++) {
      for (let c = rect.col - 1; c < rect.col - 1 + rect.numCols; c++) this.sheetModel.notes.delete(cellKey(r, c));
    }
  }
}

/**
 * The list for Sheet.getRangeList, its ranges already checked against the sheet. [U] the wording for
 * an empty list: the reference only says the list must be non-empty.
 */
export function rangeListView(doc: Doc, sheet: SheetModel, rects: GridRect[]): GasRangeList {
  if (rects.length === 0) throw new AppsScriptException('Invalid argument: a1Notations must not be empty.');
  return new EmulatedRangeList(
    doc,
    sheet,
    rects.map((r) => ({ ...r })),
  ) as unknown as GasRangeList;
}
