/**
 * Developer metadata on the spreadsheet, a sheet, or whole rows/columns.
 * Sources: https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata,
 * WS/sheets/api/reference/rest/v4/spreadsheets.developerMetadata (row metadata follows its row;
 * deleting the row deletes it), gas-fakes fakesheetrange.js for the arbitrary-range error (docs/apps-script.md#item-41).
 */
import type { DeveloperMetadataModel, GridRect, SheetModel } from '../model';
import { AppsScriptException } from '../runtime';
import type { Doc } from './doc';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './enums';
import { rangeView } from './range';
import { sheetView } from './sheet';
import { spreadsheetView } from './spreadsheet';

type GasMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type GasLocation = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
type Visibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;

export const ARBITRARY_RANGE_METADATA =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

/** Sorts out the (key, value?, visibility?) overloads. */
export function newMetadata(
  doc: Doc,
  location: DeveloperMetadataModel['location'],
  key: string,
  valueOrVisibility?: string | Visibility,
  visibility?: Visibility,
): DeveloperMetadataModel {
  let value: string | null = null;
  let vis = 'DOCUMENT';
  if (visibility !== undefined) {
    value = valueOrVisibility === undefined ? null : String(valueOrVisibility);
    vis = String(visibility);
  } else if (
    valueOrVisibility === DeveloperMetadataVisibility.DOCUMENT ||
    valueOrVisibility === DeveloperMetadataVisibility.PROJECT
  ) {
    vis = String(valueOrVisibility);
  } else if (valueOrVisibility !== undefined) {
    value = String(valueOrVisibility);
  }
  return { id: doc.allocateId(), key: String(key), value, visibility: vis as 'DOCUMENT' | 'PROJECT', location };
}

export function addRowColumnMetadata(
  doc: Doc,
  sheet: SheetModel,
  rect: GridRect,
  key: string,
  valueOrVisibility?: string | Visibility,
  visibility?: Visibility,
): void {
  const wholeRows = rect.col === 1 && rect.numCols === sheet.maxColumns;
  const wholeColumns = rect.row === 1 && rect.numRows === sheet.maxRows;
  if (wholeRows && rect.numRows === 1) {
    sheet.developerMetadata.push(
      newMetadata(doc, { type: 'ROW', index: rect.row }, key, valueOrVisibility, visibility),
    );
  } else if (wholeColumns && rect.numCols === 1) {
    sheet.developerMetadata.push(
      newMetadata(doc, { type: 'COLUMN', index: rect.col }, key, valueOrVisibility, visibility),
    );
  } else {
    throw new AppsScriptException(ARBITRARY_RANGE_METADATA);
  }
}

/** Metadata on the rows or columns of a whole-row / whole-column range. */
export function rangeMetadata(sheet: SheetModel, rect: GridRect): DeveloperMetadataModel[] {
  return sheet.developerMetadata.filter((m) => {
    if (m.location.type === 'ROW') {
      return (
        rect.col === 1 &&
        rect.numCols === sheet.maxColumns &&
        m.location.index >= rect.row &&
        m.location.index < rect.row + rect.numRows
      );
    }
    if (m.location.type === 'COLUMN') {
      return (
        rect.row === 1 &&
        rect.numRows === sheet.maxRows &&
        m.location.index >= rect.col &&
        m.location.index < rect.col + rect.numCols
      );
    }
    return false;
  });
}

/** Finds which list holds the metadata (the spreadsheet's or a sheet's). */
function owner(doc: Doc, m: DeveloperMetadataModel): DeveloperMetadataModel[] | null {
  if (doc.model.developerMetadata.includes(m)) return doc.model.developerMetadata;
  return doc.model.sheets.find((s) => s.developerMetadata.includes(m))?.developerMetadata ?? null;
}

export class EmulatedDeveloperMetadata implements Pick<
  GasMetadata,
  'getId' | 'getKey' | 'getValue' | 'getVisibility' | 'getLocation' | 'setKey' | 'setValue' | 'remove'
> {
  /** The class name, as live Apps Script prints its objects (gas-fakes test/testsheets*.js, run on live). */
  toString(): string {
    return 'DeveloperMetadata';
  }

  constructor(
    private readonly doc: Doc,
    private readonly sheet: SheetModel | null,
    readonly model: DeveloperMetadataModel,
  ) {}

  private get api(): GasMetadata {
    return this as unknown as GasMetadata;
  }

  getId(): number {
    this.doc.call('DeveloperMetadata.getId', 'document.read');
    return this.model.id;
  }
  getKey(): string {
    this.doc.call('DeveloperMetadata.getKey', 'document.read');
    return this.model.key;
  }
  getValue(): string | null {
    this.doc.call('DeveloperMetadata.getValue', 'document.read');
    return this.model.value;
  }
  getVisibility(): Visibility {
    this.doc.call('DeveloperMetadata.getVisibility', 'document.read');
    return DeveloperMetadataVisibility[this.model.visibility];
  }
  getLocation(): GasLocation {
    this.doc.call('DeveloperMetadata.getLocation', 'document.read');
    const { doc, sheet } = this;
    const loc = this.model.location;
    const location: Pick<GasLocation, 'getLocationType' | 'getRow' | 'getColumn' | 'getSheet' | 'getSpreadsheet'> = {
      getLocationType: () => DeveloperMetadataLocationType[loc.type],
      getRow: () =>
        loc.type === 'ROW' && sheet
          ? rangeView(doc, sheet, { row: loc.index, col: 1, numRows: 1, numCols: sheet.maxColumns })
          : null,
      getColumn: () =>
        loc.type === 'COLUMN' && sheet
          ? rangeView(doc, sheet, { row: 1, col: loc.index, numRows: sheet.maxRows, numCols: 1 })
          : null,
      getSheet: () => (loc.type !== 'SPREADSHEET' && sheet ? sheetView(doc, sheet) : null),
      getSpreadsheet: () => (loc.type === 'SPREADSHEET' ? spreadsheetView(doc) : null),
    };
    return location as GasLocation;
  }
  setKey(key: string): GasMetadata {
    this.doc.write('DeveloperMetadata.setKey', this.sheet);
    this.model.key = String(key);
    return this.api;
  }
  setValue(value: string): GasMetadata {
    this.doc.write('DeveloperMetadata.setValue', this.sheet);
    this.model.value = value === null ? null : String(value);
    return this.api;
  }
  remove(): void {
    this.doc.write('DeveloperMetadata.remove', this.sheet);
    const list = owner(this.doc, this.model);
    if (list) list.splice(list.indexOf(this.model), 1);
  }
}

export function metadataView(doc: Doc, sheet: SheetModel | null, m: DeveloperMetadataModel): GasMetadata {
  return new EmulatedDeveloperMetadata(doc, sheet, m) as unknown as GasMetadata;
}
