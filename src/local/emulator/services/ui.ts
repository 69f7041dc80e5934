/**
 * The Ui that SpreadsheetApp.getUi() returns: menus, sidebars, dialogs, and alert/prompt with scripted answers.
 *
 * Sources: https://developers.google.com/apps-script/reference/base/ui (nothing shows until addToUi;
 * alert/prompt suspend the script and return the clicked Button, OK by default; showSidebar and the dialogs
 * do not suspend; the dialog's title argument overrides setTitle; every sidebar is 300 px wide),
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle (no sidebars or dialogs in
 * LIMITED: menus may be built even in NONE). Locks do not survive an alert/prompt, so those release them.
 */
import { AppsScriptException, type EnvironmentState, type Execution } from '../runtime';
import { readHtmlOutput } from './html';
import { releaseLocksHeldBy } from './lock';
import { serviceState } from './state';

export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export type ButtonName = keyof typeof Button;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;
export type ButtonSetName = keyof typeof ButtonSet;

const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export const SIDEBAR_WIDTH_PX = 300;

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'subMenu'; menu: MenuRecord };

export interface MenuRecord {
  caption: string;
  /** true for createAddonMenu(): shown under Extensions › <add-on name> */
  addon: boolean;
  items: MenuEntry[];
}

export interface ShownRecord {
  kind: 'sidebar' | 'modalDialog' | 'modelessDialog';
  title: string;
  content: string;
  width: number | null;
  height: number | null;
  executionId: number;
}

export interface DialogRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttonSet: ButtonSetName;
  selected: ButtonName;
  responseText: string | null;
}

/** What the (scripted) user does with the next alert or prompt. */
export interface ScriptedAnswer {
  button?: ButtonName;
  text?: string;
}

export interface UiState {
  /** the add-on's name: the caption of createAddonMenu()'s menu */
  addonTitle: string;
  menus: MenuRecord[];
  shown: ShownRecord[];
  dialogs: DialogRecord[];
  scriptedAnswers: ScriptedAnswer[];
}

export function uiState(env: EnvironmentState): UiState {
  return serviceState(env, 'ui', (): UiState => ({
    addonTitle: 'Add-on',
    menus: [],
    shown: [],
    dialogs: [],
    scriptedAnswers: [],
  }));
}

export interface Menu {
  addItem(caption: string, functionName: string): Menu;
  addSeparator(): Menu;
  addSubMenu(menu: Menu): Menu;
  addToUi(): void;
}

export interface PromptResponse {
  getResponseText(): string;
  getSelectedButton(): ButtonName;
}

export interface Ui {
  Button: typeof Button;
  ButtonSet: typeof ButtonSet;
  createMenu(caption: string): Menu;
  createAddonMenu(): Menu;
  showSidebar(userInterface: unknown): void;
  showModalDialog(userInterface: unknown, title: string): void;
  showModelessDialog(userInterface: unknown, title: string): void;
  alert(prompt: string): ButtonName;
  alert(prompt: string, buttons: ButtonSetName): ButtonName;
  alert(title: string, prompt: string, buttons: ButtonSetName): ButtonName;
  prompt(prompt: string): PromptResponse;
  prompt(prompt: string, buttons: ButtonSetName): PromptResponse;
  prompt(title: string, prompt: string, buttons: ButtonSetName): PromptResponse;
}

const menuRecords = new WeakMap<Menu, MenuRecord>();

function createMenu(exec: Execution, record: MenuRecord): Menu {
  const menu: Menu = {
    addItem(caption, functionName) {
      exec.call('Menu.addItem', 'ui.menu');
      record.items.push({ type: 'item', caption: String(caption), functionName: String(functionName) });
      return menu;
    },
    addSeparator() {
      exec.call('Menu.addSeparator', 'ui.menu');
      record.items.push({ type: 'separator' });
      return menu;
    },
    addSubMenu(sub) {
      exec.call('Menu.addSubMenu', 'ui.menu');
      const subRecord = menuRecords.get(sub);
      if (!subRecord || subRecord.addon) throw new AppsScriptException('Invalid argument: menu');
      record.items.push({ type: 'subMenu', menu: subRecord });
      return menu;
    },
    addToUi() {
      exec.call('Menu.addToUi', 'ui.menu');
      // Opening the file again rebuilds the menus; the latest build of a caption replaces the previous one.
      const menus = uiState(exec.env).menus;
      const at = menus.findIndex((m) => m.caption === record.caption && m.addon === record.addon);
      if (at >= 0) menus[at] = record;
      else menus.push(record);
    },
  };
  menuRecords.set(menu, record);
  return menu;
}

/** Splits alert/prompt's overloads: (prompt), (prompt, buttons), (title, prompt, buttons). */
function dialogArgs(args: unknown[]): { title: string; prompt: string; buttonSet: ButtonSetName } {
  const isSet = (v: unknown): v is ButtonSetName => typeof v === 'string' && v in ButtonSet;
  if (args.length >= 3)
    return { title: String(args[0]), prompt: String(args[1]), buttonSet: isSet(args[2]) ? args[2] : 'OK' };
  if (args.length === 2 && isSet(args[1])) return { title: '', prompt: String(args[0]), buttonSet: args[1] };
  return { title: '', prompt: String(args[0] ?? ''), buttonSet: 'OK' };
}

export function createUi(exec: Execution): Ui {
  const state = uiState(exec.env);

  const show = (kind: ShownRecord['kind'], method: string, userInterface: unknown, title?: string): void => {
    exec.call(`Ui.${method}`, 'ui.show');
    const html = readHtmlOutput(userInterface);
    if (!html) throw new AppsScriptException('Invalid argument: userInterface');
    state.shown.push({
      kind,
      title: title === undefined ? html.title : String(title),
      content: html.content,
      width: kind === 'sidebar' ? SIDEBAR_WIDTH_PX : html.width,
      height: kind === 'sidebar' ? null : html.height,
      executionId: exec.id,
    });
  };

  /** Suspends the script until the scripted user answers; locks do not survive the wait. */
  const ask = (kind: DialogRecord['kind'], args: unknown[]): DialogRecord => {
    exec.call(`Ui.${kind}`, 'ui.show');
    const { title, prompt, buttonSet } = dialogArgs(args);
    const answer = state.scriptedAnswers.shift() ?? {};
    const allowed = BUTTONS_OF[buttonSet];
    const selected = answer.button ?? allowed[0];
    if (selected !== 'CLOSE' && !allowed.includes(selected)) {
      throw new Error(`Scripted answer ${selected} is not a button of ButtonSet.${buttonSet} ("${prompt}").`);
    }
    releaseLocksHeldBy(exec);
    const record: DialogRecord = {
      kind,
      title,
      prompt,
      buttonSet,
      selected,
      responseText: kind === 'prompt' ? (answer.text ?? '') : null,
    };
    state.dialogs.push(record);
    return record;
  };

  return {
    Button,
    ButtonSet,
    createMenu(caption) {
      exec.call('Ui.createMenu', 'ui.menu');
      return createMenu(exec, { caption: String(caption), addon: false, items: [] });
    },
    createAddonMenu() {
      exec.call('Ui.createAddonMenu', 'ui.menu');
      return createMenu(exec, { caption: state.addonTitle, addon: true, items: [] });
    },
    showSidebar(userInterface) {
      show('sidebar', 'showSidebar', userInterface);
    },
    showModalDialog(userInterface, title) {
      show('modalDialog', 'showModalDialog', userInterface, title);
    },
    showModelessDialog(userInterface, title) {
      show('modelessDialog', 'showModelessDialog', userInterface, title);
    },
    alert: ((...args: unknown[]) => ask('alert', args).selected) as Ui['alert'],
    prompt: ((...args: unknown[]) => {
      const record = ask('prompt', args);
      return {
        getResponseText: () => record.responseText ?? '',
        getSelectedButton: () => record.selected,
      };
    }) as Ui['prompt'],
  };
}
