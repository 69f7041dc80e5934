/** Parts of exceljs 4.4's Worksheet that work but are missing from its type declarations. */
import type { ConditionalFormattingOptions, DataValidation, Worksheet } from 'exceljs';

export interface WorksheetExtras {
  /** by cell address ('B2', expanded from ranges on read) or, when writing, by range ('B2:B1000') */
  dataValidations: {
    model: Record<string, DataValidation | undefined>;
    add(address: string, rule: DataValidation): void;
  };
  conditionalFormattings: ConditionalFormattingOptions[];
}

export function worksheetExtras(ws: Worksheet): WorksheetExtras {
  return ws as unknown as WorksheetExtras;
}
