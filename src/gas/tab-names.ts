/**
 * Tab names and IDs already known in this execution (a lookup by name, or the list of tabs), so a message or
 * a check does not ask Google again: each getName is a call (docs/calls.md, "Tabs by name").
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Names the code has read or looked up this execution, so a message or a check need not ask again. */
export const knownNames = new WeakMap<Sheet, string>();

/** A tab's name: the one read or looked up earlier in this execution, else one call. */
export function nameOf(sheet: Sheet): string {
  const known = knownNames.get(sheet);
  if (known !== undefined) return known;
  const name = sheet.getName();
  knownNames.set(sheet, name);
  return name;
}

/** Records a tab's new name after the code renamed it. */
export function renamed(sheet: Sheet, name: string): void {
  knownNames.set(sheet, name);
}

const knownIds = new WeakMap<Sheet, number>();

/** A tab's ID, which never changes: asked once per tab per execution (docs/calls.md). */
export function sheetIdOf(sheet: Sheet): number {
  const known = knownIds.get(sheet);
  if (known !== undefined) return known;
  const id = sheet.getSheetId();
  knownIds.set(sheet, id);
  return id;
}
