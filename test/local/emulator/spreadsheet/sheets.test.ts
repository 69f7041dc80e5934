/** Spreadsheet and Sheet structure: tabs, rows/columns, names, protections, charts, metadata. */
import { open } from './harness';

describe('sheets', () => {
  test('getSheetByName: null when absent, exact name (item 30)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetByName(String)
    const { ss } = open();
    expect(ss.getSheetByName('Nope')).toBeNull();
    expect(ss.getSheetByName('Sheet1')?.getName()).toBe('Sheet1');
  });

  test('insertSheet adds, positions and activates; default 1000 x 26 (item 31)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer)
    const { ss } = open();
    const clients = ss.insertSheet('Clients');
    expect(ss.getActiveSheet().getName()).toBe('Clients');
    const first = ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Clients']);
    expect(first.getIndex()).toBe(1);
    expect([clients.getMaxRows(), clients.getMaxColumns()]).toEqual([1000, 26]);
    expect(clients.getParent().getId()).toBe(ss.getId());
    expect(ss.insertSheet().getName()).toBe('Sheet4');
  });

  test('a duplicate name throws the documented message (item 31)', () => {
    const { ss } = open();
    ss.insertSheet('Clients');
    expect(() => ss.insertSheet('Clients')).toThrow(
      'A sheet with the name "Clients" already exists. Please enter another name.',
    );
    expect(() => ss.getSheets()[0].setName('Clients')).toThrow('A sheet with the name "Clients" already exists.');
  });

  test('sheet names are unique ignoring case — unverified (item 32)', () => {
    const { ss } = open();
    ss.insertSheet('Clients');
    expect(() => ss.insertSheet('CLIENTS')).toThrow(
      'A sheet with the name "CLIENTS" already exists. Please enter another name.',
    );
  });

  test('deleteSheet removes the tab but never the last one (spreadsheet#deleteSheet)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#deleteSheet(Sheet)
    const { ss, sheet } = open();
    const tmp = ss.insertSheet('Tmp');
    ss.deleteSheet(tmp);
    expect(ss.getSheetByName('Tmp')).toBeNull();
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
  });

  test('insertRowsAfter below the data leaves getLastRow unchanged; deleteRows shifts up (item 25)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
    const { sheet } = open();
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.insertRowsAfter(3, 10);
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getMaxRows()).toBe(1010);
    sheet.insertRowsBefore(2, 1);
    expect(sheet.getRange('A1:A4').getValues().flat()).toEqual(['a', '', 'b', 'c']);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A2').getValues().flat()).toEqual(['a', 'c']);
    sheet.deleteRow(1);
    expect(sheet.getRange('A1').getValue()).toBe('c');
    expect(() => sheet.deleteRows(2000, 1)).toThrow('Those rows are out of bounds.');
  });

  test('formats follow inserted rows: new rows take the row above, cells below move (item 25)', () => {
    const { sheet } = open();
    sheet.getRange('A2:A3').setBackground('#00ff00');
    sheet.getRange('B5').setNote('n').setValue(5);
    sheet.insertRowAfter(3);
    expect(sheet.getRange('A4').getBackground()).toBe('#00ff00');
    expect(sheet.getRange('B6').getNote()).toBe('n');
    expect(sheet.getRange('B6').getValue()).toBe(5);
  });

  test('columns insert and delete with their values (sheet#insertColumnsAfter)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertColumnsAfter(Integer,Integer)
    const { sheet } = open();
    sheet.getRange('A1:C1').setValues([[1, 2, 3]]);
    sheet.insertColumnAfter(1);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[1, '', 2, 3]]);
    expect(sheet.getMaxColumns()).toBe(27);
    sheet.insertColumnsAfter(4, 2);
    expect(sheet.getMaxColumns()).toBe(29);
    sheet.deleteColumns(2, 1);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[1, 2, 3]]);
    sheet.deleteColumn(1);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[2, 3]]);
  });

  test('frozen rows, widths, hiding and tab colour are stored (items 38)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/sheet#setFrozenRows(Integer)
    const { ss, sheet } = open();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    sheet.setColumnWidth(2, 240).setColumnWidths(3, 2, 80).autoResizeColumns(1, 5);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(4)]).toEqual([100, 240, 80]);
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    ss.insertSheet('Other');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    sheet.showSheet().setTabColor('#FF0000');
    expect(sheet.isSheetHidden()).toBe(false);
    expect(sheet.getTabColor()).toBe('#ff0000');
  });

  test('clear vs clearContents vs clearFormats (item 27)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/sheet#clearContents()
    const { sheet } = open();
    sheet.getRange('A1').setValue('x').setFontWeight('bold');
    sheet.clearContents();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getFontWeight()).toBe('bold');
    sheet.getRange('A1').setValue('y');
    sheet.clearFormats();
    expect(sheet.getRange('A1').getFontWeight()).toBe('normal');
    expect(sheet.getRange('A1').getValue()).toBe('y');
    sheet.clear();
    expect(sheet.getLastRow()).toBe(0);
  });

  test('protect(): description and warning-only flag; getProtections by type (item 37)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/protection#setWarningOnly(Boolean)
    const { app, ss, sheet } = open();
    const p = sheet.protect().setDescription('formulas');
    expect(p.isWarningOnly()).toBe(false);
    p.setWarningOnly(true);
    const r = sheet.getRange('A1:A5').protect().setDescription('ids');
    expect(sheet.getProtections(app.ProtectionType.SHEET).map((x) => x.getDescription())).toEqual(['formulas']);
    expect(ss.getProtections(app.ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('A1:A5');
    expect(sheet.getProtections(app.ProtectionType.SHEET)[0].isWarningOnly()).toBe(true);
    r.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });

  test('charts: build does not insert; insert, update, remove (item 43)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
    const { sheet } = open();
    const chart = sheet
      .newChart()
      .setChartType('COLUMN' as unknown as GoogleAppsScript.Charts.ChartType)
      .addRange(sheet.getRange('A1:B5'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Pipeline')
      .build();
    expect(sheet.getCharts()).toHaveLength(0);
    sheet.insertChart(chart);
    const [stored] = sheet.getCharts();
    expect(stored.getChartId()).not.toBeNull();
    expect(stored.getRanges()[0].getA1Notation()).toBe('A1:B5');
    expect(stored.getOptions().get('title')).toBe('Pipeline');
    sheet.updateChart(stored.modify().setOption('title', 'Won').setPosition(3, 1, 5, 5).build());
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Won');
    expect(sheet.getCharts()[0].getContainerInfo().getAnchorRow()).toBe(3);
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  test('named ranges: set, get, null when missing, remove (item 42)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getRangeByName(String)
    const { ss, sheet } = open();
    ss.setNamedRange('Clients_Ids', sheet.getRange('A2:A100'));
    expect(ss.getRangeByName('Clients_Ids')?.getA1Notation()).toBe('A2:A100');
    expect(ss.getRangeByName('nope')).toBeNull();
    expect(sheet.getNamedRanges().map((n) => n.getName())).toEqual(['Clients_Ids']);
    sheet.insertRowBefore(1);
    expect(ss.getRangeByName('Clients_Ids')?.getA1Notation()).toBe('A3:A101');
    ss.removeNamedRange('Clients_Ids');
    expect(ss.getNamedRanges()).toHaveLength(0);
  });

  test('named range names follow the Sheets help rules — unverified (item 42)', () => {
    const { ss, sheet } = open();
    expect(() => ss.setNamedRange('A1', sheet.getRange('A1'))).toThrow('Invalid argument');
    expect(() => ss.setNamedRange('TRUE', sheet.getRange('A1'))).toThrow('Invalid argument');
  });

  test('developer metadata: whole rows only, follows inserted rows, dies with deleted rows (items 40, 41)', () => {
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.developerMetadata
    const { ss, sheet } = open();
    expect(() => sheet.getRange('A1:B2').addDeveloperMetadata('k')).toThrow(
      'Adding developer metadata to arbitrary ranges is not currently supported.',
    );
    sheet.getRange('5:5').addDeveloperMetadata('client', 'c-1');
    sheet.insertRowsBefore(1, 2);
    expect(
      sheet
        .getRange('7:7')
        .getDeveloperMetadata()
        .map((m) => m.getValue()),
    ).toEqual(['c-1']);
    const found = ss.createDeveloperMetadataFinder().withKey('client').find();
    expect(found.map((m) => m.getLocation().getRow()?.getRow())).toEqual([7]);
    sheet.deleteRow(7);
    expect(ss.createDeveloperMetadataFinder().withKey('client').find()).toHaveLength(0);
    ss.addDeveloperMetadata('schema', '3');
    sheet.addDeveloperMetadata('table', 'clients');
    expect(ss.getDeveloperMetadata()[0].getValue()).toBe('3');
    expect(sheet.getDeveloperMetadata()[0].getKey()).toBe('table');
  });

  test('toast records message, title and timeout (item 47)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#toast(String,String,Number)
    const { ss, env } = open();
    ss.toast('Saved', 'Client Tracker', 3);
    ss.toast('Done');
    expect(env.services.get('toasts')).toEqual([
      { message: 'Saved', title: 'Client Tracker', timeoutSeconds: 3, executionId: 1 },
      { message: 'Done', title: '', timeoutSeconds: null, executionId: 1 },
    ]);
  });

  test('time zone, locale, id, url, editors (item 46)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetTimeZone()
    const { ss, env } = open({ timeZone: 'Asia/Shanghai', locale: 'zh_CN' });
    env.spreadsheet.editors.push('boss@example.com');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Shanghai');
    expect(ss.getSpreadsheetLocale()).toBe('zh_CN');
    expect(ss.getUrl()).toBe('https://docs.google.com/spreadsheets/d/local-spreadsheet/edit');
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['boss@example.com']);
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow('Invalid argument');
  });

  test('openById is refused: the manifest only has spreadsheets.currentonly', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String)
    const { app } = open();
    expect(() => app.openById('abc')).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });
});
