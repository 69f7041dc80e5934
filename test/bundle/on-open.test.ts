/**
 * The built add-on loaded in node:vm with the emulator as its globals, opened the ways Apps Script
 * opens it. An add-on installed but not yet used in a file runs onOpen in AuthMode.NONE, where
 * touching the document or properties throws and the whole menu would be missing.
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 */
import { uiState, type MenuRecord } from '../../src/local/emulator/services';
import { run } from '../../src/local/runner';
import { bundle } from '../helpers/bundle';
import { newWorkbook } from '../helpers/workbook';

type Mode = 'NONE' | 'LIMITED' | 'FULL';

function openIn(wb: ReturnType<typeof newWorkbook>, mode: Mode, fn = 'onOpen'): MenuRecord {
  run(bundle(), wb.env, { authMode: mode, kind: 'simpleTrigger', activeUser: '' }, fn, (_exec, g) => [
    { authMode: (g.ScriptApp as { AuthMode: Record<Mode, unknown> }).AuthMode[mode] },
  ]);
  const menus = uiState(wb.env).menus;
  return menus[menus.length - 1];
}

function captions(menu: MenuRecord): string[] {
  return menu.items.flatMap((i) =>
    i.type === 'item' ? [i.caption] : i.type === 'subMenu' ? [i.menu.caption, ...captions(i.menu)] : [],
  );
}

function functionNames(menu: MenuRecord): string[] {
  return menu.items.flatMap((i) =>
    i.type === 'item' ? [i.functionName] : i.type === 'subMenu' ? functionNames(i.menu) : [],
  );
}

describe('onOpen', () => {
  test('in AuthMode.NONE it builds the add-on menu from the user’s locale without touching the document', () => {
    const wb = newWorkbook();
    const menu = openIn(wb, 'NONE');
    expect(menu.caption).toBe('Client Tracker');
    expect(captions(menu)).toContain('Set up / upgrade sheets');
  });

  test('the emulator really refuses the document in AuthMode.NONE (so the test above proves something)', () => {
    const wb = newWorkbook();
    expect(() => run(bundle(), wb.env, { authMode: 'NONE', kind: 'simpleTrigger' }, 'menuSetup')).toThrow(
      /You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/,
    );
  });

  test('in AuthMode.LIMITED it uses the workbook language chosen at setup (Chinese here)', () => {
    const wb = newWorkbook({ locale: 'zh_CN' });
    wb.menu('menuSetup');
    const menu = openIn(wb, 'LIMITED');
    expect(captions(menu)).toContain('初始化 / 更新表格结构');
  });

  test('onInstall runs in FULL and adds the same menu', () => {
    const wb = newWorkbook();
    const menu = openIn(wb, 'FULL', 'onInstall');
    expect(menu.caption).toBe('Client Tracker');
    expect(captions(menu)).toContain('Set up / upgrade sheets');
  });

  test('every menu item names a function the built file exposes', () => {
    const wb = newWorkbook();
    const menu = openIn(wb, 'FULL');
    const source = bundle().source;
    const names = functionNames(menu);
    expect(names.length).toBeGreaterThan(0);
    for (const fn of names) expect(source).toMatch(new RegExp(`^function ${fn}\\(`, 'm'));
  });
});
