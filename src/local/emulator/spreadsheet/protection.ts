/**
 * Protection of a sheet or range. Source: https://developers.google.com/apps-script/reference/spreadsheet/protection
 * (setWarningOnly: anyone may edit after a prompt; default false). Editors are not modelled, so the
 * emulator does not block writes to protected ranges (docs/apps-script.md#item-37: a new protection mirrors the file's
 * permissions, so it blocks nobody who can already edit).
 */
import type { ProtectionModel, SheetModel } from '../model';
import type { Doc } from './doc';
import { ProtectionType } from './enums';
import { fromApiRange, rangeView } from './range';

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;

export class EmulatedProtection implements Pick<
  GasProtection,
  | 'getDescription'
  | 'setDescription'
  | 'isWarningOnly'
  | 'setWarningOnly'
  | 'remove'
  | 'getRange'
  | 'setRange'
  | 'getProtectionType'
  | 'canEdit'
> {
  /** The class name, as live Apps Script prints its objects (gas-fakes test/testsheets*.js, run on live). */
  toString(): string {
    return 'Protection';
  }

  constructor(
    private readonly doc: Doc,
    private readonly sheet: SheetModel,
    readonly model: ProtectionModel,
  ) {}

  private get api(): GasProtection {
    return this as unknown as GasProtection;
  }

  getDescription(): string {
    this.doc.call('Protection.getDescription', 'document.read');
    return this.model.description;
  }
  setDescription(description: string): GasProtection {
    this.doc.write('Protection.setDescription', this.sheet);
    this.model.description = String(description);
    return this.api;
  }
  isWarningOnly(): boolean {
    this.doc.call('Protection.isWarningOnly', 'document.read');
    return this.model.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): GasProtection {
    this.doc.write('Protection.setWarningOnly', this.sheet);
    this.model.warningOnly = Boolean(warningOnly);
    return this.api;
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.doc.call('Protection.getProtectionType', 'document.read');
    return this.model.rect ? ProtectionType.RANGE : ProtectionType.SHEET;
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    this.doc.call('Protection.getRange', 'document.read');
    const rect = this.model.rect ?? { row: 1, col: 1, numRows: this.sheet.maxRows, numCols: this.sheet.maxColumns };
    return rangeView(this.doc, this.sheet, rect);
  }
  setRange(range: GoogleAppsScript.Spreadsheet.Range): GasProtection {
    this.doc.write('Protection.setRange', this.sheet);
    this.model.rect = { ...fromApiRange(range).rect };
    return this.api;
  }
  /** The emulator models no per-protection editors: the running user can always edit. */
  canEdit(): boolean {
    this.doc.call('Protection.canEdit', 'document.read');
    return true;
  }
  remove(): void {
    this.doc.write('Protection.remove', this.sheet);
    const i = this.sheet.protections.indexOf(this.model);
    if (i >= 0) this.sheet.protections.splice(i, 1);
  }
}

export function protectionView(doc: Doc, sheet: SheetModel, model: ProtectionModel): GasProtection {
  return new EmulatedProtection(doc, sheet, model) as unknown as GasProtection;
}
