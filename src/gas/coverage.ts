/**
 * Keeping the Clients tab's highlighting and warning-only protections over the whole table as it
 * grows. Both were set over the grid as it was at setup; whether Sheets stretches them over rows
 * appended below the grid's last row is not documented (docs/google-readings.md,
 * rulesFollowAppendedRows), so whatever appends rows (addClient, and every Refresh and daily run, for
 * rows people added by hand) stretches them again. Ranges that already reach the last row are left
 * alone, so a grid that did not grow costs reads only: a constant number of calls, whatever the rows.
 */
import { isOurRule } from './highlight';
import { sheetIdOf } from './tab-names';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Our protections say so in their description, so a second run recognises them. */
export const COMPUTED_PROTECTION = 'Client Tracker: computed column';

/** What a check of the coverage found: rules and protections short of the grid's last row. */
export interface Coverage {
  maxRows: number;
  rulesShort: number;
  protectionsShort: number;
}

function toLastRow(sheet: Sheet, range: Range, maxRows: number): Range {
  return sheet.getRange(range.getRow(), range.getColumn(), maxRows - range.getRow() + 1, range.getNumColumns());
}

/** Counts (and with `fix`, stretches) our rules and protections that stop short of the last row. */
export function tableCoverage(sheet: Sheet, fix: boolean): Coverage {
  const maxRows = sheet.getMaxRows();
  const rules = sheet.getConditionalFormatRules();
  let rulesShort = 0;
  const stretched = rules.map((rule) => {
    if (!isOurRule(rule)) return rule;
    const ranges = rule.getRanges();
    if (ranges.every((r) => r.getLastRow() >= maxRows)) return rule;
    rulesShort++;
    return rule
      .copy()
      .setRanges(ranges.map((r) => toLastRow(sheet, r, maxRows)))
      .build();
  });
  if (fix && rulesShort > 0) sheet.setConditionalFormatRules(stretched);
  let protectionsShort = 0;
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (!p.getDescription().startsWith(COMPUTED_PROTECTION)) continue;
    const range = p.getRange();
    if (range.getLastRow() >= maxRows) continue;
    protectionsShort++;
    if (fix) p.setRange(toLastRow(sheet, range, maxRows));
  }
  return { maxRows, rulesShort, protectionsShort };
}

/** Where the rows last checked or stretched ended, per tab (document properties). */
const COVERED_KEY = 'ct.coverage.rows.';

/** Stretches the highlighting and protections over rows appended past them, and remembers the grid it covered. */
export function keepTableCovered(sheet: Sheet): void {
  const { maxRows } = tableCoverage(sheet, true);
  PropertiesService.getDocumentProperties().setProperty(COVERED_KEY + sheetIdOf(sheet), String(maxRows));
}

/**
 * keepTableCovered, skipped when the grid is the one last covered (`maxRows`, already read by the
 * caller): an append into spare rows changes no coverage, and this costs one property read instead
 * of reading every rule and protection. Rows inserted by hand since change the grid: they are covered.
 */
export function keepTableCoveredIfGrown(sheet: Sheet, maxRows: number): void {
  const covered = PropertiesService.getDocumentProperties().getProperty(COVERED_KEY + sheetIdOf(sheet));
  if (covered !== String(maxRows)) keepTableCovered(sheet);
}
