/**
 * What every emulated spreadsheet object shares during one execution: the execution (for counting
 * and permissions), the model, and one view object per sheet. Also the per-spreadsheet cursor (the
 * active sheet and selection), which lives beside the model so tests and the playground can set it.
 */
import type { GridRect, SheetModel, SpreadsheetModel } from '../model';
import { AppsScriptException, type Capability, type Execution } from '../runtime';
import { localeInfo, type LocaleInfo } from './locale';
import type { PlainTextReadings } from './input';
import { reading } from '../readings';

export interface CursorState {
  activeSheetId: number;
  /** selection per sheet id */
  selections: Map<number, GridRect>;
}

const cursors = new WeakMap<SpreadsheetModel, CursorState>();

/** The spreadsheet's UI cursor; the first sheet and A1 until something moves it. */
export function cursorOf(model: SpreadsheetModel): CursorState {
  let state = cursors.get(model);
  if (!state) {
    state = { activeSheetId: model.sheets[0]?.id ?? 0, selections: new Map() };
    cursors.set(model, state);
  }
  return state;
}

/** For tests and the playground: put the user's cursor on a sheet and range. */
export function setCursor(model: SpreadsheetModel, sheetName: string, rect: GridRect): void {
  const sheet = model.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`No sheet named ${sheetName}`);
  const state = cursorOf(model);
  state.activeSheetId = sheet.id;
  state.selections.set(sheet.id, { ...rect });
}

export class Doc {
  constructor(
    readonly exec: Execution,
    readonly model: SpreadsheetModel,
  ) {}

  call(method: string, needs: Capability): void {
    this.exec.call(method, needs);
  }

  /** Every write method: counted call first, then recorded for the lock audit. */
  write(method: string, sheet: SheetModel | null): void {
    this.exec.call(method, 'document.write');
    this.exec.recordWrite(method, sheet ? sheet.name : null);
  }

  get locale(): LocaleInfo {
    return localeInfo(this.model.locale);
  }

  get timeZone(): string {
    return this.model.timeZone;
  }

  /** The environment's answers to the open questions about plain-text cells (readings.ts). */
  get plainText(): PlainTextReadings {
    const env = this.exec.env;
    return { apostrophe: reading(env, 'apostropheInPlainText'), formula: reading(env, 'formulaInPlainText') };
  }

  allocateId(): number {
    return this.model.nextObjectId++;
  }

  activeSheetModel(): SheetModel {
    const cursor = cursorOf(this.model);
    const sheet = this.model.sheets.find((s) => s.id === cursor.activeSheetId) ?? this.model.sheets[0];
    if (!sheet) throw new AppsScriptException('The spreadsheet has no sheets.');
    return sheet;
  }

  sheetById(id: number): SheetModel | null {
    return this.model.sheets.find((s) => s.id === id) ?? null;
  }
}
