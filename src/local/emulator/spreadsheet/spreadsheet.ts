/**
 * Spreadsheet: the file. Reference: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet;
 * behaviour the reference leaves open is a switch in docs/google-readings.md.
 */
import { newSheetModel, type NamedRangeModel, type SheetModel } from '../model';
import { AppsScriptException } from '../runtime';
import { parseA1, refToRect, wholeOf } from './a1';
import { isValidTimeZone, toSerial, fromSerial } from './dates';
import { cursorOf, type Doc } from './doc';
import { metadataView, newMetadata } from './metadata';
import { protectionView } from './protection';
import { checkedRect, fromApiRange, rangeView } from './range';
import { assertSheetNameFree, fromApiSheet, sheetView } from './sheet';
import { checkCellLimit } from './values';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
type User = GoogleAppsScript.Base.User;

export type SpreadsheetMethods =
  | 'addDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'deleteSheet'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getCurrentCell'
  | 'getDeveloperMetadata'
  | 'getEditors'
  | 'getId'
  | 'getName'
  | 'getNamedRanges'
  | 'getNumSheets'
  | 'getProtections'
  | 'getRange'
  | 'getRangeByName'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'getViewers'
  | 'insertSheet'
  | 'removeNamedRange'
  | 'rename'
  | 'setActiveSheet'
  | 'setNamedRange'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast';

/** A toast as the UI would show it; tests read them from env.services.get('toasts'). */
export interface ToastRecord {
  message: string;
  title: string;
  /** seconds; null = default 5 s, negative = until dismissed (docs/apps-script.md#item-47) */
  timeoutSeconds: number | null;
  executionId: number;
}

function user(email: string): User {
  const u: Pick<User, 'getEmail'> = { getEmail: () => email };
  return u as User;
}

export class EmulatedSpreadsheet implements Pick<GasSpreadsheet, SpreadsheetMethods> {
  /** The class name, as live Apps Script prints its objects (gas-fakes test/testsheets*.js, run on live). */
  toString(): string {
    return 'Spreadsheet';
  }

  constructor(readonly doc: Doc) {}

  private get model() {
    return this.doc.model;
  }

  private read(method: string): void {
    this.doc.call(`Spreadsheet.${method}`, 'document.read');
  }

  private write(method: string, sheet: SheetModel | null = null): void {
    this.doc.write(`Spreadsheet.${method}`, sheet);
  }

  getId(): string {
    this.read('getId');
    return this.model.id;
  }
  getName(): string {
    this.read('getName');
    return this.model.name;
  }
  rename(newName: string): void {
    this.write('rename');
    this.model.name = String(newName);
  }
  getUrl(): string {
    this.read('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.model.id}/edit`;
  }
  getEditors(): User[] {
    this.read('getEditors');
    return this.model.editors.map(user);
  }
  getViewers(): User[] {
    this.read('getViewers');
    return this.model.viewers.map(user);
  }

  // ---- sheets

  getSheets(): GasSheet[] {
    this.read('getSheets');
    return this.model.sheets.map((s) => sheetView(this.doc, s));
  }
  getNumSheets(): number {
    this.read('getNumSheets');
    return this.model.sheets.length;
  }
  /** Exact name; null when absent; the leftmost of duplicates (docs/apps-script.md#item-30). */
  getSheetByName(name: string): GasSheet | null {
    this.read('getSheetByName');
    const sheet = this.model.sheets.find((s) => s.name === name);
    return sheet ? sheetView(this.doc, sheet) : null;
  }
  getSheetById(id: number): GasSheet | null {
    this.read('getSheetById');
    const sheet = this.doc.sheetById(id);
    return sheet ? sheetView(this.doc, sheet) : null;
  }

  /** insertSheet(), (index), (name) or (name, index); templates are not supported. Makes it active (docs/apps-script.md#item-31). */
  insertSheet(nameOrIndex?: string | number | object, index?: number | object, options?: object): GasSheet {
    this.write('insertSheet');
    if (typeof nameOrIndex === 'object' || typeof index === 'object' || options !== undefined) {
      throw new AppsScriptException('Emulator: insertSheet with a template is not supported.');
    }
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    if (name === undefined) {
      let n = this.model.sheets.length + 1;
      while (this.model.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    assertSheetNameFree(this.doc, name, null);
    if (at !== undefined && !(at >= 0 && at <= this.model.sheets.length))
      throw new AppsScriptException('Invalid argument: sheetIndex');
    const sheet = newSheetModel(this.model.nextSheetId, name);
    checkCellLimit(this.model, sheet.maxRows * sheet.maxColumns);
    this.model.nextSheetId++;
    this.model.sheets.splice(at ?? this.model.sheets.length, 0, sheet);
    cursorOf(this.model).activeSheetId = sheet.id;
    this.doc.exec.recordWrite('Spreadsheet.insertSheet', sheet.name);
    return sheetView(this.doc, sheet);
  }

  deleteSheet(sheet: GasSheet): void {
    const own = fromApiSheet(sheet).model;
    this.write('deleteSheet', own);
    const i = this.model.sheets.indexOf(own);
    if (i < 0) throw new AppsScriptException('Sheet not found.');
    if (this.model.sheets.length === 1) throw new AppsScriptException("You can't remove all the sheets in a document.");
    this.model.sheets.splice(i, 1);
    this.model.namedRanges = this.model.namedRanges.filter((n) => n.sheetId !== own.id);
    const cursor = cursorOf(this.model);
    cursor.selections.delete(own.id);
    if (cursor.activeSheetId === own.id) cursor.activeSheetId = this.model.sheets[Math.max(0, i - 1)].id;
  }

  getActiveSheet(): GasSheet {
    this.read('getActiveSheet');
    return sheetView(this.doc, this.doc.activeSheetModel());
  }
  setActiveSheet(sheet: GasSheet): GasSheet {
    this.read('setActiveSheet');
    cursorOf(this.model).activeSheetId = fromApiSheet(sheet).model.id;
    return sheet;
  }
  getActiveRange(): GasRange | null {
    this.read('getActiveRange');
    const sheet = this.doc.activeSheetModel();
    const rect = cursorOf(this.model).selections.get(sheet.id) ?? { row: 1, col: 1, numRows: 1, numCols: 1 };
    return rangeView(this.doc, sheet, rect);
  }
  getCurrentCell(): GasRange | null {
    this.read('getCurrentCell');
    const sheet = this.doc.activeSheetModel();
    const rect = cursorOf(this.model).selections.get(sheet.id);
    return rangeView(this.doc, sheet, { row: rect?.row ?? 1, col: rect?.col ?? 1, numRows: 1, numCols: 1 });
  }

  /** 'Clients'!A1:B2, or A1 notation on the active sheet. */
  getRange(a1Notation: string): GasRange {
    this.read('getRange');
    const ref = parseA1(a1Notation);
    const sheet =
      ref.sheetName === null ? this.doc.activeSheetModel() : this.model.sheets.find((s) => s.name === ref.sheetName);
    if (!sheet) throw new AppsScriptException('Range not found');
    const rect = refToRect(ref, sheet.maxRows, sheet.maxColumns);
    return rangeView(this.doc, sheet, checkedRect(sheet, rect.row, rect.col, rect.numRows, rect.numCols), wholeOf(ref));
  }

  // ---- settings

  getSpreadsheetTimeZone(): string {
    this.read('getSpreadsheetTimeZone');
    return this.model.timeZone;
  }
  /**
   * Sheets keeps date serials when the zone changes (docs/apps-script.md#item-14), so every stored Date moves to the
   * instant that shows the same wall-clock time in the new zone.
   */
  setSpreadsheetTimeZone(timezone: string): void {
    this.write('setSpreadsheetTimeZone');
    if (!isValidTimeZone(String(timezone))) throw new AppsScriptException(`Invalid argument: timezone`);
    const from = this.model.timeZone;
    const to = String(timezone);
    if (from === to) return;
    for (const sheet of this.model.sheets) {
      for (const row of sheet.values) {
        if (!row) continue;
        for (let c = 0; c < row.length; c++) {
          const v = row[c];
          if (v instanceof Date) row[c] = fromSerial(toSerial(v, from), to);
        }
      }
    }
    this.model.timeZone = to;
  }
  getSpreadsheetLocale(): string {
    this.read('getSpreadsheetLocale');
    return this.model.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.write('setSpreadsheetLocale');
    this.model.locale = String(locale);
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.doc.call('Spreadsheet.toast', 'ui.toast');
    const services = this.doc.exec.env.services;
    const toasts = (services.get('toasts') as ToastRecord[] | undefined) ?? [];
    services.set('toasts', toasts);
    toasts.push({
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: timeoutSeconds === undefined ? null : timeoutSeconds,
      executionId: this.doc.exec.id,
    });
  }

  // ---- named ranges

  getRangeByName(name: string): GasRange | null {
    this.read('getRangeByName');
    const named = this.model.namedRanges.find((n) => n.name === name);
    const sheet = named && this.doc.sheetById(named.sheetId);
    return named && sheet ? rangeView(this.doc, sheet, named.rect) : null;
  }
  /** [U] name rules from Sheets help (docs/apps-script.md#item-42): letters, digits, underscore; not A1-like; not TRUE/FALSE. */
  setNamedRange(name: string, range: GasRange): void {
    this.write('setNamedRange');
    assertNamedRangeName(String(name));
    const own = fromApiRange(range);
    this.model.namedRanges = this.model.namedRanges.filter((n) => n.name !== name);
    this.model.namedRanges.push({ name: String(name), sheetId: own.sheetModel.id, rect: { ...own.rect } });
  }
  getNamedRanges(): GasNamedRange[] {
    this.read('getNamedRanges');
    return this.model.namedRanges.map((n) => namedRangeView(this.doc, n));
  }
  removeNamedRange(name: string): void {
    this.write('removeNamedRange');
    this.model.namedRanges = this.model.namedRanges.filter((n) => n.name !== name);
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.read('getProtections');
    const wantSheet = String(type) === 'SHEET';
    return this.model.sheets.flatMap((s) =>
      s.protections.filter((p) => (p.rect === null) === wantSheet).map((p) => protectionView(this.doc, s, p)),
    );
  }

  // ---- developer metadata

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: string | GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
    visibility?: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): GasSpreadsheet {
    this.write('addDeveloperMetadata');
    this.model.developerMetadata.push(
      newMetadata(this.doc, { type: 'SPREADSHEET' }, key, valueOrVisibility, visibility),
    );
    return this as unknown as GasSpreadsheet;
  }
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.read('getDeveloperMetadata');
    return this.model.developerMetadata.map((m) => metadataView(this.doc, null, m));
  }
  /** Searches all metadata of the file: spreadsheet, sheets, rows and columns. */
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.read('createDeveloperMetadataFinder');
    const doc = this.doc;
    const filters: Array<
      (m: { key: string; value: string | null; id: number; type: string; visibility: string }) => boolean
    > = [];
    const finder: Pick<
      GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder,
      'find' | 'withId' | 'withKey' | 'withValue' | 'withLocationType' | 'withVisibility'
    > = {
      withId: (id) => add((m) => m.id === id),
      withKey: (key) => add((m) => m.key === key),
      withValue: (value) => add((m) => m.value === value),
      withLocationType: (t) => add((m) => m.type === String(t)),
      withVisibility: (v) => add((m) => m.visibility === String(v)),
      find: () => {
        doc.call('DeveloperMetadataFinder.find', 'document.read');
        const all = [
          ...doc.model.developerMetadata.map((m) => ({ m, sheet: null as SheetModel | null })),
          ...doc.model.sheets.flatMap((s) => s.developerMetadata.map((m) => ({ m, sheet: s as SheetModel | null }))),
        ];
        return all
          .filter(({ m }) =>
            filters.every((f) =>
              f({ key: m.key, value: m.value, id: m.id, type: m.location.type, visibility: m.visibility }),
            ),
          )
          .map(({ m, sheet }) => metadataView(doc, sheet, m));
      },
    };
    const api = finder as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
    function add(f: (typeof filters)[number]): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
      doc.call('DeveloperMetadataFinder.with', 'document.read');
      filters.push(f);
      return api;
    }
    return api;
  }
}

function assertNamedRangeName(name: string): void {
  const ok =
    /^[A-Za-z_][A-Za-z0-9_.]{0,249}$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^R[0-9]*C[0-9]*$/i.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  if (!ok) throw new AppsScriptException(`Invalid argument: name (${name})`);
}

export class EmulatedNamedRange implements Pick<
  GasNamedRange,
  'getName' | 'getRange' | 'remove' | 'setName' | 'setRange'
> {
  /** The class name, as live Apps Script prints its objects (gas-fakes test/testsheets*.js, run on live). */
  toString(): string {
    return 'NamedRange';
  }

  constructor(
    private readonly doc: Doc,
    private readonly model: NamedRangeModel,
  ) {}

  getName(): string {
    this.doc.call('NamedRange.getName', 'document.read');
    return this.model.name;
  }
  getRange(): GasRange {
    this.doc.call('NamedRange.getRange', 'document.read');
    const sheet = this.doc.sheetById(this.model.sheetId);
    if (!sheet) throw new AppsScriptException('Range not found');
    return rangeView(this.doc, sheet, this.model.rect);
  }
  setName(name: string): GasNamedRange {
    this.doc.write('NamedRange.setName', null);
    assertNamedRangeName(String(name));
    this.model.name = String(name);
    return this as unknown as GasNamedRange;
  }
  setRange(range: GasRange): GasNamedRange {
    this.doc.write('NamedRange.setRange', null);
    const own = fromApiRange(range);
    this.model.sheetId = own.sheetModel.id;
    this.model.rect = { ...own.rect };
    return this as unknown as GasNamedRange;
  }
  remove(): void {
    this.doc.write('NamedRange.remove', null);
    this.doc.model.namedRanges = this.doc.model.namedRanges.filter((n) => n !== this.model);
  }
}

export function namedRangeView(doc: Doc, model: NamedRangeModel): GasNamedRange {
  return new EmulatedNamedRange(doc, model) as unknown as GasNamedRange;
}

const views = new WeakMap<Doc, GasSpreadsheet>();

export function spreadsheetView(doc: Doc): GasSpreadsheet {
  let view = views.get(doc);
  if (!view) views.set(doc, (view = new EmulatedSpreadsheet(doc) as unknown as GasSpreadsheet));
  return view;
}
