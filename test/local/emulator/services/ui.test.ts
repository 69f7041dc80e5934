// Sources: https://developers.google.com/apps-script/reference/base/ui ,
// https://developers.google.com/apps-script/reference/base/prompt-response ,
// https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle (no sidebars in LIMITED; menus in NONE)
import { createUi, lockState, uiState } from '../../../../src/local/emulator/services';
import type { EnvironmentState, ExecutionOptions } from '../../../../src/local/emulator/runtime';
import { FULL_MENU, newEnv, NOT_ENABLED, SIMPLE_TRIGGER, start } from './harness';

function ui(env: EnvironmentState, options: ExecutionOptions = FULL_MENU) {
  const { exec, g } = start(env, options);
  return { exec, g, ui: createUi(exec) };
}

describe('Ui', () => {
  test('menus built in AuthMode.NONE are recorded only once added to the UI', () => {
    const env = newEnv();
    uiState(env).addonTitle = 'Client Tracker';
    const { ui: u } = ui(env, NOT_ENABLED);
    const sub = u.createMenu('Reports').addItem('Weekly', 'showWeekly');
    const menu = u.createAddonMenu().addItem('Open sidebar', 'showSidebar').addSeparator().addSubMenu(sub);
    expect(uiState(env).menus).toEqual([]);
    menu.addToUi();
    expect(uiState(env).menus).toEqual([
      {
        caption: 'Client Tracker',
        addon: true,
        items: [
          { type: 'item', caption: 'Open sidebar', functionName: 'showSidebar' },
          { type: 'separator' },
          {
            type: 'subMenu',
            menu: {
              caption: 'Reports',
              addon: false,
              items: [{ type: 'item', caption: 'Weekly', functionName: 'showWeekly' }],
            },
          },
        ],
      },
    ]);
  });

  test('opening the file again replaces the menu instead of duplicating it', () => {
    const env = newEnv();
    ui(env, SIMPLE_TRIGGER).ui.createAddonMenu().addItem('A', 'a').addToUi();
    ui(env, SIMPLE_TRIGGER).ui.createAddonMenu().addItem('B', 'b').addToUi();
    expect(uiState(env).menus.map((m) => m.items)).toEqual([[{ type: 'item', caption: 'B', functionName: 'b' }]]);
  });

  test('a sidebar is recorded with its title and content, always 300 px wide', () => {
    const env = newEnv();
    const { g, ui: u } = ui(env);
    u.showSidebar(g.HtmlService.createHtmlOutput('<p>hi</p>').setTitle('Clients').setWidth(500));
    expect(uiState(env).shown).toEqual([
      { kind: 'sidebar', title: 'Clients', content: '<p>hi</p>', width: 300, height: null, executionId: 1 },
    ]);
  });

  test("a dialog's title argument overrides setTitle; its size comes from the output", () => {
    const env = newEnv();
    const { g, ui: u } = ui(env);
    u.showModalDialog(g.HtmlService.createHtmlOutput('x').setTitle('ignored').setWidth(600).setHeight(400), 'Import');
    u.showModelessDialog(g.HtmlService.createHtmlOutput('y'), 'Help');
    expect(uiState(env).shown.map((s) => [s.kind, s.title, s.width, s.height])).toEqual([
      ['modalDialog', 'Import', 600, 400],
      ['modelessDialog', 'Help', null, null],
    ]);
  });

  test('showing a sidebar needs an HtmlOutput', () => {
    const { ui: u } = ui(newEnv());
    expect(() => u.showSidebar('<p>raw string</p>')).toThrow('Invalid argument: userInterface');
  });

  test('a simple trigger (LIMITED) may build menus but not show a sidebar or alert', () => {
    const { g, ui: u } = ui(newEnv(), SIMPLE_TRIGGER);
    u.createMenu('M').addItem('x', 'x').addToUi();
    expect(() => u.showSidebar(g.HtmlService.createHtmlOutput('x'))).toThrow(
      'You do not have permission to call Ui.showSidebar',
    );
    expect(() => u.alert('hi')).toThrow('You do not have permission to call Ui.alert');
  });

  test('alert returns OK (the first button of its set) unless a scripted answer says otherwise', () => {
    const env = newEnv();
    const { ui: u } = ui(env);
    expect(u.alert('Saved')).toBe(u.Button.OK);
    expect(u.alert('Delete?', 'Really delete 3 clients?', u.ButtonSet.YES_NO)).toBe('YES');
    uiState(env).scriptedAnswers.push({ button: 'NO' });
    expect(u.alert('Delete?', u.ButtonSet.YES_NO)).toBe('NO');
    expect(uiState(env).dialogs.map((d) => [d.title, d.prompt, d.selected])).toEqual([
      ['', 'Saved', 'OK'],
      ['Delete?', 'Really delete 3 clients?', 'YES'],
      ['', 'Delete?', 'NO'],
    ]);
  });

  test('a scripted answer that is not a button of the set is a test bug', () => {
    const env = newEnv();
    uiState(env).scriptedAnswers.push({ button: 'YES' });
    expect(() => ui(env).ui.alert('Saved')).toThrow('not a button of ButtonSet.OK');
  });

  test('prompt returns the scripted text and button; the text is there even on Cancel or close', () => {
    const env = newEnv();
    const { ui: u } = ui(env);
    const empty = u.prompt('Name?');
    expect([empty.getSelectedButton(), empty.getResponseText()]).toEqual(['OK', '']);
    uiState(env).scriptedAnswers.push({ button: 'CANCEL', text: 'half typed' }, { button: 'CLOSE', text: 'x' });
    const cancelled = u.prompt('Rename', 'New name?', u.ButtonSet.OK_CANCEL);
    expect([cancelled.getSelectedButton(), cancelled.getResponseText()]).toEqual(['CANCEL', 'half typed']);
    expect(u.prompt('Again?').getSelectedButton()).toBe(u.Button.CLOSE);
  });

  test('an alert suspends the script, and its locks do not survive', () => {
    const env = newEnv();
    const { exec, g, ui: u } = ui(env);
    const lock = g.LockService.getDocumentLock();
    lock.waitLock(1000);
    u.alert('Confirm');
    expect(lock.hasLock()).toBe(false);
    expect(exec.holdsDocumentLock).toBe(false);
    expect(lockState(env).size).toBe(0);
  });
});
