/**
 * SpreadsheetApp. Reference: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app.
 */
import { AppsScriptException, type Execution } from '../runtime';
import { withoutDocument } from '../readings';
import { EmulatedConditionalFormatRuleBuilder } from './conditional';
import { cursorOf, Doc } from './doc';
import * as Enums from './enums';
import { fromApiRange, rangeView } from './range';
import { fromApiSheet, sheetView } from './sheet';
import { spreadsheetView } from './spreadsheet';
import { EmulatedDataValidationBuilder } from './validation';

type Gas = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export type SpreadsheetAppMembers =
  | 'BooleanCriteria'
  | 'DataValidationCriteria'
  | 'DeveloperMetadataLocationType'
  | 'DeveloperMetadataVisibility'
  | 'Dimension'
  | 'ProtectionType'
  | 'RelativeDate'
  | 'SheetType'
  | 'WrapStrategy'
  | 'flush'
  | 'getActive'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getCurrentCell'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'openById'
  | 'openByUrl'
  | 'setActiveSheet';

export class EmulatedSpreadsheetApp implements Pick<Gas, SpreadsheetAppMembers> {
  readonly BooleanCriteria = Enums.BooleanCriteria;
  readonly DataValidationCriteria = Enums.DataValidationCriteria;
  readonly DeveloperMetadataLocationType = Enums.DeveloperMetadataLocationType;
  readonly DeveloperMetadataVisibility = Enums.DeveloperMetadataVisibility;
  readonly Dimension = Enums.Dimension;
  readonly ProtectionType = Enums.ProtectionType;
  readonly RelativeDate = Enums.RelativeDate;
  readonly SheetType = Enums.SheetType;
  readonly WrapStrategy = Enums.WrapStrategy;

  private readonly doc: Doc;

  constructor(private readonly exec: Execution) {
    this.doc = new Doc(exec, exec.env.spreadsheet);
  }

  /**
   * The bound spreadsheet, or null when the environment has none (a standalone script, docs/apps-script.md#item-45);
   * the real signature does not admit null, hence the cast.
   */
  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.exec.call('SpreadsheetApp.getActiveSpreadsheet', 'document.read');
    return this.active();
  }
  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.exec.call('SpreadsheetApp.getActive', 'document.read');
    return this.active();
  }
  private active(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    if (!this.exec.env.spreadsheet || withoutDocument(this.exec)) {
      return null as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    }
    return spreadsheetView(this.doc);
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.exec.call('SpreadsheetApp.getActiveSheet', 'document.read');
    return sheetView(this.doc, this.doc.activeSheetModel());
  }
  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.Sheet {
    this.exec.call('SpreadsheetApp.setActiveSheet', 'document.read');
    cursorOf(this.doc.model).activeSheetId = fromApiSheet(sheet).model.id;
    return sheet;
  }
  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    this.exec.call('SpreadsheetApp.getActiveRange', 'document.read');
    const sheet = this.doc.activeSheetModel();
    const rect = cursorOf(this.doc.model).selections.get(sheet.id) ?? { row: 1, col: 1, numRows: 1, numCols: 1 };
    return rangeView(this.doc, sheet, rect);
  }
  getCurrentCell(): GoogleAppsScript.Spreadsheet.Range {
    this.exec.call('SpreadsheetApp.getCurrentCell', 'document.read');
    const range = this.getActiveRange();
    const { rect, sheetModel } = fromApiRange(range);
    return rangeView(this.doc, sheetModel, { row: rect.row, col: rect.col, numRows: 1, numCols: 1 });
  }

  /** Writes apply immediately in the emulator; flush only counts. */
  flush(): void {
    this.exec.call('SpreadsheetApp.flush', 'document.read');
  }

  getUi(): GoogleAppsScript.Base.Ui {
    this.exec.call('SpreadsheetApp.getUi', 'ui.menu');
    if (this.exec.options.kind === 'timeDriven') {
      throw new AppsScriptException('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    // Loaded lazily: the UI service lives with the other services.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ui = require('../services/ui') as { createUi(exec: Execution): GoogleAppsScript.Base.Ui };
    return ui.createUi(this.exec);
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.exec.call('SpreadsheetApp.newDataValidation', 'document.read');
    return new EmulatedDataValidationBuilder(this.doc) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.exec.call('SpreadsheetApp.newConditionalFormatRule', 'document.read');
    return new EmulatedConditionalFormatRuleBuilder(
      this.doc,
    ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  }

  /** The manifest asks for spreadsheets.currentonly, which cannot open other files. */
  openById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    void id;
    return this.denyOpen('openById');
  }
  openByUrl(url: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    void url;
    return this.denyOpen('openByUrl');
  }
  private denyOpen(method: string): never {
    throw new AppsScriptException(
      `You do not have permission to call SpreadsheetApp.${method}. Required permissions: https://www.googleapis.com/auth/spreadsheets`,
    );
  }
}
